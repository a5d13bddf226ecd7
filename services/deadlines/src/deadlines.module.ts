import { Module } from '@nestjs/common';
import { ClockEventsConsumer } from './clocks/clock-events.consumer';
import { ClockStore } from './clocks/clock-store.service';
import { ClocksController } from './http/clocks.controller';
import { ClocksQuery } from './http/clocks-query.service';
import { DeadlineMetrics } from './metrics/deadline-metrics';
import { ClockPolicies } from './policy/clock-policy.service';
import { DeadlineSweep } from './signals/deadline-sweep.service';

@Module({
  controllers: [ClocksController],
  providers: [
    ClockPolicies,
    ClockStore,
    ClockEventsConsumer,
    DeadlineSweep,
    DeadlineMetrics,
    ClocksQuery,
  ],
})
export class DeadlinesModule {}
