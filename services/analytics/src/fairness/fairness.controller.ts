import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, Roles } from '@complaints/platform';
import { AnalyticsConfig } from '../config/analytics.config';
import { periodOrCurrent } from '../read-models/period.pipe';
import { FairnessQueryDto } from './dto/fairness-query.dto';
import { Fairness, FairnessService } from './fairness.service';

@ApiTags('fairness')
@Roles('analyst', 'auditor', 'complaints_officer')
@Controller('v1/fairness')
export class FairnessController {
  constructor(
    private readonly fairness: FairnessService,
    private readonly clock: Clock,
    private readonly config: AnalyticsConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Uphold rate and compensation by handler, channel, region, branch, product line, department or customer segment',
    description:
      'Per group of the complaints received in the period: the uphold rate (upheld or partially ' +
      'upheld) with its Wilson 95% interval, compensation, and the pooled two-proportion z-test ' +
      'of the group against the rest; flagged below HOTSPOT_ALPHA divided by the groups tested ' +
      '(Bonferroni). Handlers appear as pseudonyms; the customer segment is the age band or the vulnerable flag (`true` / `false`).',
  })
  @ApiOkResponse({ description: 'Groups, biggest first' })
  list(@Query() query: FairnessQueryDto): Promise<Fairness> {
    const period = periodOrCurrent(query.period, this.clock, this.config.REPORT_TIME_ZONE);
    return this.fairness.fairness(query.dimension ?? 'handler', period);
  }
}
