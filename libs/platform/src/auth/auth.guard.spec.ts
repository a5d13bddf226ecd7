import { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { hostileTokens, TestIssuer } from '@complaints/testing';
import { guardedTestApp, TEST_API_KEY } from './testing/guarded-app';

const PROTECTED = ['/cases', '/departments/claims/cases', '/me', '/either'];

describe('AuthGuard over HTTP', () => {
  let issuer: TestIssuer;
  let app: NestFastifyApplication;
  const output: string[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
      jest.spyOn(stream, 'write').mockImplementation((...args: unknown[]) => {
        output.push(String(args[0]));
        return write(...args);
      });
    }
    issuer = await TestIssuer.start();
    app = await guardedTestApp({ env: { OIDC_ISSUER: issuer.issuer } });
  });
  afterAll(async () => {
    await app.close();
    await issuer.stop();
    jest.restoreAllMocks();
    // No token, or any part of one, ever reaches the logs.
    for (const token of tokens) {
      const signature = token.split('.')[2];
      expect(
        output.filter((line) => line.includes(token) || (!!signature && line.includes(signature))),
      ).toEqual([]);
    }
  });

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'GET', url, headers });
    return {
      status: res.statusCode,
      headers: res.headers,
      body: res.json() as Record<string, unknown>,
    };
  };
  const as = async (claims: Record<string, unknown>) => {
    const token = await issuer.token(claims);
    tokens.push(token);
    return { authorization: `Bearer ${token}` };
  };

  it('answers a valid token with the actor from its claims', async () => {
    const res = await get('/cases', await as({ sub: 'subject-1' }));
    expect(res.status).toBe(200);
    expect(res.body['actor']).toEqual({
      subject: 'subject-1',
      username: 'h-claims-01',
      roles: ['handler'],
      department: 'claims',
    });
  });

  it('answers 401 problem+json with a Bearer challenge to every hostile token on every protected route', async () => {
    const valid = await issuer.token();
    tokens.push(valid);
    const cases = await hostileTokens({
      valid,
      trustedJwk: issuer.key.publicJwk,
      signTrusted: (claims, omit) => issuer.token(claims, { omit }),
    });
    const wrong: string[] = [];
    for (const url of PROTECTED) {
      for (const c of cases) {
        const res = await app.inject({
          method: 'GET',
          url,
          headers: c.authorization === undefined ? {} : { authorization: c.authorization },
        });
        const body = res.json() as { status?: number; code?: string };
        const challenge = String(res.headers['www-authenticate'] ?? '');
        if (
          res.statusCode !== 401 ||
          !String(res.headers['content-type']).startsWith('application/problem+json') ||
          body.status !== 401 ||
          !['AUTH.TOKEN_MISSING', 'AUTH.TOKEN_INVALID'].includes(body.code ?? '') ||
          !challenge.startsWith('Bearer realm="complaints"') ||
          (body.code === 'AUTH.TOKEN_INVALID') !== challenge.includes('error="invalid_token"')
        ) {
          wrong.push(`${url} ${c.name}: ${res.statusCode} ${body.code} ${challenge}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 for a valid token without the role, 404 for another department', async () => {
    const analyst = await get('/cases', await as({ realm_access: { roles: ['analyst'] } }));
    expect(analyst.status).toBe(403);
    expect(analyst.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(analyst.body).toMatchObject({
      status: 403,
      code: 'AUTH.ROLE_MISSING',
      instance: '/cases',
    });

    const policy = await as({ department: 'policy-services' });
    expect((await get('/departments/claims/cases', policy)).status).toBe(404);
    expect((await get('/departments/policy-services/cases', policy)).status).toBe(200);
    expect((await get('/me', await as({ realm_access: { roles: [] } }))).status).toBe(200);
  });

  it('leaves public routes open, with or without a token', async () => {
    expect((await get('/health')).status).toBe(200);
    expect((await get('/health', { authorization: 'Bearer junk' })).status).toBe(200);
  });

  it('leaves @ApiKeyAuth routes to the other mechanism, and takes a bearer token where allowed', async () => {
    const key = { 'x-api-key': TEST_API_KEY };
    expect(await get('/keyed', key)).toMatchObject({ status: 200, body: { actor: null } });
    expect(await get('/keyed')).toMatchObject({
      status: 401,
      body: { code: 'AUTH.CREDENTIALS_MISSING' },
    });
    // A bearer token does not open a route that only takes the other credentials.
    expect((await get('/keyed', await as({ realm_access: { roles: ['auditor'] } }))).status).toBe(
      401,
    );

    expect((await get('/either', key)).status).toBe(200);
    const auditor = await get('/either', await as({ realm_access: { roles: ['auditor'] } }));
    expect(auditor.status).toBe(200);
    expect(auditor.body['actor']).toMatchObject({ roles: ['auditor'] });
    expect((await get('/either', await as({}))).status).toBe(403);
    expect((await get('/either')).status).toBe(401);
  });

  it('never answers 2xx or 5xx to any generated Authorization header', async () => {
    const valid = await issuer.token();
    tokens.push(valid);
    const ascii = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    });
    const b64 = fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/);
    const header = fc.oneof(
      ascii,
      ascii.map((s) => `Bearer ${s}`),
      fc.tuple(b64, b64, b64).map(([a, b, c]) => `Bearer ${a}.${b}.${c}`),
      fc
        .tuple(fc.nat({ max: valid.length - 1 }), fc.constantFrom(...'AZaz09-_.'))
        .filter(([i, ch]) => valid[i] !== ch)
        .map(([i, ch]) => `Bearer ${valid.slice(0, i)}${ch}${valid.slice(i + 1)}`),
    );
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(header, fc.constantFrom(...PROTECTED), async (authorization, url) => {
        const res = await app.inject({ method: 'GET', url, headers: { authorization } });
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        // Flipping a base64url character can leave the decoded bytes the same (its last
        // character's spare bits): such a token is the valid one and may pass.
        const same = authorization.replace(/^Bearer /, '');
        if (res.statusCode === 200 && isSameToken(same, valid)) return;
        expect(res.statusCode).toBe(401);
      }),
      { numRuns: 300 },
    );
    expect([...seen.keys()].every((s) => s < 500)).toBe(true);
  });

  it('answers 503 with Retry-After, not 401, while the issuer cannot be reached', async () => {
    const down = await TestIssuer.start();
    const downApp = await guardedTestApp({ env: { OIDC_ISSUER: down.issuer } });
    try {
      down.available = false;
      const res = await downApp.inject({
        method: 'GET',
        url: '/cases',
        headers: { authorization: `Bearer ${await down.token()}` },
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ code: 'AUTH.ISSUER_UNAVAILABLE' });
    } finally {
      await downApp.close();
      await down.stop();
    }
  });
});

/** Same header, payload and signature bytes (a base64url variant of the same token). */
function isSameToken(a: string, b: string): boolean {
  const decode = (t: string) =>
    t.split('.').map((p) => Buffer.from(p, 'base64url').toString('hex'));
  return a.split('.').length === 3 && JSON.stringify(decode(a)) === JSON.stringify(decode(b));
}
