/**
 * `npm run auth:token -- USER`: an access token for a demo user of the local identity provider
 * (password grant on the complaints-cli client), for curl, the demo and tests. The last line
 * of stdout is the token alone; what it holds goes to stderr:
 *   TOKEN=$(npm run -s auth:token -- h-claims-01 | tail -n 1)
 * `npm run auth:token -- --list`: the demo users, one a line: user, roles, department.
 * The issuer is OIDC_ISSUER, else the one `npm run infra:up` recorded in .data/infra.env.
 * Demo users and passwords come from infra/keycloak/realm-complaints.json: demo only.
 */
import { decodeJwt } from 'jose';
import { configuredIssuer, demoUsers, passwordGrant, REALM_FILE } from '@complaints/testing';

const USAGE = 'usage: npm run auth:token -- USER | --list';

function list(): void {
  const users = demoUsers();
  const width = Math.max(...users.map((u) => u.username.length));
  for (const u of users) {
    console.log(
      `${u.username.padEnd(width)}  ${u.roles.join(',').padEnd(18)}  ${u.department ?? '-'}`,
    );
  }
}

async function token(username: string): Promise<void> {
  const user = demoUsers().find((u) => u.username === username);
  if (!user) {
    console.error(
      `${username} is not a demo user (${REALM_FILE}); see: npm run auth:token -- --list`,
    );
    process.exit(2);
  }
  const issuer = configuredIssuer();
  let endpoint: string | undefined;
  try {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(5000),
    });
    if (res.ok) endpoint = ((await res.json()) as { token_endpoint?: string }).token_endpoint;
  } catch {
    endpoint = undefined;
  }
  if (!endpoint) {
    console.error(`No identity provider answers at ${issuer}: start it with npm run infra:up`);
    process.exit(1);
  }
  const set = await passwordGrant(endpoint, user.username, user.password);
  const claims = decodeJwt(set.access_token) as {
    sub?: string;
    department?: string;
    realm_access?: { roles?: string[] };
  };
  console.error(
    `${user.username}: roles ${(claims.realm_access?.roles ?? []).join(',') || '-'}, ` +
      `department ${claims.department ?? '-'}, sub ${claims.sub}, expires in ${set.expires_in} s (${issuer})`,
  );
  console.log(set.access_token);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    console.error(USAGE);
    process.exit(2);
  }
  if (args[0] === '--list') return list();
  await token(args[0]);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
