import { createLocalJWKSet, errors } from 'jose';
import type { FlattenedJWSInput, JSONWebKeySet, JWSHeaderParameters, KeyLike } from 'jose';
import { ISSUER_RETRY_AFTER_SECONDS, IssuerUnavailableError } from './auth.errors';

export interface JwksCacheOptions {
  /** The key set's URL; unset: the `jwks_uri` of `<issuer>/.well-known/openid-configuration`. */
  jwksUri?: string;
  issuer: string;
  /** ms at least between two fetches caused by tokens with an unknown kid */
  cooldownMs: number;
  /** ms a fetched key set is used before it is fetched again */
  maxAgeMs: number;
  /** ms an HTTP request to the issuer may take */
  timeoutMs: number;
  now?: () => number;
}

type LocalKeySet = ReturnType<typeof createLocalJWKSet>;

/** Bytes of a discovery document or key set read at most. */
const MAX_DOCUMENT_BYTES = 512 * 1024;

/**
 * The issuer's signing keys, fetched once and kept for maxAgeMs. A token whose kid is unknown
 * makes it fetch the set again (the issuer rotated its keys), but at most once per cooldown
 * however many such tokens arrive, and never more than one fetch at a time. When a refetch
 * fails, the keys already held keep working; with none held, verification is unavailable.
 */
export class JwksCache {
  private keys?: LocalKeySet;
  private fetchedAt = -Infinity;
  private attemptedAt = -Infinity;
  private failedAt = -Infinity;
  /** ms before a failed first fetch is tried again: short, so start-up races heal quickly */
  private readonly retryMs: number;
  private pending?: Promise<void>;
  private jwksUrl?: Promise<URL>;
  private readonly now: () => number;

  constructor(private readonly o: JwksCacheOptions) {
    this.now = o.now ?? Date.now;
    this.retryMs = Math.min(o.cooldownMs, ISSUER_RETRY_AFTER_SECONDS * 1000);
    if (o.jwksUri) this.jwksUrl = Promise.resolve(new URL(o.jwksUri));
  }

  /** jose's key resolver: the key for a token's header, or a jose error for a token's fault. */
  readonly getKey = async (
    header: JWSHeaderParameters,
    token: FlattenedJWSInput,
  ): Promise<KeyLike | Uint8Array> => {
    if (!this.keys) await this.refresh(true);
    else if (this.now() - this.fetchedAt >= this.o.maxAgeMs && this.mayFetch()) {
      await this.refresh(false);
    }
    try {
      return await this.held()(header, token);
    } catch (err) {
      // An unknown kid: the issuer may have rotated its keys since the last fetch.
      if (!(err instanceof errors.JWKSNoMatchingKey)) throw err;
      if (!this.pending && !this.mayFetch()) throw err;
      await this.refresh(false);
      return this.held()(header, token);
    }
  };

  private held(): LocalKeySet {
    if (!this.keys) throw new IssuerUnavailableError('no key set has been fetched');
    return this.keys;
  }

  private mayFetch(): boolean {
    return this.now() - this.attemptedAt >= this.o.cooldownMs;
  }

  /**
   * Fetches the set, one fetch shared by concurrent callers. `required`: no keys are held, so a
   * failure is the caller's (503), and a failure a moment ago is not retried at once.
   */
  private async refresh(required: boolean): Promise<void> {
    if (!this.pending) {
      if (required && this.now() - this.failedAt < this.retryMs) {
        throw new IssuerUnavailableError('its key set could not be fetched a moment ago');
      }
      this.attemptedAt = this.now();
      this.pending = this.fetchKeys()
        .catch((err: unknown) => {
          this.failedAt = this.now();
          throw err;
        })
        .finally(() => (this.pending = undefined));
    }
    try {
      await this.pending;
    } catch (err) {
      // Keys already held stay valid while the issuer cannot be reached.
      if (!this.keys) throw err;
    }
  }

  private async fetchKeys(): Promise<void> {
    const url = await this.resolveJwksUrl();
    const body = await getJson(url, this.o.timeoutMs);
    if (!isKeySet(body)) throw new IssuerUnavailableError(`${url.href} is not a JSON Web Key Set`);
    this.keys = createLocalJWKSet(body);
    this.fetchedAt = this.now();
  }

  private resolveJwksUrl(): Promise<URL> {
    this.jwksUrl ??= discoverJwksUrl(this.o.issuer, this.o.timeoutMs).catch((err) => {
      this.jwksUrl = undefined;
      throw err;
    });
    return this.jwksUrl;
  }
}

/** The `jwks_uri` of the issuer's discovery document, which must name the same issuer. */
async function discoverJwksUrl(issuer: string, timeoutMs: number): Promise<URL> {
  const url = new URL(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  const doc = (await getJson(url, timeoutMs)) as { issuer?: unknown; jwks_uri?: unknown } | null;
  if (doc?.issuer !== issuer) {
    throw new IssuerUnavailableError(`the discovery document at ${url.href} names another issuer`);
  }
  if (typeof doc.jwks_uri !== 'string' || !/^https?:\/\//.test(doc.jwks_uri)) {
    throw new IssuerUnavailableError(`the discovery document at ${url.href} has no jwks_uri`);
  }
  return new URL(doc.jwks_uri);
}

async function getJson(url: URL, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
      redirect: 'error',
    });
  } catch (err) {
    throw new IssuerUnavailableError(`${url.href}: ${(err as Error).message}`);
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new IssuerUnavailableError(`${url.href} answered ${response.status}`);
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_DOCUMENT_BYTES) {
    await response.body?.cancel();
    throw new IssuerUnavailableError(`${url.href} sent ${length} bytes`);
  }
  try {
    const text = await response.text();
    if (text.length > MAX_DOCUMENT_BYTES) throw new Error(`${text.length} characters`);
    return JSON.parse(text);
  } catch (err) {
    throw new IssuerUnavailableError(`${url.href} sent no JSON (${(err as Error).message})`);
  }
}

function isKeySet(body: unknown): body is JSONWebKeySet {
  const keys = (body as { keys?: unknown } | null)?.keys;
  return Array.isArray(keys) && keys.every((k) => typeof k === 'object' && k !== null);
}
