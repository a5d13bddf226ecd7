import { Module } from '@nestjs/common';
import { ApiKeyService } from './api-key.service';
import { CallerAccessHook } from './caller-access.hook';
import { CallerAuthenticator } from './caller-authenticator.service';
import { TokenBucketRateLimiter } from './token-bucket.rate-limiter';

@Module({
  providers: [ApiKeyService, CallerAuthenticator, TokenBucketRateLimiter, CallerAccessHook],
  exports: [ApiKeyService],
})
export class ApiKeysModule {}
