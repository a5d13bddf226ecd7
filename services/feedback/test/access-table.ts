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
/** Roles bound to their token's department. */
const DEPARTMENT_ROLES = ['handler', 'supervisor'];

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
 * The table over every protected route: hostile tokens (401), a valid token of each
 * role the route refuses (403), and a handler and supervisor of another department than the
 * real complaint's on every route of that complaint they may call (404).
 */
export async function accessTable(
  app: NestFastifyApplication,
  issuer: TestIssuer,
  declared: Route[],
  complaint: { id: string; department: string; otherDepartment: string },
): Promise<HostileReport> {
  const routes = protectedRoutes(declared);
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
        ...(r.body !== undefined ? { payload: r.body as object } : {}),
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
    const allowed = route.access?.roles ?? ROLES;
    const refused = ROLES.filter((r) => !allowed.includes(r));
    const wrongRole = await Promise.all(
      refused.map(async (role) => ({
        name: `valid token, role ${role}`,
        authorization: `Bearer ${await issuer.token({ realm_access: { roles: [role] }, department: complaint.department })}`,
        expected: [403],
      })),
    );
    if (wrongRole.length > 0)
      reports.push(
        await probeHostileTable([route], wrongRole, send, { complaintId: complaint.id }),
      );
    const caseRoute = route.path.includes(':complaintId');
    const bound = DEPARTMENT_ROLES.filter((r) => allowed.includes(r));
    if (caseRoute && bound.length > 0) {
      const wrongDepartment = await Promise.all(
        bound.map(async (role) => ({
          name: `valid token, ${role} of ${complaint.otherDepartment}`,
          authorization: `Bearer ${await issuer.token({ realm_access: { roles: [role] }, department: complaint.otherDepartment })}`,
          expected: [404],
        })),
      );
      reports.push(
        await probeHostileTable([route], wrongDepartment, send, { complaintId: complaint.id }),
      );
    }
  }
  return { ...merge(reports), routes: routes.length };
}
