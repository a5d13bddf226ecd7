import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, Roles } from '@complaints/platform';
import { AnalyticsConfig } from '../config/analytics.config';
import { parsePeriod, Period } from '../read-models/periods';
import { cjkFont, CjkFontMissingError } from './cjk-font';
import { ReportParamsDto, ReportQueryDto } from './dto/report-request.dto';
import { reportCsv } from './report.csv';
import { reportHtml } from './report.html';
import { reportPdf } from './report.pdf';
import { ReportService } from './report.service';
import { ComplaintReport } from './report.types';

@ApiTags('reports')
@Roles('analyst', 'auditor', 'complaints_officer')
@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportService,
    private readonly config: AnalyticsConfig,
  ) {}

  @Get(':period')
  @ApiOperation({
    summary: 'The monthly, quarterly or yearly complaint report, on demand',
    description:
      'Volumes, classes, causes, hotspots, handling times, deadlines met, outcomes, ' +
      'satisfaction and reopenings of the complaints received in the period, against the ' +
      'period before. `format=csv` gives the same figures as one CSV table, `format=html` a ' +
      'page with charts, `format=pdf` (or `Accept: application/pdf`) a PDF (`lang=zh` or `en`).',
  })
  @ApiProduces('application/json', 'text/csv', 'text/html', 'application/pdf')
  @ApiOkResponse({ description: 'The report' })
  async report(
    @Param() params: ReportParamsDto,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept') accept?: string,
  ): Promise<ComplaintReport | string | Buffer> {
    const pdf = query.format === 'pdf' || (!query.format && wantsPdf(accept));
    // Fail before the queries when the PDF cannot be set (no CJK font installed).
    const font = pdf ? this.font() : undefined;
    const report = await this.reports.report(parsePeriod(params.period) as Period);
    if (font) {
      const lang = query.lang ?? 'zh';
      reply.header('content-type', 'application/pdf');
      reply.header(
        'content-disposition',
        `attachment; filename="complaints-${params.period}-${lang}.pdf"`,
      );
      return reportPdf(report, lang, font);
    }
    if (query.format === 'html') {
      reply.header('content-type', 'text/html; charset=utf-8');
      // The page needs nothing from elsewhere: no script, no style or image from another origin.
      reply.header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
      return reportHtml(report, query.lang ?? 'zh');
    }
    if (query.format !== 'csv') return report;
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="complaints-${params.period}.csv"`);
    return reportCsv(report);
  }

  private font() {
    try {
      return cjkFont(this.config.REPORT_PDF_FONT);
    } catch (e) {
      if (!(e instanceof CjkFontMissingError)) throw e;
      throw new DomainError('REPORT.PDF_FONT_MISSING', 503, e.message);
    }
  }
}

/** `Accept: application/pdf` asks for the PDF unless JSON is preferred at least as much. */
function wantsPdf(accept: string | undefined): boolean {
  if (!accept) return false;
  const q = (type: string) => {
    const part = accept
      .split(',')
      .map((p) => p.trim().split(';'))
      .find(([t]) => t.trim().toLowerCase() === type);
    if (!part) return 0;
    const qp = part.slice(1).find((x) => x.trim().startsWith('q='));
    return qp ? Number(qp.trim().slice(2)) || 0 : 1;
  };
  const pdf = q('application/pdf');
  return pdf > 0 && pdf > q('application/json');
}
