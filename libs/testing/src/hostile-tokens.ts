import { base64url, decodeJwt, decodeProtectedHeader, exportSPKI, importJWK, SignJWT } from 'jose';
import type { JWK, JWTPayload, KeyLike } from 'jose';
import { testSigningKey } from './test-issuer';

/** One hostile request: the Authorization header it carries (none when undefined). */
export interface HostileCase {
  name: string;
  authorization?: string;
}

export interface HostileInput {
  /** A token the service accepts; its header and claims are reused. */
  valid: string;
  /** The issuer's published signing key the valid token names by kid. */
  trustedJwk: JWK;
  /**
   * Signs claims with the trusted key. Only a test issuer can; with it the table also holds
   * correctly signed tokens with a wrong claim (expired, not yet valid, issuer, audience...).
   */
  signTrusted?: (claims: JWTPayload, omit?: string[]) => Promise<string>;
}

const bearer = (token: string) => `Bearer ${token}`;
const part = (value: unknown) => base64url.encode(JSON.stringify(value));

/**
 * The table of tokens no service may accept (each must be a 401, never a 2xx, 403 or 5xx):
 * none, malformed, alg none, HS256 keyed with the public key, tampered header or payload, a
 * key not in the JWKS, and (with signTrusted) expired, not yet valid, another issuer, another
 * audience, no exp, no sub.
 */
export async function hostileTokens(input: HostileInput): Promise<HostileCase[]> {
  const [h, p, s] = input.valid.split('.');
  const header = decodeProtectedHeader(input.valid);
  const claims = decodeJwt(input.valid);
  const now = Math.floor(Date.now() / 1000);
  const every = ['handler', 'supervisor', 'approver', 'complaints_officer', 'auditor'];
  const escalated = { ...claims, realm_access: { roles: every }, department: 'claims' };
  const publicKey = (await importJWK(
    input.trustedJwk,
    String(input.trustedJwk.alg ?? 'RS256'),
  )) as KeyLike;
  const pem = await exportSPKI(publicKey);
  const foreign = await testSigningKey(header.alg === 'ES256' ? 'ES256' : 'RS256');
  const hmac = (secret: string | Uint8Array) =>
    new SignJWT(escalated)
      .setProtectedHeader({ alg: 'HS256', kid: header.kid, typ: 'JWT' })
      .sign(typeof secret === 'string' ? new TextEncoder().encode(secret) : secret);
  const withForeignKey = (kid: string | undefined, extra: Record<string, unknown> = {}) =>
    new SignJWT(escalated)
      .setProtectedHeader({ alg: foreign.alg, typ: 'JWT', ...(kid ? { kid } : {}), ...extra })
      .sign(foreign.privateKey);

  const cases: HostileCase[] = [
    { name: 'no Authorization header' },
    { name: 'empty Authorization header', authorization: '' },
    { name: 'Basic credentials', authorization: 'Basic aDpjbGFpbXM6ZGVtbw==' },
    { name: 'Bearer without a token', authorization: 'Bearer' },
    { name: 'Bearer with blanks only', authorization: 'Bearer    ' },
    { name: 'not a JWT', authorization: bearer('not-a-jwt') },
    { name: 'three junk parts', authorization: bearer('a.b.c') },
    { name: 'two tokens', authorization: `Bearer ${input.valid} ${input.valid}` },
    { name: 'header not JSON', authorization: bearer(`${base64url.encode('{"alg":')}.${p}.${s}`) },
    { name: 'payload not JSON', authorization: bearer(`${h}.${base64url.encode('[1,')}.${s}`) },
    { name: 'payload an array', authorization: bearer(`${h}.${part([1, 2])}.${s}`) },
    { name: 'only two parts', authorization: bearer(`${h}.${p}`) },
    { name: 'JWE-shaped (five parts)', authorization: bearer(`${h}.${p}.${s}.${s}.${s}`) },
    { name: 'oversized (20 KB)', authorization: bearer(`${h}.${'A'.repeat(20_000)}.${s}`) },
    {
      name: 'alg none, no signature',
      authorization: bearer(`${part({ alg: 'none', typ: 'JWT' })}.${p}.`),
    },
    {
      name: 'alg none with the trusted kid',
      authorization: bearer(`${part({ alg: 'none', kid: header.kid })}.${part(escalated)}.`),
    },
    {
      name: 'alg "None", original signature',
      authorization: bearer(`${part({ ...header, alg: 'None' })}.${p}.${s}`),
    },
    { name: 'HS256 keyed with the public key (PEM)', authorization: bearer(await hmac(pem)) },
    {
      name: 'HS256 keyed with the public key (JWK JSON)',
      authorization: bearer(await hmac(JSON.stringify(input.trustedJwk))),
    },
    {
      name: 'HS256 keyed with the public key (modulus)',
      authorization: bearer(await hmac(String(input.trustedJwk.n ?? input.trustedJwk.x))),
    },
    {
      name: 'tampered payload (roles raised)',
      authorization: bearer(`${h}.${part(escalated)}.${s}`),
    },
    {
      name: 'tampered payload (another subject)',
      authorization: bearer(`${h}.${part({ ...claims, sub: 'someone-else' })}.${s}`),
    },
    {
      name: 'tampered header (alg RS512)',
      authorization: bearer(`${part({ ...header, alg: 'RS512' })}.${p}.${s}`),
    },
    { name: 'signature stripped', authorization: bearer(`${h}.${p}.`) },
    {
      name: 'signature of another token',
      authorization: bearer(`${h}.${p}.${s.split('').reverse().join('')}`),
    },
    {
      name: 'key not in the JWKS (own kid)',
      authorization: bearer(await withForeignKey(foreign.kid)),
    },
    {
      name: 'key not in the JWKS (no kid)',
      authorization: bearer(await withForeignKey(undefined)),
    },
    {
      name: 'key not in the JWKS (trusted kid)',
      authorization: bearer(await withForeignKey(header.kid)),
    },
    {
      name: 'key not in the JWKS (embedded jwk header)',
      authorization: bearer(await withForeignKey(foreign.kid, { jwk: foreign.publicJwk })),
    },
    {
      name: 'key not in the JWKS (jku header)',
      authorization: bearer(await withForeignKey(foreign.kid, { jku: 'http://127.0.0.1:1/certs' })),
    },
  ];
  if (input.signTrusted) {
    const sign = input.signTrusted;
    cases.push(
      {
        name: 'expired',
        authorization: bearer(await sign({ ...claims, iat: now - 7200, exp: now - 3600 })),
      },
      { name: 'not yet valid', authorization: bearer(await sign({ ...claims, nbf: now + 3600 })) },
      {
        name: 'another issuer',
        authorization: bearer(await sign({ ...claims, iss: 'http://127.0.0.1:1/realms/evil' })),
      },
      {
        name: 'another audience',
        authorization: bearer(await sign({ ...claims, aud: 'another-api' })),
      },
      { name: 'no audience', authorization: bearer(await sign(claims, ['aud'])) },
      { name: 'no expiry', authorization: bearer(await sign(claims, ['exp'])) },
      { name: 'no subject', authorization: bearer(await sign(claims, ['sub'])) },
      { name: 'empty subject', authorization: bearer(await sign({ ...claims, sub: '' })) },
    );
  }
  return cases;
}
