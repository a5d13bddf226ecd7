import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, createServiceApp, withOidcSecurity } from '@complaints/platform';
import { AppModule } from './app.module';
import { AnalyticsConfig } from './config/analytics.config';

/** The analytics app as main.ts runs it; tests build it here too, so they test the same thing. */
export function createAnalyticsApp(
  config: AnalyticsConfig,
  clock?: Clock,
): Promise<NestFastifyApplication> {
  return createServiceApp(AppModule.with(config, clock), {
    title: 'Complaint analytics',
    description:
      'Read models built only from complaints.archived.v1 (pseudonymised): hotspots with their ' +
      'change against the previous period, root causes from a versioned taxonomy, periodic ' +
      'complaint reports, and the policy counts rates are computed over.',
    document: withOidcSecurity,
  });
}
