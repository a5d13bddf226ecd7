import { Module } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { OTHER_CREDENTIALS, OtherCredentials } from '@complaints/platform';
import { ApiKeyService } from './api-key.service';
import { CallerAccessHook, callerOf } from './caller-access.hook';
import { CallerAuthenticator } from './caller-authenticator.service';
import { TokenBucketRateLimiter } from './token-bucket.rate-limiter';

/** For the auth guard: a request the access hook authenticated by its API key. */
const apiKeyCredentials: OtherCredentials = {
  isAuthenticated: (request: FastifyRequest) => callerOf(request) !== undefined,
};

@Module({
  providers: [
    ApiKeyService,
    CallerAuthenticator,
    TokenBucketRateLimiter,
    CallerAccessHook,
    { provide: OTHER_CREDENTIALS, useValue: apiKeyCredentials },
  ],
  exports: [ApiKeyService],
})
export class ApiKeysModule {}
