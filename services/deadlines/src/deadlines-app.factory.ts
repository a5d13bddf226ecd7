import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, createServiceApp, withOidcSecurity } from '@complaints/platform';
import { AppModule } from './app.module';
import { DeadlinesConfig } from './config/deadlines.config';

/** The deadlines app as main.ts runs it; tests build it here too, so they test the same thing. */
export function createDeadlinesApp(
  config: DeadlinesConfig,
  clock?: Clock,
): Promise<NestFastifyApplication> {
  return createServiceApp(AppModule.with(config, clock), {
    title: 'Complaint deadlines',
    description:
      "The one authority on every complaint's legal clocks: computed from the lifecycle and clock " +
      'events under a versioned policy; publishes complaints.deadline-changed.v1 (every change ' +
      'of the clocks), complaints.deadline-warning.v1 and complaints.deadline-breached.v1.',
    document: withOidcSecurity,
  });
}
