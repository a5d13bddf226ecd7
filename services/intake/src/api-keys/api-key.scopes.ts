/** What a key may do: submit complaints, read their status. A key holds one or both. */
export const SCOPES = ['complaints:write', 'complaints:read'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
