import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, Roles } from '@complaints/platform';
import { AnalyticsConfig } from '../config/analytics.config';
import { periodOrCurrent } from '../read-models/period.pipe';
import { PerformanceQueryDto } from './dto/performance-query.dto';
import { HandlerPerformanceService, PerformanceRow } from './handler-performance.service';

@ApiTags('handler performance')
@Roles('analyst', 'auditor', 'complaints_officer')
@Controller('v1/handler-performance')
export class HandlerPerformanceController {
  constructor(
    private readonly performance: HandlerPerformanceService,
    private readonly clock: Clock,
    private readonly config: AnalyticsConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Per handler (pseudonym) or team: volume, time to decision, deadlines, reopenings, review overturns, satisfaction',
    description:
      "Complaints received in the period, credited to their last round's handler. The review " +
      "overturn rate is the reviewed decision's: internal reviews decided on the handler's (or " +
      "team's) decisions, and the share of them that overturned it (null when none was reviewed).",
  })
  @ApiOkResponse({ description: 'Rows, biggest first' })
  list(@Query() query: PerformanceQueryDto): Promise<PerformanceRow[]> {
    const period = periodOrCurrent(query.period, this.clock, this.config.REPORT_TIME_ZONE);
    return this.performance.performance(period, query.by ?? 'handler');
  }
}
