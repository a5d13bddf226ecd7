import type { FastifyRequest } from 'fastify';

/**
 * Another way a service authenticates callers before Nest's guards run (intake's API-key
 * hook). Provide it under OTHER_CREDENTIALS anywhere in the app; routes marked @ApiKeyAuth()
 * are then left to it.
 */
export interface OtherCredentials {
  /** True when the request's caller was authenticated by that mechanism. */
  isAuthenticated(request: FastifyRequest): boolean;
}

export const OTHER_CREDENTIALS = Symbol('OTHER_CREDENTIALS');
