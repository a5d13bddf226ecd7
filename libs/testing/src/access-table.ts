import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  HostileReport,
  probeHostileTable,
  ProbeRoute,
  protectedRoutes,
  SendRequest,
} from './hostile-route-table';
import { HostileCase, hostileTokens } from './hostile-tokens';
import { TestIssuer } from './test-issuer';

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

/** A route as `RouteAccessCheck.routes()` lists it (libs/platform). */
export type AccessRoute = ProbeRoute & { access?: { kind: string; roles?: readonly string[] } };

/** `METHOD path` -> a body the route accepts, so a refusal is the access rule's, not validation's. */
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
 * The people issue's table over every protected route of an app built on `issuer`: the
 * hostile tokens (401 each) and a valid token of each role the route refuses (403).
 * `params` fills path parameters (a real complaint id), else fresh UUIDs.
 */
export async function hostileTable(
  app: NestFastifyApplication,
  issuer: TestIssuer,
  declared: AccessRoute[],
  params: Record<string, string> = {},
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
  const reports = [await probeHostileTable(routes, cases, sender(app), params)];
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
      reports.push(await probeHostileTable([route], wrongRole, sender(app), params));
  }
  return mergeReports(reports, routes.length);
}

/**
 * A handler and a supervisor of another department than the real complaint's, on every route
 * naming `:complaintId` their role may call (with a valid body when given): each must get 404.
 */
export async function departmentTable(
  app: NestFastifyApplication,
  issuer: TestIssuer,
  declared: AccessRoute[],
  complaint: { id: string; other: { department: string; handler?: string; supervisor?: string } },
  bodies: ValidBodies = {},
): Promise<HostileReport> {
  const routes = protectedRoutes(declared).filter((r) => r.path.includes(':complaintId'));
  const { department } = complaint.other;
  const people: Record<string, string | undefined> = {
    handler: complaint.other.handler,
    supervisor: complaint.other.supervisor,
  };
  const reports: HostileReport[] = [];
  for (const route of routes) {
    const allowed = route.access?.roles ?? ROLES;
    const rows: Row[] = await Promise.all(
      DEPARTMENT_ROLES.filter((r) => allowed.includes(r)).map(async (role) => ({
        name: `valid token, ${role} of ${department}`,
        authorization: await bearer(issuer, {
          realm_access: { roles: [role] },
          department,
          preferred_username: people[role] ?? `${role}-of-${department}`,
        }),
        expected: [404],
      })),
    );
    const send = sender(app, bodies[`${route.method} ${route.path}`]);
    reports.push(await probeHostileTable([route], rows, send, { complaintId: complaint.id }));
  }
  return mergeReports(reports, routes.length);
}

/** hostileTable, and departmentTable for a real complaint when given, as one report. */
export async function accessTable(
  app: NestFastifyApplication,
  issuer: TestIssuer,
  declared: AccessRoute[],
  complaint?: { id: string; department: string; otherDepartment: string },
): Promise<HostileReport> {
  if (!complaint) return hostileTable(app, issuer, declared);
  const table = await hostileTable(app, issuer, declared, { complaintId: complaint.id });
  const other = { department: complaint.otherDepartment };
  const department = await departmentTable(app, issuer, declared, { id: complaint.id, other });
  return mergeReports([table, department], table.routes);
}
