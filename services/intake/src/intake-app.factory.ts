import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, createServiceApp, withOidcSecurity } from '@complaints/platform';
import { API_KEY_HEADER_SCHEME, BEARER_SCHEME } from './api-keys/requires-scope.decorator';
import { AppModule } from './app.module';
import { IntakeConfig } from './config/intake.config';

/** The intake app as main.ts runs it; tests build it here too, so they test the same thing. */
export function createIntakeApp(
  config: IntakeConfig,
  clock?: Clock,
): Promise<NestFastifyApplication> {
  return createServiceApp(AppModule.with(config, clock), {
    title: 'Complaint intake',
    description:
      "Other systems submit complaints here, follow their status and relay the customer's survey " +
      "answer, with the calling system's API key (`npm run intake:key -- create --system NAME`). " +
      "People read a complaint's status and its complainant's details with an access token from " +
      "the insurer's identity provider. Errors are RFC 9457 problem+json.",
    bodyLimit: config.MAX_BODY_BYTES,
    document: (builder) =>
      withOidcSecurity(builder)
        .addBearerAuth(
          { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <API key>' },
          BEARER_SCHEME,
        )
        .addApiKey(
          { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'The API key' },
          API_KEY_HEADER_SCHEME,
        ),
  });
}
