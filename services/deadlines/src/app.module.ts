import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, Clock, PlatformModule } from '@complaints/platform';
import { ClockEvent } from './clocks/clock-event.entity';
import { ComplaintClocksRow } from './clocks/complaint-clocks.entity';
import { DeadlinesConfig } from './config/deadlines.config';
import { DeadlinesModule } from './deadlines.module';
import { CreateDeadlines1796200000000 } from './migrations/1796200000000-create-deadlines';
import { SeedChinaHolidays1796200000001 } from './migrations/1796200000001-seed-china-holidays';
import { Holiday } from './policy/holiday.entity';
import { ClockSignal } from './signals/clock-signal.entity';

@Module({})
export class AppModule {
  static with(config: DeadlinesConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'deadlines',
          schema: 'deadlines',
          config,
          entities: [ClockEvent, ComplaintClocksRow, ClockSignal, Holiday],
          migrations: [CreateDeadlines1796200000000, SeedChinaHolidays1796200000001],
          clock,
          extraProviders: [{ provide: DeadlinesConfig, useValue: config }],
        }),
        AuthModule.forRoot(config),
        DeadlinesModule,
      ],
    };
  }
}
