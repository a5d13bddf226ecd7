import { DynamicModule, Module } from '@nestjs/common';
import { Clock, PlatformModule } from '@complaints/platform';
import { ArchiveModule } from './archive/archive.module';
import { SealedRecord } from './archive/sealed-record.entity';
import { TimelineEvent } from './archive/timeline-event.entity';
import { ArchivingConfig } from './config/archiving.config';
import { CreateArchive1764230900000 } from './migrations/1764230900000-create-archive';

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
          entities: [TimelineEvent, SealedRecord],
          migrations: [CreateArchive1764230900000],
          clock,
          extraProviders: [{ provide: ArchivingConfig, useValue: config }],
        }),
        ArchiveModule,
      ],
    };
  }
}
