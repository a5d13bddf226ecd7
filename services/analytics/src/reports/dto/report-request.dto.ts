import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../../read-models/periods';
import { REPORT_LANGUAGES, ReportLanguage } from '../report.html';

export class ReportParamsDto {
  @ApiProperty({
    example: '2026-Q2',
    description: 'monthly 2026-03, quarterly 2026-Q2 or yearly 2026',
  })
  @Matches(PERIOD_PATTERN, { message: 'period must be YYYY, YYYY-MM or YYYY-Qn' })
  period: string;
}

export class ReportQueryDto {
  @ApiPropertyOptional({
    enum: ['json', 'csv', 'html', 'pdf'],
    description: 'json unless `Accept: application/pdf` asks for the PDF',
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'html', 'pdf'])
  format?: 'json' | 'csv' | 'html' | 'pdf';

  @ApiPropertyOptional({
    enum: REPORT_LANGUAGES,
    default: 'zh',
    description: 'Language of the HTML page and the PDF',
  })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;
}
