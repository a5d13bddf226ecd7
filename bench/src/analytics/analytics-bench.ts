import { TOPICS } from '@complaints/contracts';
import { createTestTopics, demoTokens, ServiceProcess } from '@complaints/testing';
import { BenchContext } from '../support/bench-context';
import { runCommand } from '../support/run-command';
import { summarize } from '../support/stats';
import { platformNodeArgs } from '../support/platform-command';
import { ROOT } from '../support/system-info';
import { archivedRecordJson } from './archived-records';

export interface AnalyticsQueryTime {
  name: string;
  path: string;
  /** ms, each run */
  runsMs: number[];
  medianMs: number;
  maxMs: number;
}

export interface AnalyticsBench {
  complaints: number;
  partitions: number;
  /** mean size of one archived record on the topic */
  recordBytes: number;
  produceSeconds: number;
  /** `npm run analytics:rebuild` from the topic's beginning, wall clock */
  rebuildSeconds: number;
  rebuildPerSecond: number;
  /** its last line, exactly as the command printed it */
  rebuildLastLine: string;
  /** where the heavy queries run */
  engine: string;
  queries: AnalyticsQueryTime[];
}

const QUERIES: { name: string; path: string }[] = [
  { name: 'quarterly report (JSON)', path: '/v1/reports/2026-Q2' },
  { name: 'yearly report (JSON)', path: '/v1/reports/2026' },
  { name: "China's quarterly return", path: '/v1/returns/cn-quarterly/2026-Q2' },
  { name: 'FCA half-yearly return', path: '/v1/returns/fca-half-yearly/2026-H1' },
  {
    name: 'hotspots by subcategory, quarter',
    path: '/v1/hotspots?dimension=subcategory&period=2026-Q2',
  },
  { name: 'hotspots by branch, quarter', path: '/v1/hotspots?dimension=branch&period=2026-Q2' },
  { name: 'fairness by handler, quarter', path: '/v1/fairness?dimension=handler&period=2026-Q2' },
];
const RUNS = 3;

/**
 * The analysts' figures at scale: N sealed archived records produced onto a topic of this run,
 * `npm run analytics:rebuild` from its beginning into a fresh schema (timed, as an operator runs
 * it), then the analytics service on that schema answering the report, the returns and the
 * hotspots over HTTP with an analyst's token (each query RUNS times, after one warm-up).
 */
export async function analyticsBench(
  ctx: BenchContext,
  o: { complaints: number; partitions: number },
): Promise<AnalyticsBench> {
  const prefix = `${ctx.name('analytics')}.`;
  const topic = prefix + TOPICS.archived;
  const topics = await createTestTopics(ctx.brokers, [topic, `${topic}.dlq`], o.partitions);
  ctx.onCleanup(`delete topics ${prefix}*`, () => topics.remove());
  const schema = await ctx.createSchema('analytics');

  ctx.log(`analytics: producing ${o.complaints} archived records onto ${topic}`);
  const producer = ctx.kafka('bench-analytics').producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const produceStarted = Date.now();
  let bytes = 0;
  try {
    const BATCH = 2000;
    for (let i = 0; i < o.complaints; i += BATCH) {
      const messages = [];
      for (let j = i; j < Math.min(i + BATCH, o.complaints); j++) {
        const value = archivedRecordJson(j, o.complaints);
        bytes += value.length;
        messages.push({ key: String(j), value });
      }
      await producer.send({ topic, acks: -1, messages });
      if ((i / BATCH) % 50 === 0 && i > 0) ctx.log(`analytics: ${i} produced`);
    }
  } finally {
    await producer.disconnect();
  }
  const produceSeconds = (Date.now() - produceStarted) / 1000;

  await ctx.quiet('analytics rebuild');
  const env = {
    DATABASE_URL: ctx.databaseUrl,
    DATABASE_SCHEMA: schema,
    KAFKA_BROKERS: ctx.brokers.join(','),
    TOPIC_PREFIX: prefix,
    LOG_LEVEL: 'warn',
  };
  const rebuildStarted = Date.now();
  const rebuild = await runCommand(
    process.execPath,
    platformNodeArgs('services/analytics/src/cli/rebuild.cli.ts'),
    { cwd: ROOT, env: { ...process.env, ...env }, timeoutMs: 3_600_000 },
  );
  const rebuildSeconds = (Date.now() - rebuildStarted) / 1000;
  const lastLine = rebuild.stdout.trim().split('\n').pop() ?? '';
  if (rebuild.code !== 0 || !/^rebuilt \d+ complaints into \d+ read models$/.test(lastLine))
    throw new Error(`analytics:rebuild failed (${rebuild.code}): ${rebuild.stderr.slice(-2000)}`);

  // The service on the rebuilt schema, its live consumer group already at the topic's end (as a
  // running service that had applied everything), so the queries are timed alone.
  const admin = ctx.kafka('bench-analytics-admin').admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId: `${prefix}analytics.read-models`,
      topic,
      partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
    });
  } finally {
    await admin.disconnect();
  }
  const service = new ServiceProcess({
    name: 'analytics',
    env: { ...env, REPORT_SCHEDULES: '', DATABASE_POOL_SIZE: '4' },
  });
  ctx.onCleanup('stop analytics', () => service.stop());
  await service.start();
  const token = await demoTokens()('analyst');
  await ctx.quiet('analytics queries');
  const queries: AnalyticsQueryTime[] = [];
  for (const q of QUERIES) {
    const once = async (): Promise<number> => {
      const t = process.hrtime.bigint();
      const res = await fetch(`${service.baseUrl}${q.path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${q.path} answered ${res.status}`);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    await once();
    const runsMs: number[] = [];
    for (let r = 0; r < RUNS; r++) runsMs.push(Math.round(await once()));
    queries.push({
      ...q,
      runsMs,
      medianMs: summarize(runsMs).p50,
      maxMs: Math.max(...runsMs),
    });
    ctx.log(`analytics: ${q.name} ${summarize(runsMs).p50} ms`);
  }
  await service.stop();
  return {
    complaints: o.complaints,
    partitions: o.partitions,
    recordBytes: Math.round(bytes / o.complaints),
    produceSeconds: Math.round(produceSeconds),
    rebuildSeconds: Math.round(rebuildSeconds),
    rebuildPerSecond: Math.round(o.complaints / rebuildSeconds),
    rebuildLastLine: lastLine,
    engine: 'PostgreSQL read models (complaint_fact, decision_fact)',
    queries,
  };
}
