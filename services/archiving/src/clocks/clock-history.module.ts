import { Module } from '@nestjs/common';
import { Pseudonymiser } from '../archive/pseudonymiser';
import { ArchivingConfig } from '../config/archiving.config';
import { ClockHistoryConsumer } from './clock-history.consumer';

/** The clock history's store; the same key as the archive's, so pseudonyms match its audit entries. */
@Module({
  providers: [
    ClockHistoryConsumer,
    {
      provide: Pseudonymiser,
      useFactory: (config: ArchivingConfig) => new Pseudonymiser(config.PSEUDONYM_KEY),
      inject: [ArchivingConfig],
    },
  ],
})
export class ClockHistoryModule {}
