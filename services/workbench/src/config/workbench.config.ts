import { resolve } from 'path';
import { sourceDir } from '@complaints/platform';

/** The services whose APIs the workbench forwards, under /api/<service>/. */
export const PROXIED_SERVICES = [
  'intake',
  'classification',
  'investigation',
  'feedback',
  'archiving',
  'deadlines',
  'analytics',
] as const;
export type ProxiedService = (typeof PROXIED_SERVICES)[number];

const DEFAULT_PORTS: Record<ProxiedService, number> = {
  intake: 3001,
  classification: 3002,
  investigation: 3003,
  feedback: 3004,
  archiving: 3005,
  deadlines: 3006,
  analytics: 3007,
};

export interface WorkbenchConfig {
  port: number;
  host: string;
  /** The identity provider's issuer; the browser signs in there (authorization code + PKCE). */
  oidcIssuer: string;
  /** The public OIDC client the browser is (the realm's `workbench`). */
  oidcClientId: string;
  /** Base URL of each service, e.g. http://127.0.0.1:3003. */
  upstreams: Record<ProxiedService, string>;
  /** The built single-page app (vite build's output). */
  distDir: string;
  logLevel: string;
  /** ms a proxied call may take before the workbench answers 504. */
  upstreamTimeoutMs: number;
  /** Prometheus for the operators' charts and alerts (PROMETHEUS_URL); unset: they say so. */
  prometheusUrl?: string;
  /** `aud` of the access tokens the workbench itself checks (the operators' metrics routes). */
  oidcAudience: string;
}

function url(name: string, value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme');
    return value.replace(/\/+$/, '');
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  }
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** Reads and checks the environment; a bad value stops the process naming the variable. */
export function loadWorkbenchConfig(env: NodeJS.ProcessEnv = process.env): WorkbenchConfig {
  const upstreams = {} as Record<ProxiedService, string>;
  for (const service of PROXIED_SERVICES) {
    const name = `${service.toUpperCase()}_URL`;
    upstreams[service] = url(name, env[name] ?? `http://127.0.0.1:${DEFAULT_PORTS[service]}`);
  }
  return {
    port: integer('PORT', env['PORT'] ?? '3000', 1, 65535),
    host: env['HOST'] ?? '127.0.0.1',
    oidcIssuer: url(
      'OIDC_ISSUER',
      env['OIDC_ISSUER'] ?? 'http://127.0.0.1:18080/realms/complaints',
    ),
    oidcClientId: env['OIDC_CLIENT_ID'] ?? 'workbench',
    upstreams,
    distDir: resolve(env['WORKBENCH_DIST_DIR'] ?? resolve(sourceDir(__dirname), '../../dist')),
    logLevel: env['LOG_LEVEL'] ?? 'info',
    ...(env['PROMETHEUS_URL']
      ? { prometheusUrl: url('PROMETHEUS_URL', env['PROMETHEUS_URL']) }
      : {}),
    oidcAudience: env['OIDC_AUDIENCE'] ?? 'complaints-api',
    upstreamTimeoutMs: integer(
      'UPSTREAM_TIMEOUT_MS',
      env['UPSTREAM_TIMEOUT_MS'] ?? '15000',
      100,
      120000,
    ),
  };
}
