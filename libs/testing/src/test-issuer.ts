import { randomUUID } from 'crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JWK, JWTHeaderParameters, JWTPayload, KeyLike } from 'jose';

export type TestSigningAlg = 'RS256' | 'ES256';

export interface TestSigningKey {
  kid: string;
  alg: TestSigningAlg;
  privateKey: KeyLike;
  /** The public half as the key set publishes it. */
  publicJwk: JWK;
}

export interface TestTokenOptions {
  /** Default: the issuer's current key. */
  key?: TestSigningKey;
  /** Merged over `{ alg, kid, typ: 'JWT' }`. */
  header?: Partial<JWTHeaderParameters>;
  /** Claims left out of the defaults (e.g. `exp`). */
  omit?: string[];
}

/** Makes a signing key pair; one not published by any issuer is "a key not in the JWKS". */
export async function testSigningKey(alg: TestSigningAlg = 'RS256'): Promise<TestSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicJwk };
}

/**
 * A local OIDC issuer for tests: a real HTTP server on 127.0.0.1 serving the discovery
 * document and the key set, and signing whatever tokens a test needs with keys it publishes
 * (or not). Keys can be rotated; the server can play unavailable; requests are counted.
 * Default claims look like Keycloak's access tokens (realm_access.roles, department).
 */
export class TestIssuer {
  /** Requests for the key set / discovery document, for rate-limit assertions. */
  jwksRequests = 0;
  discoveryRequests = 0;
  /** While false, every request answers 503. */
  available = true;
  readonly audience = 'complaints-api';
  private published: TestSigningKey[];

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private current: TestSigningKey,
  ) {
    this.published = [current];
  }

  static async start(alg: TestSigningAlg = 'RS256'): Promise<TestIssuer> {
    const key = await testSigningKey(alg);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const issuer = new TestIssuer(server, `http://127.0.0.1:${port}/realms/test`, key);
    server.on('request', (req, res) => issuer.answer(req, res));
    return issuer;
  }

  get jwksUri(): string {
    return `${this.issuer}/protocol/openid-connect/certs`;
  }

  get key(): TestSigningKey {
    return this.current;
  }

  /** A new key signs from now on and is published; the old ones stay unless dropOld. */
  async rotate(o: { dropOld?: boolean; alg?: TestSigningAlg } = {}): Promise<TestSigningKey> {
    const key = await testSigningKey(o.alg ?? this.current.alg);
    this.published = o.dropOld ? [key] : [...this.published, key];
    this.current = key;
    return key;
  }

  /** Claims an accepted token has: issuer, audience, an hour's validity, a handler of claims. */
  claims(overrides: JWTPayload & Record<string, unknown> = {}): JWTPayload {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: this.issuer,
      aud: this.audience,
      sub: randomUUID(),
      iat: now,
      exp: now + 3600,
      preferred_username: 'h-claims-01',
      realm_access: { roles: ['handler'] },
      department: 'claims',
      ...overrides,
    };
  }

  async token(
    overrides: JWTPayload & Record<string, unknown> = {},
    o: TestTokenOptions = {},
  ): Promise<string> {
    const key = o.key ?? this.current;
    const claims: Record<string, unknown> = { ...this.claims(overrides) };
    for (const name of o.omit ?? []) delete claims[name];
    return new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...o.header })
      .sign(key.privateKey);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', this.issuer).pathname;
    const realm = new URL(this.issuer).pathname;
    if (path === `${realm}/.well-known/openid-configuration`) this.discoveryRequests++;
    if (path === new URL(this.jwksUri).pathname) this.jwksRequests++;
    if (!this.available) return void res.writeHead(503).end();
    if (path === `${realm}/.well-known/openid-configuration`) {
      return send(res, { issuer: this.issuer, jwks_uri: this.jwksUri });
    }
    if (path === new URL(this.jwksUri).pathname) {
      return send(res, { keys: this.published.map((k) => k.publicJwk) });
    }
    res.writeHead(404).end();
  }
}

function send(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
