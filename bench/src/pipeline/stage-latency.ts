import { BenchContext } from '../support/bench-context';

export interface StageLatency {
  /** topic -> consumer group, without the run's prefix */
  stage: string;
  events: number;
  /** ms from the event's occurredAt to its inbox row (the consumer applied it). */
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Each stage's latency from the databases: for every event a consumer applied in the window,
 * the time from the event's `occurredAt` (in the producer's outbox) to the consumer's inbox row
 * (`processed_at`). Covers the producer's commit, the relay, Kafka, the wait in the consumer's
 * queue and the apply itself. Exact per event, unlike the /metrics histograms' buckets.
 */
export async function stageLatencies(
  ctx: BenchContext,
  prefix: string,
  schemas: string[],
  from: Date,
  to: Date,
): Promise<StageLatency[]> {
  const produced = schemas
    .map(
      (s) =>
        `SELECT event_id, (payload::jsonb ->> 'occurredAt')::timestamptz AS occurred_at FROM "${s}".outbox_message`,
    )
    .join(' UNION ALL ');
  const consumed = schemas
    .map(
      (s) =>
        `SELECT consumer_group, topic, event_id, processed_at FROM "${s}".inbox_message WHERE processed_at BETWEEN $1 AND $2`,
    )
    .join(' UNION ALL ');
  const rows = await ctx.sql<{
    topic: string;
    consumer_group: string;
    n: number;
    pcts: number[];
    max: number;
  }>(
    `WITH produced AS (${produced}), consumed AS (${consumed})
     SELECT c.topic, c.consumer_group, count(*)::int AS n,
            percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM c.processed_at - p.occurred_at) * 1000) AS pcts,
            max(EXTRACT(EPOCH FROM c.processed_at - p.occurred_at) * 1000)::float8 AS max
       FROM consumed c JOIN produced p USING (event_id)
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [from, to],
  );
  const strip = (s: string): string => (s.startsWith(prefix) ? s.slice(prefix.length) : s);
  const r1 = (v: number): number => Math.round(v * 10) / 10;
  return rows.map((r) => ({
    stage: `${strip(r.topic)} -> ${strip(r.consumer_group)}`,
    events: r.n,
    p50: r1(r.pcts[0]),
    p95: r1(r.pcts[1]),
    p99: r1(r.pcts[2]),
    max: r1(r.max),
  }));
}
