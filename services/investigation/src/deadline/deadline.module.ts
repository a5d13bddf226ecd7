import { Global, Module } from '@nestjs/common';
import { DeadlineSignalsConsumer } from './deadline-signals.consumer';
import { ExtensionDeadlineCheck } from './extension-deadline.check';

/** Global so the clock actions' routes use the check without the clock module importing this one. */
@Global()
@Module({
  providers: [DeadlineSignalsConsumer, ExtensionDeadlineCheck],
  exports: [ExtensionDeadlineCheck],
})
export class DeadlineModule {}
