import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuthSettings } from './auth.config';
import { AuthGuard } from './auth.guard';
import { RouteAccessCheck } from './route-access.check';
import { TokenVerifier, tokenVerifierOptions } from './token-verifier';

/**
 * People's access on every route of a service: the token verifier for the configured issuer,
 * the guard as APP_GUARD, and a start-up check that every route declares its access.
 * `imports: [AuthModule.forRoot(config)]` where config has the WithAuthConfig fields.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(config: AuthSettings): DynamicModule {
    return {
      module: AuthModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(tokenVerifierOptions(config)) },
        { provide: APP_GUARD, useClass: AuthGuard },
        RouteAccessCheck,
      ],
      exports: [TokenVerifier, RouteAccessCheck],
    };
  }
}
