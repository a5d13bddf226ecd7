import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { CODE_PATTERN } from '@complaints/contracts';

export class QuarterParamsDto {
  @ApiProperty({ example: '2026-Q2' })
  @Matches(/^\d{4}-Q[1-4]$/, { message: 'quarter must be YYYY-Qn' })
  quarter: string;
}

export class ReturnQueryDto {
  @ApiPropertyOptional({ example: 'cn-sh', description: 'Default: the whole insurer' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'region must be a code such as cn-sh' })
  @MaxLength(64)
  region?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
