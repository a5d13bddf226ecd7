import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  HostileReport,
  hostileTokens,
  probeHostileTable,
  protectedRoutes,
  TestIssuer,
} from '@complaints/testing';
import type { HostileCase, ProbeRoute, SendRequest } from '@complaints/testing';

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

export type Route = ProbeRoute & { access?: { kind: string; roles?: readonly string[] } };

/** A body the route accepts, so a refusal is the access rule's and not validation's (400). */
export type ValidBodies = Record<string, object>;

type Row = HostileCase & { expected: number[] };

export function mergeReports(reports: HostileReport[], routes: number): HostileReport {
  const total: HostileReport = {
    routes,
    requests: 0,
    accepted: [],
    serverErrors: [],
    unexpected: [],
    byStatus: {},
  };
  for (const r of reports) {
    total.requests += r.requests;
    total.accepted.push(...r.accepted);
    total.serverErrors.push(...r.serverErrors);
    total.unexpected.push(...r.unexpected);
    for (const [status, n] of Object.entries(r.byStatus))
      total.byStatus[Number(status)] = (total.byStatus[Number(status)] ?? 0) + n;
  }
  return total;
}

/** app.inject, with the route's valid body in place of the table's empty one when given. */
function sender(app: NestFastifyApplication, body?: object): SendRequest {
  return async (r) =>
    (
      await app.inject({
        method: r.method as 'GET',
        url: r.url,
        headers: r.headers,
        ...(r.body !== undefined ? { payload: (body ?? r.body) as object } : {}),
      })
    ).statusCode;
}

const bearer = async (issuer: TestIssuer, claims: Record<string, unknown>) =>
  `Bearer ${await issuer.token(claims)}`;

/**
 * The table over every protected route: hostile tokens (401) and a valid token of
 * each role the route refuses (403).
 */
export async function hostileTable(
  app: NestFastifyApplication,
  issuer: TestIssuer,
  declared: Route[],
): Promise<HostileReport> {
  const routes = protectedRoutes(declared);
  const valid = await issuer.token({
    realm_access: { roles: ['complaints_officer'] },
    department: 'complaints-office',
    preferred_username: 'officer',
  });
  const cases = await hostileTokens({
    valid,
    trustedJwk: issuer.key.publicJwk,
    signTrusted: (claims, omit) => issuer.token(claims, { omit }),
  });
  const reports = [await probeHostileTable(routes, cases, sender(app))];
  for (const route of routes) {
    const allowed = route.access?.roles ?? ROLES;
    const wrongRole: Row[] = await Promise.all(
      ROLES.filter((r) => !allowed.includes(r)).map(async (role) => ({
        name: `valid token, role ${role}`,
        authorization: await bearer(issuer, { realm_access: { roles: [role] } }),
        expected: [403],
      })),
    );
    if (wrongRole.length > 0)
      reports.push(await probeHostileTable([route], wrongRole, sender(app)));
  }
  return mergeReports(reports, routes.length);
}

/**
 * A handler and a supervisor of another department than the real case's, on every route of
 * that case their role may call, with a valid body: each must answer 404.
 */
export async function departmentTable(
  app: NestFastifyApplication,
  issuer: TestIssuer,
  declared: Route[],
  complaint: { id: string; other: { department: string; handler: string; supervisor: string } },
  bodies: ValidBodies,
): Promise<HostileReport> {
  const routes = protectedRoutes(declared).filter((r) => r.path.includes(':complaintId'));
  const { department, handler, supervisor } = complaint.other;
  const people: Record<string, string> = { handler, supervisor };
  const reports: HostileReport[] = [];
  for (const route of routes) {
    const allowed = route.access?.roles ?? ROLES;
    const rows: Row[] = await Promise.all(
      DEPARTMENT_ROLES.filter((r) => allowed.includes(r)).map(async (role) => ({
        name: `valid token, ${role} of ${department}`,
        authorization: await bearer(issuer, {
          realm_access: { roles: [role] },
          department,
          preferred_username: people[role],
        }),
        expected: [404],
      })),
    );
    const send = sender(app, bodies[`${route.method} ${route.path}`]);
    reports.push(await probeHostileTable([route], rows, send, { complaintId: complaint.id }));
  }
  return mergeReports(reports, routes.length);
}
