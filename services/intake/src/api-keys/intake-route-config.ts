import type { Scope } from './api-key.scopes';

/** Fastify route config of a public intake route, read by the hooks before the handler runs. */
export interface IntakeRouteConfig {
  /** The scope the caller's key must hold. Routes without it (health, docs, metrics) are open. */
  scope?: Scope;
  /** The route takes a JSON object body: other media types get 415 before the body is read. */
  jsonBody?: boolean;
}

export function intakeRouteConfig(config: unknown): IntakeRouteConfig {
  return (config ?? {}) as IntakeRouteConfig;
}
