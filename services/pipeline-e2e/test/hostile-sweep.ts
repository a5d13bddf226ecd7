import { decodeProtectedHeader, JWK } from 'jose';
import { PipelineUrls } from '@complaints/pipeline-client';
import {
  HostileCase,
  HostileReport,
  hostileTokens,
  probeHostileTable,
  ProbeRoute,
  TestIdentity,
} from '@complaints/testing';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const OPEN = /^\/(health|metrics|docs)(\/|$)/;

/** A running service's routes as its OpenAPI document lists them, minus the open ones. */
export async function documentedRoutes(baseUrl: string): Promise<ProbeRoute[]> {
  const doc = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as {
    paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>;
  };
  const routes: ProbeRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (OPEN.test(path)) continue;
    for (const method of METHODS) {
      if (operations[method]) {
        routes.push({ method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, ':$1') });
      }
    }
  }
  return routes;
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
 * Every documented route of every running service against the hostile tokens (401 each), an
 * operator's valid token (no case, letter or archive route is an operator's: 403, or 401 on
 * routes only a calling system's API key opens), and — on routes naming a complaint — a
 * handler of another department than the complaint's (404, or 403 where handlers may not go;
 * 400 where the empty body is refused first, which says nothing of the complaint either).
 */
export async function sweepServices(
  urls: PipelineUrls,
  identity: TestIdentity,
  complaint: { id: string; department: string },
): Promise<SweepResult> {
  const hostile = await keycloakHostileCases(identity);
  const operator = `Bearer ${await identity.token('operator')}`;
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
    const cases = [
      ...hostile.map((c) => (c.name.startsWith('oversized') ? { ...c, expected: [401, 431] } : c)),
      { name: 'valid token, role operator', authorization: operator, expected: [401, 403] },
    ];
    const table = await probeHostileTable(routes, cases, send);
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
    const report = merge(table, department);
    perService[service] = report;
    total.routes += report.routes;
    total.requests += report.requests;
    total.accepted += report.accepted.length;
    total.serverErrors += report.serverErrors.length;
  }
  return { perService, total };
}

function merge(a: HostileReport, b: HostileReport): HostileReport {
  const byStatus = { ...a.byStatus };
  for (const [status, n] of Object.entries(b.byStatus)) {
    byStatus[Number(status)] = (byStatus[Number(status)] ?? 0) + n;
  }
  return {
    routes: a.routes,
    requests: a.requests + b.requests,
    accepted: [...a.accepted, ...b.accepted],
    serverErrors: [...a.serverErrors, ...b.serverErrors],
    unexpected: [...a.unexpected, ...b.unexpected],
    byStatus,
  };
}
