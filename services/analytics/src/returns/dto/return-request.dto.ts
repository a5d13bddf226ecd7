import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { CODE_PATTERN } from '@complaints/contracts';

export class QuarterParamsDto {
  @ApiProperty({ example: '2026-Q2' })
  @Matches(/^\d{4}-Q[1-4]$/, { message: 'quarter must be YYYY-Qn' })
  quarter: string;
}

export class HalfYearParamsDto {
  @ApiProperty({ example: '2026-H1', description: 'H1 January to June, H2 July to December' })
  @Matches(/^\d{4}-H[12]$/, { message: 'halfYear must be YYYY-H1 or YYYY-H2' })
  halfYear: string;
}

export class FormatQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
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
