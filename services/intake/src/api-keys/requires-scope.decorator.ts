import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { problemResponse } from '../http/problem-response';
import type { Scope } from './api-key.scopes';
import { IntakeRouteConfig } from './intake-route-config';

/** OpenAPI security scheme names (registered in intake-app.factory.ts). */
export const BEARER_SCHEME = 'bearer';
export const API_KEY_HEADER_SCHEME = 'apiKeyHeader';

/**
 * A public route: the caller's API key must hold `scope`. With jsonBody, only JSON bodies are
 * read. Documents the refusals the access hook may answer with.
 */
export function RequiresScope(scope: Scope, options: { jsonBody?: boolean } = {}): MethodDecorator {
  const config: IntakeRouteConfig = { scope, ...(options.jsonBody ? { jsonBody: true } : {}) };
  return applyDecorators(
    RouteConfig(config),
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
