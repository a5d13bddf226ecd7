/** An access token for a person (a demo user of the identity provider, by username). */
export type TokenSource = (username: string) => Promise<string>;

/** What an OAuth token endpoint answers. */
export interface IssuedToken {
  access_token: string;
  /** seconds */
  expires_in: number;
}

/** Tokens are fetched again this long before they expire. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * Keeps each person's token until shortly before it expires, so a run of thousands of
 * decisions signs in each person a few times rather than once per request. Concurrent asks
 * for the same person share one fetch.
 */
export function cachedTokens(
  issue: (username: string) => Promise<IssuedToken>,
  now: () => number = Date.now,
): TokenSource {
  const cache = new Map<string, { token: Promise<string>; until: number }>();
  return (username) => {
    const hit = cache.get(username);
    if (hit && hit.until > now()) return hit.token;
    const started = now();
    const entry = { token: Promise.resolve(''), until: Number.POSITIVE_INFINITY };
    entry.token = issue(username).then(
      (t) => {
        entry.until = started + t.expires_in * 1000 - REFRESH_MARGIN_MS;
        return t.access_token;
      },
      (err: unknown) => {
        cache.delete(username);
        throw err;
      },
    );
    cache.set(username, entry);
    return entry.token;
  };
}
