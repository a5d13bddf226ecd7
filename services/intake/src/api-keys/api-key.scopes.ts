/**
 * What a key may do: submit complaints, read their status, relay the customer's answer to the
 * satisfaction survey. A key holds one or more.
 */
export const SCOPES = ['complaints:write', 'complaints:read', 'feedback:write'] as const;
export type Scope = (typeof SCOPES)[number];

/** What `intake:key create` grants without --scopes: feedback relay is granted only on request. */
export const DEFAULT_SCOPES: readonly Scope[] = ['complaints:write', 'complaints:read'];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
