import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, createServiceApp, withOidcSecurity } from '@complaints/platform';
import { AppModule } from './app.module';
import { InvestigationConfig } from './config/investigation.config';

/** The investigation app as main.ts runs it; tests build it here too, so they test the same thing. */
export function createInvestigationApp(
  config: InvestigationConfig,
  clock?: Clock,
): Promise<NestFastifyApplication> {
  return createServiceApp(AppModule.with(config, clock), {
    title: 'Complaint investigation',
    description:
      "Handlers work their department's queue of cases, keep notes and record decisions; " +
      'supervisors and complaints officers reassign cases and watch workloads.',
    document: withOidcSecurity,
  });
}
