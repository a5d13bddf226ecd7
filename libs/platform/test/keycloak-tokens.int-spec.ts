import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { decodeProtectedHeader } from 'jose';
import type { JWK } from 'jose';
import {
  HostileCase,
  hostileTokens,
  passwordGrant,
  testIdentity,
  TestIdentity,
} from '@complaints/testing';
import { loadConfig } from '../src/config/load-config';
import { AuthConfig } from '../src/auth/auth.config';
import { TokenVerifier, tokenVerifierOptions } from '../src/auth/token-verifier';
import { guardedTestApp } from '../src/auth/testing/guarded-app';

/** The realm's own routes: roles and departments of the demo users against the test routes. */
describe('access tokens from the real identity provider (Keycloak, infra:up)', () => {
  let identity: TestIdentity;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    identity = await testIdentity();
    app = await guardedTestApp({ env: { OIDC_ISSUER: identity.issuer } });
  }, 60_000);
  afterAll(() => app?.close());

  it('verifies every demo user token with the roles, department and subject of the realm file', async () => {
    const verifier = new TokenVerifier(
      tokenVerifierOptions(loadConfig(AuthConfig, { OIDC_ISSUER: identity.issuer })),
    );
    const wrong: string[] = [];
    const users = [...identity.users];
    // A few at a time: each password grant hashes the password (PBKDF2) on the shared cores.
    while (users.length > 0) {
      await Promise.all(
        users.splice(0, 4).map(async (user) => {
          const actor = await verifier.verify(await identity.token(user.username));
          const expected = {
            subject: user.subject,
            username: user.username,
            roles: user.roles,
            department: user.department,
            staffId: user.staffId,
          };
          if (
            JSON.stringify({ ...actor, department: actor.department, staffId: actor.staffId }) !==
            JSON.stringify(expected)
          ) {
            wrong.push(`${user.username}: ${JSON.stringify(actor)}`);
          }
        }),
      );
    }
    expect(wrong).toEqual([]);
    expect(identity.users.length).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it('answers 200, 403 and 404 by role and department, and 401 to every hostile token, never a 5xx', async () => {
    const handler = await identity.tokenSet('h-claims-01');
    const tokens = {
      handler: handler.access_token,
      policyHandler: await identity.token('h-policy-01'),
      supervisor: await identity.token('sup-claims'),
      analyst: await identity.token('analyst'),
      operator: await identity.token('operator'),
      auditor: await identity.token('auditor'),
    };
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    const allowed: [string, Record<string, string>, number][] = [
      ['/cases', bearer(tokens.handler), 200],
      ['/cases', bearer(tokens.supervisor), 200],
      ['/departments/claims/cases', bearer(tokens.handler), 200],
      ['/departments/claims/cases', bearer(tokens.policyHandler), 404],
      ['/departments/policy-services/cases', bearer(tokens.policyHandler), 200],
      ['/cases', bearer(tokens.analyst), 403],
      ['/cases', bearer(tokens.operator), 403],
      ['/either', bearer(tokens.auditor), 200],
      ['/either', bearer(tokens.handler), 403],
      ['/me', bearer(tokens.analyst), 200],
    ];
    const statuses = new Map<number, number>();
    const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
    const mismatched: string[] = [];
    for (const [url, headers, status] of allowed) {
      const res = await app.inject({ method: 'GET', url, headers });
      count(res.statusCode);
      if (res.statusCode !== status)
        mismatched.push(`${url}: ${res.statusCode}, expected ${status}`);
    }

    const certs = (await (
      await fetch(`${identity.issuer}/protocol/openid-connect/certs`)
    ).json()) as { keys: JWK[] };
    const kid = decodeProtectedHeader(tokens.handler).kid;
    const trustedJwk = certs.keys.find((k) => k.kid === kid);
    if (!trustedJwk) throw new Error(`the realm's key set lacks the token's kid ${kid}`);
    const hostile: HostileCase[] = [
      ...(await hostileTokens({ valid: tokens.handler, trustedJwk })),
      // Signed by Keycloak itself, yet no access token for these services:
      { name: 'ID token (audience complaints-cli)', authorization: `Bearer ${handler.id_token}` },
      { name: 'refresh token (HS512)', authorization: `Bearer ${handler.refresh_token}` },
      ...(await masterRealmToken(identity.issuer)),
    ];
    let accepted = 0;
    let serverErrors = 0;
    for (const url of ['/cases', '/departments/claims/cases', '/me', '/either']) {
      for (const c of hostile) {
        const res = await app.inject({
          method: 'GET',
          url,
          headers: c.authorization === undefined ? {} : { authorization: c.authorization },
        });
        count(res.statusCode);
        if (res.statusCode < 300) accepted++;
        if (res.statusCode >= 500) serverErrors++;
        if (res.statusCode !== 401) mismatched.push(`${url} ${c.name}: ${res.statusCode}`);
      }
    }
    process.stdout.write(
      `Keycloak hostile-token table: ${hostile.length} tokens x 4 routes = ${hostile.length * 4} requests, ` +
        `${accepted} accepted, ${serverErrors} 5xx; all answers by status: ` +
        `${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`,
    );
    expect(mismatched).toEqual([]);
    expect([accepted, serverErrors]).toEqual([0, 0]);
  }, 120_000);
});

/** The master realm's admin token: Keycloak's signature, another issuer (when admin/admin works). */
async function masterRealmToken(issuer: string): Promise<HostileCase[]> {
  const master = issuer.replace(/\/realms\/[^/]+$/, '/realms/master');
  try {
    const set = await passwordGrant(
      `${master}/protocol/openid-connect/token`,
      process.env['KC_BOOTSTRAP_ADMIN_USERNAME'] ?? 'admin',
      process.env['KC_BOOTSTRAP_ADMIN_PASSWORD'] ?? 'admin',
      'admin-cli',
    );
    return [
      { name: 'master realm token (another issuer)', authorization: `Bearer ${set.access_token}` },
    ];
  } catch {
    return [];
  }
}
