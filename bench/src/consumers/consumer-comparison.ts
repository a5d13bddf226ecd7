import { ChildProcess, spawn } from 'child_process';
import { resolve } from 'path';
import { DataSource } from 'typeorm';
import { TOPICS } from '@complaints/contracts';
import {
  createProducer,
  MESSAGING_MIGRATIONS,
  createKafka,
  serviceDataSourceOptions,
} from '@complaints/messaging';
import { createTestTopics } from '@complaints/testing';
import pino from 'pino';
import { BenchContext, sleep } from '../support/bench-context';
import { CpuSampler, CpuUsage } from '../support/cpu-sampler';
import { receivedEvent } from '../support/sample-events';
import { platformNodeArgs } from '../support/platform-command';
import { ROOT } from '../support/system-info';
import { CreateBenchClassification1764230400099 } from './consumer-work';
import { READY } from './worker-env';

export interface ConsumerRun {
  variant: keyof typeof WORKERS;
  description: string;
  applied: number;
  /** Events applied per second over the span from the first applied row to the last. */
  rate: number;
  spanSeconds: number;
  /** CPU of the consumer process (not PostgreSQL's) per 1,000 events, ms. */
  cpuMsPer1000: number | null;
  reachedAll: boolean;
  /** CPU by component from the first applied event to the end: the consumer, postgres, kafka. */
  cpu: CpuUsage | null;
}

export interface ConsumerComparison {
  events: number;
  partitions: number;
  work: string;
  runs: ConsumerRun[];
}

/** Settings given to our consumer; absent: the services' defaults. */
interface OurSettings {
  batchSize?: number;
  partitionsAtOnce?: number;
}

const WORKERS: Record<
  'stock-nestjs' | 'ours-one-per-transaction' | 'ours',
  { file: string; settings: OurSettings; description: string }
> = {
  'stock-nestjs': {
    file: 'bench/src/consumers/stock-nest-consumer.worker.ts',
    settings: {},
    description:
      '@nestjs/microservices Kafka transport, @EventPattern, a TypeORM transaction per message',
  },
  'ours-one-per-transaction': {
    file: 'bench/src/consumers/our-consumer.worker.ts',
    settings: { batchSize: 1, partitionsAtOnce: 1 },
    description:
      'our EventConsumer with CONSUMER_BATCH_SIZE=1 and CONSUMER_PARTITIONS_AT_ONCE=1: one event per transaction, as before batching',
  },
  ours: {
    file: 'bench/src/consumers/our-consumer.worker.ts',
    settings: {},
    description:
      "our EventConsumer (inbox + outbox, retries, DLQ) with the services' defaults: partitions' waiting events in one transaction",
  },
};

/**
 * The same consumer work (consumer-work.ts) through our EventConsumer and through the stock
 * NestJS Kafka transport, each in a process of its own, each with its own schema and consumer
 * group over the same pre-filled topic. Each runs until it applied every event or its time is up.
 */
export async function consumerComparison(
  ctx: BenchContext,
  o: { events: number; seconds: number; partitions: number },
  profileDir?: string,
): Promise<ConsumerComparison> {
  const prefix = `${ctx.name('consumers')}.`;
  const topic = prefix + TOPICS.received;
  const topics = await createTestTopics(ctx.brokers, [topic], o.partitions);
  ctx.onCleanup(`delete topic ${topic}`, () => topics.remove());
  ctx.log(`consumers: filling ${topic} with ${o.events} received events`);
  await fill(ctx, topic, o.events);

  const runs: ConsumerRun[] = [];
  for (const variant of ['stock-nestjs', 'ours-one-per-transaction', 'ours'] as const) {
    const schema = await ctx.createSchema(`consumer_${variant}`);
    await migrate(ctx, schema);
    await ctx.quiet(`consumers: ${variant}`);
    ctx.log(`consumers: ${variant} (up to ${o.seconds}s of applying)`);
    runs.push(
      await runWorker(
        ctx,
        variant,
        { schema, topic, prefix, group: `${prefix}${variant}` },
        o,
        profileDir,
      ),
    );
  }
  return {
    events: o.events,
    partitions: o.partitions,
    work: 'per event: validate the envelope against its contract; in one transaction check the inbox, insert a classification row, write the routed event to the outbox (validated), insert the inbox row',
    runs,
  };
}

async function fill(ctx: BenchContext, topic: string, events: number): Promise<void> {
  const producer = createProducer(
    createKafka({
      brokers: ctx.brokers,
      clientId: 'bench-fill',
      logger: pino({ level: 'silent' }),
    }),
  );
  await producer.connect();
  try {
    for (let sent = 0; sent < events; ) {
      const batch = Array.from({ length: Math.min(500, events - sent) }, (_, i) =>
        receivedEvent(sent + i, ctx.runId),
      );
      await producer.send({
        topic,
        acks: -1,
        messages: batch.map((e) => ({ key: e.complaintId, value: JSON.stringify(e) })),
      });
      sent += batch.length;
    }
  } finally {
    await producer.disconnect();
  }
}

