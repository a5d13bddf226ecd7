import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Clock, Roles } from '@complaints/platform';
import { AnalyticsConfig } from '../config/analytics.config';
import { periodOrCurrent } from '../read-models/period.pipe';
import { ExportParamsDto, ExportQueryDto, READ_MODEL_EXPORTS } from './export-params.dto';
import { ColumnInfo, PARQUET_TYPE, readModelParquet } from './read-model.parquet';

/**
 * Each read model as CSV or Parquet for BI tools, one period at a time (pseudonymised rows
 * only): every column as stored, in the table's order; CSV in UTF-8 with a byte-order mark.
 */
@ApiTags('exports')
@Roles('analyst', 'auditor', 'complaints_officer')
@Controller('v1/exports')
export class ExportsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AnalyticsConfig,
  ) {}

  @Get(':model')
  @ApiParam({ name: 'model', enum: Object.keys(READ_MODEL_EXPORTS) })
  @ApiOperation({
    summary: 'A read model as CSV or Parquet: the rows of complaints received in the period',
  })
  @ApiProduces('text/csv', PARQUET_TYPE)
  @ApiOkResponse({ description: 'CSV with a header row, or one Parquet file' })
  async export(
    @Param() params: ExportParamsDto,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const period = periodOrCurrent(query.period, this.clock, this.config.REPORT_TIME_ZONE);
    const rows = (
      (await this.dataSource.query(READ_MODEL_EXPORTS[params.model], [period.from, period.to])) as {
        r: Record<string, unknown>;
      }[]
    ).map((x) => x.r);
    const info = (
      (await this.dataSource.query(
        `SELECT column_name AS name, data_type AS type, is_nullable = 'YES' AS nullable
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
        [params.model.replace('-', '_')],
      )) as ColumnInfo[]
    ).filter((c) => !rows.length || c.name in rows[0]);
    const filename = `${params.model}-${period.id}`;
    if (query.format === 'parquet') {
      reply.header('content-type', PARQUET_TYPE);
      reply.header('content-disposition', `attachment; filename="${filename}.parquet"`);
      return readModelParquet(info, rows);
    }
    const columns = rows.length ? Object.keys(rows[0]) : info.map((c) => c.name);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${filename}.csv"`);
    const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
    return `\ufeff${lines.join('\r\n')}\r\n`;
  }
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
