import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { cachedTokens, TokenSource } from '@complaints/pipeline-client';

/** A demo person of the realm file (infra/keycloak/realm-complaints.json). Demo only. */
export interface DemoUser {
  username: string;
  password: string;
  /** Realm roles the realm file grants. */
  roles: string[];
  department?: string;
  /** The staff id the realm file gives (the token's `staff_id` claim; recusal matches it). */
  staffId?: string;
  /** Fixed in the realm file, so `sub` is the same after every re-import. */
  subject: string;
}

export interface TokenSet {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  expires_in: number;
}

/** Where the tests' identity provider is, and tokens from it for the demo users. */
export interface TestIdentity {
  issuer: string;
  /** `aud` of the realm's access tokens: what the services are configured to require. */
  audience: string;
  users: DemoUser[];
  /** A demo user's access token (password grant on the complaints-cli client). */
  token(username: string): Promise<string>;
  /** The whole answer of the token endpoint (access, id and refresh tokens). */
  tokenSet(username: string): Promise<TokenSet>;
}

const ROOT = resolve(__dirname, '../../..');
export const REALM_FILE = resolve(ROOT, 'infra/keycloak/realm-complaints.json');
const INFRA_ENV_FILE = resolve(ROOT, '.data/infra.env');
export const DEFAULT_OIDC_ISSUER = 'http://127.0.0.1:18080/realms/complaints';
export const DEMO_CLIENT_ID = 'complaints-cli';
export const DEMO_AUDIENCE = 'complaints-api';

const HOW_TO_START =
  'Tests need the identity provider (Keycloak). Start it with `npm run infra:up` (or run ' +
  'everything with `npm test`), or set OIDC_ISSUER to a running issuer of the complaints realm.';

interface RealmUser {
  id: string;
  username: string;
  realmRoles?: string[];
  attributes?: Record<string, string[]>;
  credentials?: { type: string; value: string }[];
}

/** The demo users of the realm file, in its order. */
export function demoUsers(realmFile = REALM_FILE): DemoUser[] {
  const realm = JSON.parse(readFileSync(realmFile, 'utf8')) as { users?: RealmUser[] };
  return (realm.users ?? []).map((u) => {
    const department = u.attributes?.['department']?.[0];
    const staffId = u.attributes?.['staff_id']?.[0];
    return {
      username: u.username,
      password: u.credentials?.find((c) => c.type === 'password')?.value ?? '',
      roles: u.realmRoles ?? [],
      ...(department ? { department } : {}),
      ...(staffId ? { staffId } : {}),
      subject: u.id,
    };
  });
}

/** OIDC_ISSUER when set; else the one `npm run infra:up` recorded; else the local default. */
export function configuredIssuer(env: NodeJS.ProcessEnv = process.env): string {
  if (env['OIDC_ISSUER']) return env['OIDC_ISSUER'];
  if (existsSync(INFRA_ENV_FILE)) {
    const line = readFileSync(INFRA_ENV_FILE, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('OIDC_ISSUER='));
    if (line) return line.slice('OIDC_ISSUER='.length).trim();
  }
  return DEFAULT_OIDC_ISSUER;
}

/** The token endpoint from the issuer's discovery document; undefined when it does not answer. */
async function tokenEndpoint(issuer: string): Promise<string | undefined> {
  try {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) return undefined;
    return ((await res.json()) as { token_endpoint?: string }).token_endpoint;
  } catch {
    return undefined;
  }
}

/** Resource-owner password grant: for demo users and tests only, never for real people. */
export async function passwordGrant(
  endpoint: string,
  username: string,
  password: string,
  clientId = DEMO_CLIENT_ID,
): Promise<TokenSet> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: clientId,
      username,
      password,
      scope: 'openid',
    }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json().catch(() => ({}))) as Partial<TokenSet> & {
    error?: string;
    error_description?: string;
  };
  if (!res.ok || !body.access_token) {
    throw new Error(
      `token endpoint refused ${username}: ${res.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim(),
    );
  }
  return body as TokenSet;
}

let cached: Promise<TestIdentity> | undefined;

/**
 * The identity provider infra:up started (or OIDC_ISSUER), checked to answer; a clear failure
 * naming `npm run infra:up` otherwise.
 */
export function testIdentity(): Promise<TestIdentity> {
  cached ??= resolveIdentity().catch((err) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

async function resolveIdentity(): Promise<TestIdentity> {
  const issuer = configuredIssuer();
  const endpoint = await tokenEndpoint(issuer);
  if (!endpoint) throw new Error(`No identity provider answers at ${issuer}. ${HOW_TO_START}`);
  const users = demoUsers();
  const tokenSet = (username: string) => {
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`${username} is not a demo user of ${REALM_FILE}`);
    return passwordGrant(endpoint, user.username, user.password);
  };
  return {
    issuer,
    audience: DEMO_AUDIENCE,
    users,
    tokenSet,
    token: async (username) => (await tokenSet(username)).access_token,
  };
}

/**
 * Demo people's access tokens for the demo, the end-to-end suite, the benchmark and the fault
 * suite: each user signs in once (password grant) and the token is reused until shortly before
 * it expires.
 */
export function demoTokens(): TokenSource {
  return cachedTokens(async (username) => (await testIdentity()).tokenSet(username));
}
