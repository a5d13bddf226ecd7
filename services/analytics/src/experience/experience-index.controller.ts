import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, Roles } from '@complaints/platform';
import { AnalyticsConfig } from '../config/analytics.config';
import { periodOrCurrent } from '../read-models/period.pipe';
import { PeriodQueryDto } from '../root-causes/dto/period-query.dto';
import { ExperienceIndex, ExperienceIndexService } from './experience-index.service';

@ApiTags('experience index')
@Roles('analyst', 'auditor', 'complaints_officer')
@Controller('v1/experience-index')
export class ExperienceIndexController {
  constructor(
    private readonly index: ExperienceIndexService,
    private readonly clock: Clock,
    private readonly config: AnalyticsConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The experience index per department and overall, with its indicators and formula',
    description:
      'Indicators (quality, efficiency, attitude, satisfaction) and their weights are versioned ' +
      'data; each unit gets every score and the weighted index over the complaints received in ' +
      'the period (a month, quarter or year).',
  })
  @ApiOkResponse({ description: 'The index' })
  compute(@Query() query: PeriodQueryDto): Promise<ExperienceIndex> {
    return this.index.compute(
      periodOrCurrent(query.period, this.clock, this.config.REPORT_TIME_ZONE),
    );
  }
}
