import type { JWTPayload } from 'jose';
import type { Actor } from './actor';

/** Where the actor's fields are in a verified token's claims. */
export interface ClaimMapping {
  /** Claim paths whose roles are united. */
  roles: readonly string[];
  department: string;
  username: string;
  /** Claim path of the employee number; optional so older mappings keep working. */
  staffId?: string;
}

/**
 * A claim by path: the claim named exactly so when there is one (`https://x.example/roles`),
 * else the dotted path walked through objects (`realm_access.roles`).
 */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(claims, path)) return claims[path];
  let at: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

function rolesIn(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  if (Array.isArray(value)) return value.filter((r): r is string => typeof r === 'string' && !!r);
  return [];
}

/** A single string: a one-element array (a multivalued attribute mapper) counts as one. */
function singleString(value: unknown): string | undefined {
  const v = Array.isArray(value) && value.length === 1 ? value[0] : value;
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** The actor a verified token names; `sub` is required and checked by the caller. */
export function actorFromClaims(payload: JWTPayload & { sub: string }, map: ClaimMapping): Actor {
  const claims = payload as Record<string, unknown>;
  const roles = [...new Set(map.roles.flatMap((path) => rolesIn(claimAt(claims, path))))];
  const department = singleString(claimAt(claims, map.department));
  const staffId = map.staffId ? singleString(claimAt(claims, map.staffId)) : undefined;
  return {
    subject: payload.sub,
    username: singleString(claimAt(claims, map.username)) ?? payload.sub,
    roles,
    ...(department ? { department } : {}),
    ...(staffId ? { staffId } : {}),
  };
}
