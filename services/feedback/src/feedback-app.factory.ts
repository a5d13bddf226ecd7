import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, createServiceApp, withOidcSecurity } from '@complaints/platform';
import { AppModule } from './app.module';
import { FeedbackConfig } from './config/feedback.config';

/** The feedback app as main.ts runs it; tests build it here too, so they test the same thing. */
export function createFeedbackApp(
  config: FeedbackConfig,
  clock?: Clock,
): Promise<NestFastifyApplication> {
  return createServiceApp(AppModule.with(config, clock), {
    title: 'Complaint feedback',
    description:
      'Sends the decision to the customer, takes their satisfaction survey, and reopens or closes the complaint.',
    bodyLimit: config.MAX_BODY_BYTES,
    document: withOidcSecurity,
  });
}
