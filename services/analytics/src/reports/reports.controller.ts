import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@complaints/platform';
import { parsePeriod, Period } from '../read-models/periods';
import { ReportParamsDto, ReportQueryDto } from './dto/report-request.dto';
import { reportCsv } from './report.csv';
import { reportHtml } from './report.html';
import { ReportService } from './report.service';
import { ComplaintReport } from './report.types';

@ApiTags('reports')
@Roles('analyst', 'auditor', 'complaints_officer')
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportService) {}

  @Get(':period')
  @ApiOperation({
    summary: 'The monthly, quarterly or yearly complaint report, on demand',
    description:
      'Volumes, classes, causes, hotspots, handling times, deadlines met, outcomes, ' +
      'satisfaction and reopenings of the complaints received in the period, against the ' +
      'period before. `format=csv` gives the same figures as one CSV table, `format=html` a ' +
      'page with charts (`lang=zh` or `en`).',
  })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({ description: 'The report' })
  async report(
    @Param() params: ReportParamsDto,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintReport | string> {
    const report = await this.reports.report(parsePeriod(params.period) as Period);
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
}
