import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ArchivingConfig } from '../config/archiving.config';
import { ArchiveController } from './archive.controller';
import { ArchiveService } from './archive.service';
import { LifecycleConsumer } from './lifecycle.consumer';
import { Pseudonymiser } from './pseudonymiser';
import { SealingService } from './sealing.service';
import { TimelineRecorder } from './timeline-recorder.service';

@Module({
  imports: [AuditModule],
  controllers: [ArchiveController],
  providers: [
    ArchiveService,
    SealingService,
    TimelineRecorder,
    LifecycleConsumer,
    {
      provide: Pseudonymiser,
      useFactory: (config: ArchivingConfig) => new Pseudonymiser(config.PSEUDONYM_KEY),
      inject: [ArchivingConfig],
    },
  ],
})
export class ArchiveModule {}
