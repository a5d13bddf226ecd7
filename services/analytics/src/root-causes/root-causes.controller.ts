import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Clock, Roles } from '@complaints/platform';
import { AnalyticsConfig } from '../config/analytics.config';
import { periodOrCurrent } from '../read-models/period.pipe';
import { PeriodQueryDto } from './dto/period-query.dto';
import { CauseCounts, RootCauseCountsService } from './root-cause-counts.service';
import { TaxonomyProvider } from './taxonomy.provider';

@ApiTags('root causes')
@Controller('v1/root-causes')
export class RootCausesController {
  constructor(
    private readonly taxonomy: TaxonomyProvider,
    private readonly counts: RootCauseCountsService,
    private readonly clock: Clock,
    private readonly config: AnalyticsConfig,
  ) {}

  /** Anyone signed in: handlers choose a decision's cause from this list. */
  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The current version of the controlled root-cause taxonomy' })
  @ApiOkResponse({
    description: '{ version, causes: [{ code, regulatorCause, labelEn, labelZh }] }',
  })
  list(): { version: number; causes: object[] } {
    const t = this.taxonomy.taxonomy;
    return {
      version: t.version,
      causes: t.causes.map((c) => ({
        code: c.code,
        regulatorCause: c.regulatorCause,
        labelEn: c.labelEn,
        labelZh: c.labelZh,
      })),
    };
  }

  @Get('counts')
  @Roles('analyst', 'auditor', 'complaints_officer')
  @ApiOperation({
    summary: 'Complaints received in a period by root cause',
    description:
      "A complaint counts under its last round's cause: chosen by the handler, or derived " +
      'from the explanation by the taxonomy keywords (`derived`), or `null` (unclassified).',
  })
  @ApiOkResponse({ description: 'Causes, most frequent first' })
  byCause(@Query() query: PeriodQueryDto): Promise<CauseCounts> {
    return this.counts.counts(
      periodOrCurrent(query.period, this.clock, this.config.REPORT_TIME_ZONE),
    );
  }
}
