import { hostileTokens, TestIssuer, testSigningKey } from '@complaints/testing';
import { InvalidTokenError, IssuerUnavailableError } from './auth.errors';
import { TokenVerifier, TokenVerifierOptions } from './token-verifier';

function verifierFor(issuer: TestIssuer, o: Partial<TokenVerifierOptions> = {}): TokenVerifier {
  return new TokenVerifier({
    issuer: issuer.issuer,
    audience: issuer.audience,
    algorithms: ['RS256', 'ES256'],
    claims: {
      roles: ['realm_access.roles'],
      department: 'department',
      username: 'preferred_username',
    },
    clockToleranceSeconds: 30,
    jwksCooldownMs: 30_000,
    jwksMaxAgeMs: 600_000,
    fetchTimeoutMs: 2000,
    ...o,
  });
}

async function faultOf(verifier: TokenVerifier, token: string): Promise<string> {
  try {
    await verifier.verify(token);
    return 'accepted';
  } catch (err) {
    if (err instanceof InvalidTokenError) return err.fault;
    if (err instanceof IssuerUnavailableError) return 'unavailable';
    return `unexpected ${(err as Error).name}`;
  }
}

describe('TokenVerifier', () => {
  let issuer: TestIssuer;

  beforeEach(async () => {
    issuer = await TestIssuer.start();
  });
  afterEach(() => issuer.stop());

  it('accepts a valid token and reads subject, username, roles and department', async () => {
    const verifier = verifierFor(issuer);
    const token = await issuer.token({
      sub: 'c8554179-bd2a-50e4-be02-892ebc89fe31',
      realm_access: { roles: ['handler', 'handler', 'offline_access'] },
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'c8554179-bd2a-50e4-be02-892ebc89fe31',
      username: 'h-claims-01',
      roles: ['handler', 'offline_access'],
      department: 'claims',
    });
    // The key set is fetched through discovery, once.
    await verifier.verify(await issuer.token());
    expect([issuer.discoveryRequests, issuer.jwksRequests]).toEqual([1, 1]);
  });

  it('accepts ES256 and reads a configured claim mapping', async () => {
    const ec = await TestIssuer.start('ES256');
    try {
      const verifier = verifierFor(ec, {
        jwksUri: ec.jwksUri,
        claims: {
          roles: ['realm_access.roles', 'https://complaints.example/roles'],
          department: 'org.department',
          username: 'email',
        },
      });
      const token = await ec.token({
        'https://complaints.example/roles': 'auditor analyst',
        org: { department: ['it-operations'] },
        email: 'someone@example.com',
      });
      const actor = await verifier.verify(token);
      expect(actor).toMatchObject({ username: 'someone@example.com', department: 'it-operations' });
      expect([...actor.roles].sort()).toEqual(['analyst', 'auditor', 'handler']);
      expect(ec.discoveryRequests).toBe(0);
    } finally {
      await ec.stop();
    }
  });

  it('refuses every token of the hostile table, each for its reason', async () => {
    const verifier = verifierFor(issuer);
    const valid = await issuer.token();
    const cases = await hostileTokens({
      valid,
      trustedJwk: issuer.key.publicJwk,
      signTrusted: (claims, omit) => issuer.token(claims, { omit }),
    });
    const outcomes: Record<string, string> = {};
    for (const c of cases) {
      const token = c.authorization?.replace(/^Bearer /, '') ?? '';
      outcomes[c.name] = await faultOf(verifier, token);
    }
    const accepted = Object.entries(outcomes).filter(
      ([, o]) => o === 'accepted' || o.startsWith('unexpected'),
    );
    expect(accepted).toEqual([]);
    expect(outcomes).toMatchObject({
      expired: 'expired',
      'not yet valid': 'not_yet_valid',
      'another issuer': 'issuer',
      'another audience': 'audience',
      'no audience': 'audience',
      'no expiry': 'claims',
      'no subject': 'claims',
      'alg none, no signature': 'algorithm',
      'HS256 keyed with the public key (PEM)': 'algorithm',
      'tampered payload (roles raised)': 'signature',
      'key not in the JWKS (own kid)': 'unknown_key',
      'key not in the JWKS (trusted kid)': 'signature',
      'not a JWT': 'malformed',
    });
    expect(cases.length).toBeGreaterThanOrEqual(35);
  });

  it('allows the clock tolerance on exp and nbf, and no more', async () => {
    const verifier = verifierFor(issuer, { clockToleranceSeconds: 30 });
    const now = Math.floor(Date.now() / 1000);
    expect(await faultOf(verifier, await issuer.token({ exp: now - 10 }))).toBe('accepted');
    expect(await faultOf(verifier, await issuer.token({ nbf: now + 10 }))).toBe('accepted');
    expect(await faultOf(verifier, await issuer.token({ exp: now - 60 }))).toBe('expired');
    expect(await faultOf(verifier, await issuer.token({ nbf: now + 60 }))).toBe('not_yet_valid');
  });

  it('accepts a rotated key once the key set is fetched again, and refetches at most once per cooldown', async () => {
    let now = Date.now();
    const verifier = verifierFor(issuer, { jwksCooldownMs: 30_000, now: () => now });
    await verifier.verify(await issuer.token());
    expect(issuer.jwksRequests).toBe(1);

    await issuer.rotate();
    // Within the cooldown a new kid is not fetched for: refused, nothing asked.
    now += 29_000;
    expect(await faultOf(verifier, await issuer.token())).toBe('unknown_key');
    expect(issuer.jwksRequests).toBe(1);

    now += 1_000;
    expect(await faultOf(verifier, await issuer.token())).toBe('accepted');
    expect(issuer.jwksRequests).toBe(2);

    // A flood of unknown kids costs one fetch per cooldown, not one per token.
    const stranger = await testSigningKey();
    const forged = await Promise.all(
      Array.from({ length: 50 }, () => issuer.token({}, { key: stranger })),
    );
    now += 30_000;
    const flood = await Promise.all(forged.map((t) => faultOf(verifier, t)));
    expect(new Set(flood)).toEqual(new Set(['unknown_key']));
    expect(issuer.jwksRequests).toBe(3);
    // Tokens of the rotated key kept working throughout.
    expect(await faultOf(verifier, await issuer.token())).toBe('accepted');
  });

  it('drops a key the issuer removed once the cached set is older than its maximum age', async () => {
    let now = Date.now();
    const verifier = verifierFor(issuer, { jwksMaxAgeMs: 600_000, now: () => now });
    const old = await issuer.token();
    await verifier.verify(old);
    await issuer.rotate({ dropOld: true });
    now += 599_000;
    expect(await faultOf(verifier, old)).toBe('accepted');
    now += 1_000;
    expect(await faultOf(verifier, old)).toBe('unknown_key');
    expect(await faultOf(verifier, await issuer.token())).toBe('accepted');
  });

  it('is unavailable (not invalid) while the issuer cannot be reached, and keeps held keys', async () => {
    let now = Date.now();
    const verifier = verifierFor(issuer, { jwksCooldownMs: 30_000, now: () => now });
    issuer.available = false;
    const token = await issuer.token();
    expect(await faultOf(verifier, token)).toBe('unavailable');
    // A failure a moment ago is not retried at once; a malformed token never asks.
    const asked = issuer.discoveryRequests;
    expect(await faultOf(verifier, token)).toBe('unavailable');
    expect(await faultOf(verifier, 'a.b')).toBe('malformed');
    expect(issuer.discoveryRequests).toBe(asked);

    issuer.available = true;
    now += 5_000;
    expect(await faultOf(verifier, token)).toBe('accepted');
    issuer.available = false;
    now += 700_000;
    // Stale keys, issuer down: the held keys still verify.
    expect(await faultOf(verifier, token)).toBe('accepted');
  });

  it('refuses a discovery document that names another issuer', async () => {
    const verifier = verifierFor(issuer, { issuer: `${issuer.issuer}/` });
    expect(await faultOf(verifier, await issuer.token())).toBe('unavailable');
  });

  it('cannot be configured with none or an HMAC algorithm', () => {
    expect(() => verifierFor(issuer, { algorithms: ['none'] })).toThrow(/asymmetric/);
    expect(() => verifierFor(issuer, { algorithms: ['RS256', 'HS256'] })).toThrow(/HS256/);
    expect(() => verifierFor(issuer, { algorithms: [] })).toThrow(/asymmetric/);
  });
});
