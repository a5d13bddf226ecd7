import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  Actor,
  InvalidTokenError,
  IssuerUnavailableError,
  TokenVerifier,
} from '@complaints/platform';
import type {
  AlertDto,
  OperationsQueryName,
  SeriesDto,
} from '../../app/operations/operations-types';

/**
 * The only Prometheus queries the operators' page may run: the browser names one, never sends
 * PromQL. Each is the max over the services that report a group's Kafka-side series (so a
 * stopped service's group still shows), and groups by topics, groups and services only.
 */
export const OPERATIONS_QUERIES = {
  lag: 'max by (topic, group) (complaints_consumer_group_lag)',
  oldestUnconsumed:
    'max by (topic, group) (complaints_consumer_group_oldest_unconsumed_age_seconds)',
  eventsIn: 'max by (topic) (rate(complaints_topic_end_offset[1m]))',
  eventsOut: 'max by (topic, group) (rate(complaints_consumer_group_committed_offset[1m]))',
  processingP99:
    'histogram_quantile(0.99, sum by (group, le) (rate(complaints_event_processing_seconds_bucket[5m])))',
  deadLetters: 'max by (topic, group) (complaints_dead_letters_parked)',
  outboxOldest: 'max by (service) (complaints_outbox_oldest_age_seconds)',
  openClocks: 'sum by (time_left) (complaints_deadline_open_clocks{department="all"})',
} as const satisfies Record<OperationsQueryName, string>;
export type OperationsQuery = keyof typeof OPERATIONS_QUERIES;

/** Labels passed to the browser; any other label Prometheus returns is dropped. */
const LABELS = ['topic', 'group', 'service', 'time_left', 'clock', 'severity'] as const;
/** minutes of history a chart may ask for */
const MIN_MINUTES = 5;
const MAX_MINUTES = 360;
/** points per series at most */
const POINTS = 150;
const OPERATOR_ROLE = 'operator';

export interface OperationsMetricsConfig {
  /** unset: the routes answer 503 PROMETHEUS.NOT_CONFIGURED */
  prometheusUrl?: string;
  verifier: TokenVerifier;
  /** ms a Prometheus request may take */
  timeoutMs: number;
}

function problem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
  };
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: titles[status], status, code, detail, ...extra });
}

function keptLabels(metric: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of LABELS) if (metric[l] !== undefined) out[l] = metric[l];
  return out;
}

/**
 * GET /api/operations/series?query=<name>&minutes=<5..360> and GET /api/operations/alerts:
 * read-only, allow-listed Prometheus reads for the operators' page, for people with the
 * operator role only (the bearer token checked here, as the services check it).
 */
export function registerOperationsMetrics(app: FastifyInstance, o: OperationsMetricsConfig): void {
  const authorise = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<Actor | undefined> => {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) {
      void problem(reply, 401, 'AUTH.TOKEN_MISSING', 'A bearer access token is required.');
      return undefined;
    }
    let actor: Actor;
    try {
      actor = await o.verifier.verify(token);
    } catch (err) {
      if (err instanceof InvalidTokenError) {
        void problem(reply, 401, 'AUTH.TOKEN_INVALID', err.message);
      } else if (err instanceof IssuerUnavailableError) {
        void problem(reply, 503, 'AUTH.ISSUER_UNAVAILABLE', err.message);
      } else throw err;
      return undefined;
    }
    if (!actor.roles.includes(OPERATOR_ROLE)) {
      void problem(reply, 403, 'AUTH.FORBIDDEN', 'Only operators read the pipeline metrics.');
      return undefined;
    }
    if (!o.prometheusUrl) {
      void problem(reply, 503, 'PROMETHEUS.NOT_CONFIGURED', 'PROMETHEUS_URL is not set.');
      return undefined;
    }
    return actor;
  };

  const prometheus = async (reply: FastifyReply, path: string): Promise<unknown> => {
    try {
      const res = await fetch(`${o.prometheusUrl}${path}`, {
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      const body = (await res.json()) as { status?: string; data?: unknown };
      if (!res.ok || body.status !== 'success') {
        void problem(reply, 502, 'PROMETHEUS.FAILED', `Prometheus answered ${res.status}.`);
        return undefined;
      }
      return body.data;
    } catch {
      void problem(reply, 503, 'PROMETHEUS.UNAVAILABLE', 'Prometheus did not answer.', {
        service: 'prometheus',
      });
      return undefined;
    }
  };

  app.get('/api/operations/series', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!(await authorise(request, reply))) return reply;
    const q = request.query as Record<string, unknown>;
    const name = q['query'];
    if (typeof name !== 'string' || !Object.hasOwn(OPERATIONS_QUERIES, name)) {
      return problem(reply, 400, 'VALIDATION.FAILED', 'Unknown query.', {
        errors: [
          {
            field: 'query',
            reason: `must be one of ${Object.keys(OPERATIONS_QUERIES).join(', ')}`,
          },
        ],
      });
    }
    const minutes = q['minutes'] === undefined ? 15 : Number(q['minutes']);
    if (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
      return problem(reply, 400, 'VALIDATION.FAILED', 'Bad minutes.', {
        errors: [
          { field: 'minutes', reason: `must be an integer from ${MIN_MINUTES} to ${MAX_MINUTES}` },
        ],
      });
    }
    const end = Date.now() / 1000;
    const step = Math.max(1, Math.round((minutes * 60) / POINTS));
    const params = new URLSearchParams({
      query: OPERATIONS_QUERIES[name as OperationsQuery],
      start: String(end - minutes * 60),
      end: String(end),
      step: String(step),
    });
    const data = (await prometheus(reply, `/api/v1/query_range?${params}`)) as
      | { result: { metric: Record<string, string>; values: [number, string][] }[] }
      | undefined;
    if (!data) return reply;
    const series: SeriesDto[] = data.result.map((r) => ({
      labels: keptLabels(r.metric),
      points: r.values
        .map(([t, v]) => [t, Number(v)] as [number, number])
        .filter(([, v]) => Number.isFinite(v)),
    }));
    return { query: name, step, series };
  });

  app.get('/api/operations/alerts', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!(await authorise(request, reply))) return reply;
    const data = (await prometheus(reply, '/api/v1/alerts')) as
      | {
          alerts: {
            labels: Record<string, string>;
            annotations: Record<string, string>;
            state: string;
            activeAt?: string;
          }[];
        }
      | undefined;
    if (!data) return reply;
    const alerts: AlertDto[] = data.alerts.map((a) => ({
      name: a.labels['alertname'] ?? '',
      state: a.state,
      labels: keptLabels(a.labels),
      summary: a.annotations['summary'] ?? '',
      ...(a.activeAt ? { activeAt: a.activeAt } : {}),
    }));
    return { alerts };
  });
}
