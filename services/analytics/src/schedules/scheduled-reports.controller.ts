import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { DomainError, Roles } from '@complaints/platform';
import {
  ScheduledReportDto,
  ScheduledReportListDto,
  ScheduledReportListQueryDto,
  ScheduledReportParamsDto,
  ScheduledReportQueryDto,
} from './scheduled-report.dto';

const KIND_OF_REPORT = { monthly: 'monthly', quarterly: 'quarterly', yearly: 'yearly' } as const;

interface Row {
  period_id: string;
  kind: ScheduledReportDto['kind'];
  language: ScheduledReportDto['language'];
  from: string;
  to: string;
  generated_at: Date;
  complaints: number;
  has_pdf: boolean;
}

@ApiTags('reports')
@Roles('analyst', 'auditor', 'complaints_officer')
@Controller('v1/scheduled-reports')
export class ScheduledReportsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'The reports generated on schedule when their period closed, newest first',
    description:
      'One per period and language (REPORT_SCHEDULES, REPORT_SCHEDULE_LANGUAGES), as they were ' +
      'when generated; `kind` filters.',
  })
  @ApiOkResponse({ type: ScheduledReportListDto })
  async list(@Query() query: ScheduledReportListQueryDto): Promise<ScheduledReportListDto> {
    const rows = (await this.dataSource.query(
      `SELECT period_id, kind, language, to_char(period_from, 'YYYY-MM-DD') AS "from",
              to_char(period_to, 'YYYY-MM-DD') AS "to", generated_at, complaints,
              pdf IS NOT NULL AS has_pdf
         FROM scheduled_report WHERE ($1::text IS NULL OR kind = $1)
        ORDER BY period_to DESC, kind DESC, language DESC`,
      [query.kind ? KIND_OF_REPORT[query.kind] : null],
    )) as Row[];
    return {
      reports: rows.map((r) => ({
        period: r.period_id,
        kind: r.kind,
        language: r.language,
        from: r.from,
        to: r.to,
        generatedAt: new Date(r.generated_at).toISOString(),
        complaints: r.complaints,
        formats: r.has_pdf ? ['json', 'html', 'pdf'] : ['json', 'html'],
      })),
    };
  }

  @Get(':period/:language')
  @ApiOperation({
    summary: 'A stored scheduled report: its figures (JSON), the page (HTML) or the PDF',
  })
  @ApiProduces('application/json', 'text/html', 'application/pdf')
  @ApiOkResponse({ description: 'The report as stored' })
  async download(
    @Param() params: ScheduledReportParamsDto,
    @Query() query: ScheduledReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const format = query.format ?? 'json';
    const [row] = (await this.dataSource.query(
      `SELECT report, ${format === 'html' ? 'html' : format === 'pdf' ? 'pdf' : 'NULL'} AS body
         FROM scheduled_report WHERE period_id = $1 AND language = $2`,
      [params.period, params.language],
    )) as { report: unknown; body: string | Buffer | null }[];
    if (!row)
      throw new DomainError(
        'REPORT.NOT_SCHEDULED',
        404,
        `no scheduled report for ${params.period} in ${params.language}`,
      );
    if (format === 'json') return row.report;
    if (row.body === null)
      throw new DomainError(
        'REPORT.PDF_NOT_STORED',
        404,
        'this report was generated without a CJK font: its PDF was not stored (the page was)',
      );
    const name = `complaints-${params.period}-${params.language}.${format}`;
    if (format === 'html') {
      reply.header('content-type', 'text/html; charset=utf-8');
      reply.header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
    } else {
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="${name}"`);
    }
    return row.body;
  }
}
