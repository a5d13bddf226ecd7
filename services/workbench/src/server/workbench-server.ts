import { existsSync } from 'fs';
import { join } from 'path';
import Fastify, { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import httpProxy from '@fastify/http-proxy';
import { TokenVerifier } from '@complaints/platform';
import { PROXIED_SERVICES, ProxiedService, WorkbenchConfig } from '../config/workbench.config';
import { registerOperationsMetrics } from './operations-metrics';

/** What the browser app needs to know at run time (nothing secret: a public client). */
export interface WorkbenchClientConfig {
  oidcIssuer: string;
  oidcClientId: string;
  services: readonly ProxiedService[];
}

/** Any Fastify reply (the proxy's is typed for every server kind). */
interface ProblemReply {
  code(status: number): ProblemReply;
  type(contentType: string): ProblemReply;
  send(body: unknown): unknown;
}

/** An RFC 9457 problem in the services' shape (a stable `code`). */
function problem(
  reply: ProblemReply,
  status: number,
  code: string,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): unknown {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title, status, code, detail, ...extra });
}

/**
 * The workbench's one process: the built single-page app, and each service's API under
 * /api/<service>/ (the browser's bearer token forwarded as it came), so the app has a single
 * origin and needs no CORS. A service that does not answer becomes a problem+json 503 naming it.
 */
export async function createWorkbenchServer(config: WorkbenchConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      base: { service: 'workbench' },
      // Requests are logged by method and URL only: never a header (the bearer token).
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    trustProxy: false,
  });
  const indexFile = join(config.distDir, 'index.html');

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_request, reply) => {
    if (!existsSync(indexFile)) {
      return problem(
        reply,
        503,
        'WORKBENCH.NOT_BUILT',
        'Service Unavailable',
        'The app is not built',
      );
    }
    return { status: 'ok' };
  });

  app.get('/config.json', async (_request, reply): Promise<WorkbenchClientConfig> => {
    reply.header('cache-control', 'no-store');
    return {
      oidcIssuer: config.oidcIssuer,
      oidcClientId: config.oidcClientId,
      services: PROXIED_SERVICES,
    };
  });

  /** Each service's readiness, so the app can say which one is down. */
  app.get('/api/status', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const entries = await Promise.all(
      PROXIED_SERVICES.map(async (service) => {
        try {
          const res = await fetch(`${config.upstreams[service]}/health/ready`, {
            signal: AbortSignal.timeout(3000),
          });
          return [service, res.ok ? 'up' : 'degraded'] as const;
        } catch {
          return [service, 'down'] as const;
        }
      }),
    );
    return { services: Object.fromEntries(entries) };
  });

  registerOperationsMetrics(app, {
    ...(config.prometheusUrl ? { prometheusUrl: config.prometheusUrl } : {}),
    timeoutMs: config.upstreamTimeoutMs,
    // The same checks as every service's (issuer, audience, asymmetric algorithms, expiry).
    verifier: new TokenVerifier({
      issuer: config.oidcIssuer,
      audience: config.oidcAudience,
      algorithms: ['RS256', 'ES256'],
      claims: {
        roles: ['realm_access.roles'],
        department: 'department',
        username: 'preferred_username',
      },
      clockToleranceSeconds: 30,
      jwksCooldownMs: 30_000,
      jwksMaxAgeMs: 600_000,
    }),
  });

  for (const service of PROXIED_SERVICES) {
    await app.register(httpProxy, {
      upstream: config.upstreams[service],
      prefix: `/api/${service}`,
      rewritePrefix: '',
      http: { requestOptions: { timeout: config.upstreamTimeoutMs } },
      replyOptions: {
        // A service's 503 goes straight back: the app shows it, the person decides to retry.
        retryDelay: () => null,
        onError: (reply, { error }) => {
          const timedOut = /timeout/i.test(error.name) || /timeout/i.test(error.message);
          void problem(
            reply,
            timedOut ? 504 : 503,
            'SERVICE.UNAVAILABLE',
            timedOut ? 'Gateway Timeout' : 'Service Unavailable',
            `The ${service} service did not answer`,
            { service },
          );
        },
      },
    });
  }

  await app.register(fastifyStatic, {
    root: config.distDir,
    prefix: '/',
    index: ['index.html'],
    wildcard: false,
    // Hashed asset names change with their content: cache them; index.html never.
    setHeaders: (res, path) => {
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  // Routes of the app itself (/cases/…, /board, /callback) answer with the app.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' || path.startsWith('/api/') || path.startsWith('/assets/')) {
      return problem(
        reply,
        404,
        'ROUTE.NOT_FOUND',
        'Not Found',
        `No route ${request.method} ${path}`,
      );
    }
    if (!existsSync(indexFile)) {
      return problem(
        reply,
        503,
        'WORKBENCH.NOT_BUILT',
        'Service Unavailable',
        'The app is not built',
      );
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });

  return app;
}
