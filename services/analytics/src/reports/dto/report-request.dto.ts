import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../../read-models/periods';

export class ReportParamsDto {
  @ApiProperty({
    example: '2026-Q2',
    description: 'monthly 2026-03, quarterly 2026-Q2 or yearly 2026',
  })
  @Matches(PERIOD_PATTERN, { message: 'period must be YYYY, YYYY-MM or YYYY-Qn' })
  period: string;
}

export class ReportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