async function migrate(ctx: BenchContext, schema: string): Promise<void> {
  const ds = new DataSource(
    serviceDataSourceOptions({
      url: ctx.databaseUrl,
      schema,
      entities: [],
      migrations: [...MESSAGING_MIGRATIONS, CreateBenchClassification1764230400099],
      poolSize: 1,
    }),
  );
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

async function runWorker(
  ctx: BenchContext,
  variant: keyof typeof WORKERS,
  w: { schema: string; topic: string; prefix: string; group: string },
  o: { events: number; seconds: number },
  profileDir?: string,
): Promise<ConsumerRun> {
  // Workers are ours to start, so --cpu-prof goes on the command line (NODE_OPTIONS refuses it).
  const profile = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir, `consumer-${variant}`)}`]
    : [];
  const child = spawn(process.execPath, [...profile, ...platformNodeArgs(WORKERS[variant].file)], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: ctx.databaseUrl,
      KAFKA_BROKERS: ctx.brokers.join(','),
      BENCH_SCHEMA: w.schema,
      BENCH_TOPIC: w.topic,
      BENCH_GROUP: w.group,
      BENCH_PREFIX: w.prefix,
      ...(WORKERS[variant].settings.batchSize
        ? { BENCH_BATCH_SIZE: String(WORKERS[variant].settings.batchSize) }
        : {}),
      ...(WORKERS[variant].settings.partitionsAtOnce
        ? { BENCH_PARTITIONS_AT_ONCE: String(WORKERS[variant].settings.partitionsAtOnce) }
        : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child);
  ctx.onCleanup(`stop ${variant} worker`, async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  await waitForLine(child, output, READY, 60_000);
  const count = async (): Promise<number> =>
    Number(
      (
        await ctx.sql<{ n: string }>(`SELECT count(*) AS n FROM "${w.schema}".bench_classification`)
      )[0].n,
    );
  // The clock for the time limit starts at the first applied row: joining the group is start-up.
  const joinDeadline = Date.now() + 60_000;
  while ((await count()) === 0 && Date.now() < joinDeadline) await sleep(100);
  const deadline = Date.now() + o.seconds * 1000;
  const sampler = new CpuSampler();
  const cpuFrom = sampler.snapshot();
  let applied = 0;
  while (Date.now() < deadline) {
    applied = await count();
    if (applied >= o.events) break;
    await sleep(250);
  }
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const machineCpu = CpuSampler.usage(cpuFrom, sampler.snapshot());
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(killer);
  const [span] = await ctx.sql<{ n: string; seconds: number | null }>(
    `SELECT count(*) AS n, EXTRACT(EPOCH FROM max(applied_at) - min(applied_at))::float8 AS seconds
       FROM "${w.schema}".bench_classification`,
  );
  applied = Number(span.n);
  // A variant that applies nothing is broken, not slow: the run must fail, not report 0x.
  if (applied === 0) {
    throw new Error(
      `consumer variant ${variant} applied no event in ${o.seconds} s:\n${output.stderr.join('').slice(-2000)}`,
    );
  }
  const seconds = span.seconds ?? 0;
  const cpu = lastJson(output.stdout.join(''));
  return {
    variant,
    description: WORKERS[variant].description,
    applied,
    rate: seconds > 0 ? (applied - 1) / seconds : 0,
    spanSeconds: seconds,
    cpuMsPer1000: cpu && applied > 0 ? ((cpu.cpuUserMs + cpu.cpuSystemMs) * 1000) / applied : null,
    reachedAll: applied >= o.events,
    cpu: machineCpu,
  };
}

function collect(child: ChildProcess): { stdout: string[]; stderr: string[] } {
  const out = { stdout: [] as string[], stderr: [] as string[] };
  child.stdout?.on('data', (d: Buffer) => out.stdout.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    out.stderr.push(d.toString());
    if (out.stderr.length > 100) out.stderr.shift();
  });
  return out;
}

async function waitForLine(
  child: ChildProcess,
  out: { stdout: string[]; stderr: string[] },
  line: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!out.stdout.join('').includes(line)) {
    if (child.exitCode !== null)
      throw new Error(`worker exited before it was ready: ${out.stderr.join('').slice(-1500)}`);
    if (Date.now() > deadline)
      throw new Error(
        `worker not ready after ${timeoutMs} ms: ${out.stderr.join('').slice(-1500)}`,
      );
    await sleep(100);
  }
}

function lastJson(stdout: string): { cpuUserMs: number; cpuSystemMs: number } | undefined {
  const line = stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (!line) return undefined;
  try {
    return JSON.parse(line) as { cpuUserMs: number; cpuSystemMs: number };
  } catch {
    return undefined;
  }
}
