import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { ApiKeyAuth } from '@complaints/platform';
import { problemResponse } from '../http/problem-response';
import type { Scope } from './api-key.scopes';
import { IntakeRouteConfig } from './intake-route-config';

/** OpenAPI security scheme names (registered in intake-app.factory.ts). */
export const BEARER_SCHEME = 'bearer';
export const API_KEY_HEADER_SCHEME = 'apiKeyHeader';

export interface RequiresScopeOptions {
  /** Only JSON bodies are read (415 otherwise). */
  jsonBody?: boolean;
  /** People with an access token may call it too; the route then also declares @Roles. */
  orBearer?: boolean;
}

/**
 * A route for calling systems: the caller's API key must hold `scope` (the access hook checks
 * it; the auth guard leaves the route to it, @ApiKeyAuth). With orBearer, people's access
 * tokens are verified by the guard instead. Documents the refusals the hook may answer with.
 */
export function RequiresScope(scope: Scope, options: RequiresScopeOptions = {}): MethodDecorator {
  const config: IntakeRouteConfig = {
    scope,
    ...(options.jsonBody ? { jsonBody: true } : {}),
    ...(options.orBearer ? { orBearer: true } : {}),
  };
  return applyDecorators(
    RouteConfig(config),
    ApiKeyAuth({ orBearer: options.orBearer ?? false }),
    ApiSecurity(BEARER_SCHEME),
    ApiSecurity(API_KEY_HEADER_SCHEME),
    ApiResponse(problemResponse(401, 'No API key, or an unknown, malformed or revoked one')),
    ApiResponse(problemResponse(403, `The key lacks the scope ${scope}`)),
    ApiResponse(
      problemResponse(429, 'Rate limit for this key exceeded; see Retry-After', {
        'Retry-After': { description: 'seconds to wait', schema: { type: 'integer', minimum: 1 } },
      }),
    ),
  );
}
