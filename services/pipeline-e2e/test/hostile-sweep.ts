import { decodeProtectedHeader, JWK } from 'jose';
import { PipelineUrls } from '@complaints/pipeline-client';
import {
  HostileCase,
  HostileReport,
  hostileTokens,
  mergeReports,
  probeHostileTable,
  ProbeRoute,
  TestIdentity,
} from '@complaints/testing';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const OPEN = /^\/(health|metrics|docs)(\/|$)/;

/** A documented route, with the roles its 403 answer names (`@Roles` documents them). */
export type DocumentedRoute = ProbeRoute & { roles?: string[] };

interface Operation {
  responses?: Record<string, { description?: string }>;
  /** Set by @Public(): open by design, checking its own credential (the answer link's token). */
  'x-public'?: boolean;
}

const ROLES_NOTE = /Needs one of the roles: ([a-z_, ]+)/;

/** A running service's routes as its OpenAPI document lists them, minus the open ones (@Public). */
export async function documentedRoutes(baseUrl: string): Promise<DocumentedRoute[]> {
  const doc = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as {
    paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  };
  const routes: DocumentedRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (OPEN.test(path)) continue;
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation || operation['x-public'] === true) continue;
      const note = ROLES_NOTE.exec(operation.responses?.['403']?.description ?? '');
      routes.push({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        ...(note ? { roles: note[1].split(',').map((r) => r.trim()) } : {}),
      });
    }
  }
  return routes;
}

/** A demo user of each role, to present a valid token of a role a route refuses. */
const USER_OF_ROLE: Record<string, string> = {
  operator: 'operator',
  analyst: 'analyst',
  approver: 'approver',
  auditor: 'auditor',
  complaints_officer: 'officer',
  supervisor: 'sup-claims',
  handler: 'h-claims-01',
};

/** The first role (operators first: they may see least) the route refuses, if any. */
function refusedRole(route: DocumentedRoute): string | undefined {
  return Object.keys(USER_OF_ROLE).find((role) => !route.roles?.includes(role));
}

/** The hostile table as the real identity provider allows it (it signs only what it issues). */
export async function keycloakHostileCases(identity: TestIdentity): Promise<HostileCase[]> {
  const officer = await identity.tokenSet('officer');
  const certs = (await (
    await fetch(`${identity.issuer}/protocol/openid-connect/certs`)
  ).json()) as { keys: JWK[] };
  const kid = decodeProtectedHeader(officer.access_token).kid;
  const trustedJwk = certs.keys.find((k) => k.kid === kid);
  if (!trustedJwk) throw new Error(`the realm's key set lacks the token's kid ${kid}`);
  return [
    ...(await hostileTokens({ valid: officer.access_token, trustedJwk })),
    { name: 'ID token (audience complaints-cli)', authorization: `Bearer ${officer.id_token}` },
    { name: 'refresh token', authorization: `Bearer ${officer.refresh_token}` },
  ];
}

export interface SweepResult {
  perService: Record<string, HostileReport>;
  total: { routes: number; requests: number; accepted: number; serverErrors: number };
}

/**
 * Every documented route of every running service against the hostile tokens (401 each), a
 * valid token of a role the route refuses (as its OpenAPI 403 answer names the roles: 403, or
 * 401 on routes only a calling system's API key opens), and — on routes naming a complaint — a
 * handler of another department than the complaint's (404, or 403 where handlers may not go;
 * 400 where the empty body is refused first, which says nothing of the complaint either).
 */
export async function sweepServices(
  urls: PipelineUrls,
  identity: TestIdentity,
  complaint: { id: string; department: string },
): Promise<SweepResult> {
  const hostile = await keycloakHostileCases(identity);
  const stranger = identity.users.find(
    (u) => u.roles.includes('handler') && u.department && u.department !== complaint.department,
  );
  if (!stranger) throw new Error(`no demo handler outside ${complaint.department}`);
  const strangerToken = `Bearer ${await identity.token(stranger.username)}`;
  const perService: Record<string, HostileReport> = {};
  const total = { routes: 0, requests: 0, accepted: 0, serverErrors: 0 };
  for (const [service, baseUrl] of Object.entries(urls)) {
    const routes = await documentedRoutes(baseUrl);
    const send = async (r: {
      method: string;
      url: string;
      headers: Record<string, string>;
      body?: unknown;
    }) => {
      const res = await fetch(`${baseUrl}${r.url}`, {
        method: r.method,
        headers: r.headers,
        ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
      });
      await res.arrayBuffer();
      return res.status;
    };
    // Over real HTTP, Node refuses the 20 KB header itself (431) before any route sees it.
    const cases = hostile.map((c) =>
      c.name.startsWith('oversized') ? { ...c, expected: [401, 431] } : c,
    );
    const reports = [await probeHostileTable(routes, cases, send)];
    // A valid token of a role the route refuses: 403 (401 where only an API key opens it).
    for (const route of routes) {
      const role = refusedRole(route);
      if (!role) continue;
      const authorization = `Bearer ${await identity.token(USER_OF_ROLE[role])}`;
      const row = { name: `valid token, role ${role}`, authorization, expected: [401, 403] };
      reports.push(await probeHostileTable([route], [row], send));
    }
    const table = mergeReports(reports, routes.length);
    const named = routes.filter((r) => /:(complaintId|id)\b/.test(r.path));
    const department = await probeHostileTable(
      named,
      [
        {
          name: `handler of ${stranger.department}`,
          authorization: strangerToken,
          expected: [400, 401, 403, 404],
        },
      ],
      send,
      { complaintId: complaint.id, id: complaint.id },
    );
    const report = mergeReports([table, department], routes.length);
    perService[service] = report;
    total.routes += report.routes;
    total.requests += report.requests;
    total.accepted += report.accepted.length;
    total.serverErrors += report.serverErrors.length;
  }
  return { perService, total };
}
