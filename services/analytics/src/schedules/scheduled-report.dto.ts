import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../read-models/periods';
import { REPORT_LANGUAGES, ReportLanguage } from '../reports/report.html';
import { SCHEDULE_KINDS, ScheduleKind } from './report-schedule';

export class ScheduledReportListQueryDto {
  @ApiPropertyOptional({ enum: Object.keys(SCHEDULE_KINDS) })
  @IsOptional()
  @IsIn(Object.keys(SCHEDULE_KINDS))
  kind?: ScheduleKind;
}

export class ScheduledReportParamsDto {
  @ApiProperty({
    example: '2026-Q2',
    description: 'monthly 2026-03, quarterly 2026-Q2 or yearly 2026',
  })
  @Matches(PERIOD_PATTERN, { message: 'period must be YYYY, YYYY-MM or YYYY-Qn' })
  period: string;

  @ApiProperty({ enum: REPORT_LANGUAGES })
  @IsIn(REPORT_LANGUAGES)
  language: ReportLanguage;
}

export class ScheduledReportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'html', 'pdf'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'html', 'pdf'])
  format?: 'json' | 'html' | 'pdf';
}

export class ScheduledReportDto {
  @ApiProperty({ example: '2026-Q2' }) period: string;
  @ApiProperty({ enum: Object.keys(SCHEDULE_KINDS) }) kind: ScheduleKind;
  @ApiProperty({ enum: REPORT_LANGUAGES }) language: ReportLanguage;
  @ApiProperty({ example: '2026-04-01', description: 'first local date of the period' })
  from: string;
  @ApiProperty({ example: '2026-07-01', description: 'first local date after it' }) to: string;
  @ApiProperty({ description: 'when it was generated (the service clock)' }) generatedAt: string;
  @ApiProperty({ description: 'complaints received in the period when generated' })
  complaints: number;
  @ApiProperty({ type: [String], example: ['json', 'html', 'pdf'], description: 'stored formats' })
  formats: string[];
}

export class ScheduledReportListDto {
  @ApiProperty({ type: [ScheduledReportDto] }) reports: ScheduledReportDto[];
}
