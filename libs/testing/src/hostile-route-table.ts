import { randomUUID } from 'crypto';
import { mkdirSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import type { HostileCase } from './hostile-tokens';

/** A route to probe, as `RouteAccessCheck.routes()` lists them (libs/platform). */
export interface ProbeRoute {
  method: string;
  path: string;
  access?: { kind: string };
  apiKey?: { orBearer: boolean };
}

/** Sends one request and answers its status (app.inject in a test, fetch against a process). */
export type SendRequest = (request: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}) => Promise<number>;

export interface HostileRow {
  route: string;
  case: string;
  status: number;
}

export interface HostileReport {
  routes: number;
  requests: number;
  /** 2xx (or 3xx) answers: a hostile request got through. Must be empty. */
  accepted: HostileRow[];
  /** 5xx answers. Must be empty. */
  serverErrors: HostileRow[];
  /** Answers other than the expected one (401 for bad tokens; 403/404 for a wrong role). */
  unexpected: HostileRow[];
  /** status -> count */
  byStatus: Record<number, number>;
}

/** Routes no credential is needed for are left out: there is nothing to refuse. */
export function protectedRoutes<R extends ProbeRoute>(routes: R[]): R[] {
  return routes.filter((r) => r.access?.kind !== 'public');
}

/** The route's path with each `:param` filled (a fresh UUID unless given). */
export function concretePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => params[name] ?? randomUUID());
}

/**
 * Sends every hostile case to every protected route and tallies the answers. `expected` is the
 * status each case must get (401 for a bad token; pass 403 for a valid token of a role the
 * route refuses). Bodies are an empty JSON object: credentials are checked before the body.
 */
export async function probeHostileTable(
  routes: ProbeRoute[],
  cases: (HostileCase & { expected?: number[] })[],
  send: SendRequest,
  params: Record<string, string> = {},
): Promise<HostileReport> {
  const report: HostileReport = {
    routes: routes.length,
    requests: 0,
    accepted: [],
    serverErrors: [],
    unexpected: [],
    byStatus: {},
  };
  for (const route of routes) {
    const url = concretePath(route.path, params);
    for (const hostile of cases) {
      const headers: Record<string, string> = { 'user-agent': 'hostile-token-table' };
      if (hostile.authorization !== undefined) headers['authorization'] = hostile.authorization;
      const withBody = route.method !== 'GET' && route.method !== 'DELETE';
      if (withBody) headers['content-type'] = 'application/json';
      const status = await send({
        method: route.method,
        url,
        headers,
        ...(withBody ? { body: {} } : {}),
      });
      const row = { route: `${route.method} ${route.path}`, case: hostile.name, status };
      report.requests++;
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      if (status < 400) report.accepted.push(row);
      else if (status >= 500) report.serverErrors.push(row);
      if (!(hostile.expected ?? [401]).includes(status)) report.unexpected.push(row);
    }
  }
  return report;
}

/** Keeps a service's table counts in .data/hostile-tokens/<service>.json (the note reads them). */
export function writeHostileReport(service: string, report: HostileReport, label = 'table'): void {
  const dir = resolve(__dirname, '../../../.data/hostile-tokens');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    resolve(dir, `${service}-${label}.json`),
    JSON.stringify(
      {
        service,
        label,
        routes: report.routes,
        requests: report.requests,
        accepted: report.accepted.length,
        serverErrors: report.serverErrors.length,
        unexpected: report.unexpected.length,
        byStatus: report.byStatus,
        at: new Date().toISOString(),
      },
      null,
      2,
    ),
  );
}
