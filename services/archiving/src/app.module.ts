import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, Clock, PlatformModule } from '@complaints/platform';
import { ArchiveModule } from './archive/archive.module';
import { SealedRecord } from './archive/sealed-record.entity';
import { TimelineEvent } from './archive/timeline-event.entity';
import { AuditRecord } from './audit/audit-record.entity';
import { ArchivingConfig } from './config/archiving.config';
import { CreateArchive1764230900000 } from './migrations/1764230900000-create-archive';
import { CreateAuditEntry1764231100000 } from './migrations/1764231100000-create-audit-entry';
import { CreateClockHistory1796200000300 } from './migrations/1796200000300-create-clock-history';
import { ClockBreachRow } from './clocks/clock-breach.entity';
import { ClockHistoryModule } from './clocks/clock-history.module';
import { ClockHistoryRow } from './clocks/clock-history.entity';
import { MajorIncidentLinkModule } from './major/major-incident-link.consumer';
import { CreateMajorIncidentLink1796200000900 } from './migrations/1796200000900-create-major-incident-link';

@Module({})
export class AppModule {
  static with(config: ArchivingConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'archiving',
          schema: 'archive',
          config,
          entities: [TimelineEvent, SealedRecord, AuditRecord, ClockHistoryRow, ClockBreachRow],
          migrations: [
            CreateArchive1764230900000,
            CreateAuditEntry1764231100000,
            CreateClockHistory1796200000300,
            CreateMajorIncidentLink1796200000900,
          ],
          clock,
          extraProviders: [{ provide: ArchivingConfig, useValue: config }],
        }),
        AuthModule.forRoot(config),
        ArchiveModule,
        ClockHistoryModule,
        MajorIncidentLinkModule,
      ],
    };
  }
}
