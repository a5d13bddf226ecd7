import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
  DocumentBuilder,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, actorOf } from './actor';

/** Who may call a route, as the guard reads it (the method's declaration wins over the class's). */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: readonly string[] };

/** How another mechanism (OTHER_CREDENTIALS) takes part in a route's authentication. */
export interface ApiKeyAccess {
  /** Without another credential, a bearer token meeting the route's access may do. */
  orBearer: boolean;
}

export const ROUTE_ACCESS = 'complaints:route-access';
export const API_KEY_ACCESS = 'complaints:api-key-access';

/** The OpenAPI security scheme of people's access tokens; see withOidcSecurity. */
export const OIDC_SECURITY_SCHEME = 'oidc';

const bearerDocs = (forbidden?: string) =>
  applyDecorators(
    ApiBearerAuth(OIDC_SECURITY_SCHEME),
    ApiUnauthorizedResponse({ description: 'No access token, or an invalid or expired one' }),
    ApiServiceUnavailableResponse({
      description: 'The identity provider cannot be reached to check the token',
    }),
    ...(forbidden ? [ApiForbiddenResponse({ description: forbidden })] : []),
  );

/** The OpenAPI extension marking a route open to anyone (the hostile-token sweep skips them). */
export const PUBLIC_EXTENSION = 'x-public';

/**
 * Open to anyone, no credentials (health, metrics, the customer's signed answer link: such a
 * route checks its own credential). Documented as `x-public: true` in the OpenAPI document.
 */
export const Public = () =>
  applyDecorators(
    SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess),
    ApiExtension(PUBLIC_EXTENSION, true),
  );

/** Any person with a valid access token, whatever their roles. */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(ROUTE_ACCESS, { kind: 'authenticated' } satisfies RouteAccess),
    bearerDocs(),
  );

/** A person holding at least one of these roles; others get 403. */
export function Roles(...roles: [string, ...string[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROUTE_ACCESS, { kind: 'roles', roles } satisfies RouteAccess),
    bearerDocs(`Needs one of the roles: ${roles.join(', ')}`),
  );
}

/**
 * Callers are authenticated by the service's OTHER_CREDENTIALS (intake's API keys) before the
 * guard runs; a request that mechanism did not authenticate is refused (401). With
 * `{ orBearer: true }` such a request may instead carry a bearer token meeting the route's
 * @Roles / @Authenticated.
 */
export const ApiKeyAuth = (o: Partial<ApiKeyAccess> = {}) =>
  SetMetadata(API_KEY_ACCESS, { orBearer: o.orBearer ?? false } satisfies ApiKeyAccess);

/**
 * The authenticated person (`{ subject, username, roles, department }`); always set on
 * @Roles and @Authenticated routes, undefined where no bearer token was verified.
 */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor | undefined =>
    actorOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

/** Declares the bearer scheme in a service's OpenAPI document (ServiceAppOptions.document). */
export function withOidcSecurity(builder: DocumentBuilder): DocumentBuilder {
  return builder.addBearerAuth(
    {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: "An access token from the insurer's OIDC identity provider",
    },
    OIDC_SECURITY_SCHEME,
  );
}
