import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, createServiceApp, withOidcSecurity } from '@complaints/platform';
import { AppModule } from './app.module';
import { ArchivingConfig } from './config/archiving.config';

/** The archiving app as main.ts runs it; tests build it here too, so they test the same thing. */
export function createArchivingApp(
  config: ArchivingConfig,
  clock?: Clock,
): Promise<NestFastifyApplication> {
  return createServiceApp(AppModule.with(config, clock), {
    title: 'Complaint archive',
    description:
      "Keeps every complaint's pseudonymised timeline and seals one record per closed complaint, " +
      'published on complaints.archived.v1 for analysts; keeps the audit trail for auditors.',
    document: withOidcSecurity,
  });
}
