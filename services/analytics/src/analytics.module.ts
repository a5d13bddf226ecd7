import { Module } from '@nestjs/common';
import { ImprovementActionsController } from './actions/improvement-actions.controller';
import { ImprovementActionsService } from './actions/improvement-actions.service';
import { ExperienceIndexController } from './experience/experience-index.controller';
import { ExperienceIndexService } from './experience/experience-index.service';
import { HandlerPerformanceController } from './performance/handler-performance.controller';
import { HandlerPerformanceService } from './performance/handler-performance.service';
import { ExportsController } from './exports/exports.controller';
import { FairnessController } from './fairness/fairness.controller';
import { FairnessService } from './fairness/fairness.service';
import { HotspotsController } from './hotspots/hotspots.controller';
import { HotspotsService } from './hotspots/hotspots.service';
import { ArchivedConsumer } from './read-models/archived.consumer';
import { PolicyCountsController } from './reference/policy-counts.controller';
import { PolicyCountsRepository } from './reference/policy-counts.repository';
import { ReportService } from './reports/report.service';
import { ReportsController } from './reports/reports.controller';
import { RootCauseCountsService } from './root-causes/root-cause-counts.service';
import { RootCausesController } from './root-causes/root-causes.controller';
import { TaxonomyProvider } from './root-causes/taxonomy.provider';
import { CnQuarterlyReturnService } from './returns/cn-quarterly-return.service';
import { FcaReturnService } from './returns/fca-return.service';
import { ReturnsController } from './returns/returns.controller';
import { RootCauseItemsController } from './spikes/root-cause-items.controller';
import { RootCauseItemsService } from './spikes/root-cause-items.service';
import { SpikeRule } from './spikes/spike.rule';
import { ReportScheduler } from './schedules/report-scheduler.service';
import { ScheduledReportsController } from './schedules/scheduled-reports.controller';

@Module({
  controllers: [
    HotspotsController,
    RootCausesController,
    PolicyCountsController,
    ReportsController,
    FairnessController,
    RootCauseItemsController,
    ReturnsController,
    ImprovementActionsController,
    ExperienceIndexController,
    HandlerPerformanceController,
    ExportsController,
    ScheduledReportsController,
  ],
  providers: [
    TaxonomyProvider,
    ArchivedConsumer,
    PolicyCountsRepository,
    HotspotsService,
    RootCauseCountsService,
    ReportService,
    FairnessService,
    SpikeRule,
    RootCauseItemsService,
    CnQuarterlyReturnService,
    FcaReturnService,
    ImprovementActionsService,
    ExperienceIndexService,
    HandlerPerformanceService,
    ReportScheduler,
  ],
})
export class AnalyticsModule {}
