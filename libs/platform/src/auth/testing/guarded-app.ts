import { Controller, Get, Module, NotFoundException, Param, Provider, Type } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { loadConfig } from '../../config/load-config';
import { ProblemDetailsFilter } from '../../http/problem-details.filter';
import type { Actor } from '../actor';
import { AuthConfig } from '../auth.config';
import { ApiKeyAuth, Authenticated, CurrentActor, Public, Roles } from '../auth.decorators';
import { AuthModule } from '../auth.module';
import { OTHER_CREDENTIALS, OtherCredentials } from '../other-credentials';

/** The API key the test app's other mechanism accepts (in X-API-Key). */
export const TEST_API_KEY = 'ik_test_key';

/** Routes with every kind of access declaration, each answering with the actor it saw. */
@Controller()
export class GuardedTestController {
  @Get('health')
  @Public()
  health() {
    return { status: 'ok' };
  }

  @Get('cases')
  @Roles('handler', 'supervisor')
  cases(@CurrentActor() actor: Actor) {
    return { actor };
  }

  /** A department's cases: another department's are not revealed (404), as services do. */
  @Get('departments/:department/cases')
  @Roles('handler', 'supervisor')
  departmentCases(@CurrentActor() actor: Actor, @Param('department') department: string) {
    if (actor.department !== department) throw new NotFoundException();
    return { actor };
  }

  @Get('me')
  @Authenticated()
  me(@CurrentActor() actor: Actor) {
    return { actor };
  }

  @Get('keyed')
  @ApiKeyAuth()
  keyed(@CurrentActor() actor?: Actor) {
    return { actor: actor ?? null };
  }

  @Get('either')
  @ApiKeyAuth({ orBearer: true })
  @Roles('auditor')
  either(@CurrentActor() actor?: Actor) {
    return { actor: actor ?? null };
  }
}

const apiKeys: OtherCredentials = {
  isAuthenticated: (request: FastifyRequest) => request.headers['x-api-key'] === TEST_API_KEY,
};

export interface GuardedAppOptions {
  /** Environment for AuthConfig (OIDC_ISSUER, OIDC_JWKS_URI...). */
  env: Record<string, string>;
  controllers?: Type<unknown>[];
  /** Provide OTHER_CREDENTIALS (default true). */
  otherCredentials?: boolean;
}

/** A Fastify Nest app with the platform's problem filter and the auth module, initialised. */
export async function guardedTestApp(o: GuardedAppOptions): Promise<NestFastifyApplication> {
  const config = loadConfig(AuthConfig, o.env);
  const providers: Provider[] = [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }];
  if (o.otherCredentials !== false)
    providers.push({ provide: OTHER_CREDENTIALS, useValue: apiKeys });
  @Module({
    imports: [AuthModule.forRoot(config)],
    controllers: o.controllers ?? [GuardedTestController],
    providers,
  })
  class GuardedTestModule {}
  const app = await NestFactory.create<NestFastifyApplication>(
    GuardedTestModule,
    new FastifyAdapter(),
    {
      logger: ['error', 'warn'],
      abortOnError: false,
    },
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
