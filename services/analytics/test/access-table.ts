import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  HostileReport,
  hostileTokens,
  probeHostileTable,
  protectedRoutes,
  TestIssuer,
} from '@complaints/testing';
import type { ProbeRoute } from '@complaints/testing';

/** Every realm role; a route refusing one must answer it 403. */
const ROLES = [
  'handler',
  'supervisor',
  'approver',
  'complaints_officer',
  'operator',
  'analyst',
  'auditor',
];

type Route = ProbeRoute & { access?: { kind: string; roles?: readonly string[] } };

function merge(reports: HostileReport[]): HostileReport {
  const total: HostileReport = {
    routes: 0,
    requests: 0,
    accepted: [],
    serverErrors: [],
    unexpected: [],
    byStatus: {},
  };
  for (const r of reports) {
    total.routes = Math.max(total.routes, r.routes);
    total.requests += r.requests;
    total.accepted.push(...r.accepted);
    total.serverErrors.push(...r.serverErrors);
    total.unexpected.push(...r.unexpected);
    for (const [status, n] of Object.entries(r.byStatus))
      total.byStatus[Number(status)] = (total.byStatus[Number(status)] ?? 0) + n;
  }
  return total;
}

/**
 * The table over every protected route of analytics: hostile tokens (401) and a
 * valid token of each role the route refuses (403). Analytics holds pseudonymised counts only and is bound to
 * no department, so there is no wrong-department row.
 */
export async function accessTable(
  app: NestFastifyApplication,
  issuer: TestIssuer,
  declared: Route[],
): Promise<HostileReport> {
  const routes = protectedRoutes(declared);
  // Bodies as sent (an empty JSON object on PUT): credentials are checked before the body.
  const send = async (r: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: unknown;
  }) =>
    (
      await app.inject({
        method: r.method as 'GET',
        url: r.url,
        headers: r.headers,
        ...(r.body !== undefined ? { payload: JSON.stringify(r.body) } : {}),
      })
    ).statusCode;
  const valid = await issuer.token({
    realm_access: { roles: ['complaints_officer'] },
    department: 'complaints-office',
  });
  const cases = await hostileTokens({
    valid,
    trustedJwk: issuer.key.publicJwk,
    signTrusted: (claims, omit) => issuer.token(claims, { omit }),
  });
  const reports = [await probeHostileTable(routes, cases, send)];
  for (const route of routes) {
    const allowed = route.access?.kind === 'roles' ? (route.access.roles ?? []) : ROLES;
    const refused = ROLES.filter((role) => !allowed.includes(role));
    const wrongRole = await Promise.all(
      refused.map(async (role) => ({
        name: `valid token, role ${role}`,
        authorization: `Bearer ${await issuer.token({ realm_access: { roles: [role] } })}`,
        expected: [403],
      })),
    );
    if (wrongRole.length > 0) reports.push(await probeHostileTable([route], wrongRole, send));
  }
  return merge(reports);
}
