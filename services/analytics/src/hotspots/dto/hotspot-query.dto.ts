import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../../read-models/periods';
import { Dimension, DIMENSION_NAMES } from '../dimensions';

export class HotspotQueryDto {
  @ApiPropertyOptional({ enum: DIMENSION_NAMES, default: 'subcategory' })
  @IsOptional()
  @IsIn(DIMENSION_NAMES)
  dimension?: Dimension;

  @ApiPropertyOptional({
    example: '2026-Q2',
    description:
      'A month (2026-03), quarter (2026-Q2) or year (2026); default: the current quarter',
  })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must be YYYY, YYYY-MM or YYYY-Qn' })
  period?: string;
}
