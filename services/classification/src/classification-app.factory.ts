import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, createServiceApp, withOidcSecurity } from '@complaints/platform';
import { AppModule } from './app.module';
import { ClassificationConfig } from './config/classification.config';

/** The classification app as main.ts runs it; tests build it here too, so they test the same thing. */
export function createClassificationApp(
  config: ClassificationConfig,
  clock?: Clock,
): Promise<NestFastifyApplication> {
  return createServiceApp(AppModule.with(config, clock), {
    title: 'Complaint classification',
    description:
      'Classifies each received complaint into the four classes, sets severity, priority and the green channel, ' +
      "routes it to a department with SLA deadlines, lets people try the rules, and takes complaints officers' " +
      'corrections as labels.',
    document: withOidcSecurity,
  });
}
