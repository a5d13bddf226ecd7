import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, Roles } from '@complaints/platform';
import { AnalyticsConfig } from '../config/analytics.config';
import { periodOrCurrent } from '../read-models/period.pipe';
import { HotspotQueryDto } from './dto/hotspot-query.dto';
import { Hotspots, HotspotsService } from './hotspots.service';

/** Where complaints cluster: pseudonymised counts only, for analysts, auditors and officers. */
@ApiTags('hotspots')
@Roles('analyst', 'auditor', 'complaints_officer')
@Controller('v1/hotspots')
export class HotspotsController {
  constructor(
    private readonly hotspots: HotspotsService,
    private readonly clock: Clock,
    private readonly config: AnalyticsConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Complaints per group in a period against the period before',
    description:
      'Counts by class, subcategory, product line, channel, region, branch, department or root ' +
      'cause, received in the period (REPORT_TIME_ZONE calendar); the change against the ' +
      'previous period with the conditional binomial test for two Poisson counts; rates per ' +
      '10,000 policies where policy counts are loaded.',
  })
  @ApiOkResponse({ description: 'The groups, biggest first, and the total' })
  list(@Query() query: HotspotQueryDto): Promise<Hotspots> {
    const period = periodOrCurrent(query.period, this.clock, this.config.REPORT_TIME_ZONE);
    return this.hotspots.hotspots(query.dimension ?? 'subcategory', period);
  }
}
