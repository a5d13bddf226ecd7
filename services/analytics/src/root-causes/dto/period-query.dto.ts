import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../../read-models/periods';

export class PeriodQueryDto {
  @ApiPropertyOptional({ example: '2026-Q2', description: 'Default: the current quarter' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must be YYYY, YYYY-MM or YYYY-Qn' })
  period?: string;
}
