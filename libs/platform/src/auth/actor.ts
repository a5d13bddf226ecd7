import type { FastifyRequest } from 'fastify';

/** The authenticated person behind a request, from their access token's claims. */
export interface Actor {
  /** `sub`: stable and unique at the issuer; the actor of changes and audit records. */
  subject: string;
  /** `preferred_username` (configurable), for display and to tie demo users to handler ids. */
  username: string;
  /** Realm roles (configurable claims), deduplicated. */
  roles: readonly string[];
  /** The department the person works in; absent for roles that span departments. */
  department?: string;
  /** Employee number (configurable claim), for recusal; absent when the token carries none. */
  staffId?: string;
}

const actors = new WeakMap<object, Actor>();

/** The actor the guard established for this request, if it verified a bearer token. */
export function actorOf(request: FastifyRequest): Actor | undefined {
  return actors.get(request.raw);
}

export function setActor(request: FastifyRequest, actor: Actor): void {
  actors.set(request.raw, actor);
}
