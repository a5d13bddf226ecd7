import type { Scope } from './api-key.scopes';

/** Fastify route config of a public intake route, read by the hooks before the handler runs. */
export interface IntakeRouteConfig {
  /** The scope the caller's key must hold. Routes without it are left to the auth guard. */
  scope?: Scope;
  /** The route takes a JSON object body: other media types get 415 before the body is read. */
  jsonBody?: boolean;
  /**
   * People may call it too: a bearer value that is no API key (`ik_...`) is left to the auth
   * guard, which verifies it as an access token.
   */
  orBearer?: boolean;
}

export function intakeRouteConfig(config: unknown): IntakeRouteConfig {
  return (config ?? {}) as IntakeRouteConfig;
}
