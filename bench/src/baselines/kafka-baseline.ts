import { randomBytes, randomUUID } from 'crypto';
import { Message } from 'kafkajs';
import pino from 'pino';
import { createKafka, createProducer } from '@complaints/messaging';
import { createTestTopics } from '@complaints/testing';
import { BenchContext } from '../support/bench-context';
import { runCommand } from '../support/run-command';
import { KAFKA_LIB } from '../support/system-info';

export interface KafkaRun {
  tool: string;
  records: number;
  recordBytes: number;
  /** Records per second. */
  rate: number;
  mbPerSec: number;
  detail: Record<string, number | string>;
}

export interface KafkaBaseline {
  topic: { partitions: number };
  produce: KafkaRun[];
  consume: KafkaRun[];
  /** The Java client's rates: the broker's own ceiling on this machine. */
  bestProduceRate: number;
  bestConsumeRate: number;
}

/**
 * Produce and consume throughput on the broker the services use: with Kafka's own perf tools
 * (ProducerPerformance / ConsumerPerformance from kafka-tools, run on their own JVM) and with
 * kafkajs configured as the platform's relay configures it (idempotent, acks=all, one request
 * in flight, batches per send).
 */
export async function kafkaBaseline(
  ctx: BenchContext,
  o: {
    records: number;
    recordBytes: number;
    kafkajsRecords: number;
    kafkajsBatch: number;
    partitions: number;
  },
): Promise<KafkaBaseline> {
  const javaTopic = ctx.name('kafka_java');
  const jsTopic = ctx.name('kafka_js');
  const topics = await createTestTopics(ctx.brokers, [javaTopic, jsTopic], o.partitions);
  ctx.onCleanup('delete kafka baseline topics', () => topics.remove());
  const brokers = ctx.brokers.join(',');

  await ctx.quiet('kafka: ProducerPerformance');
  ctx.log(`kafka: ProducerPerformance, ${o.records} x ${o.recordBytes} B, acks=all`);
  const produced = await java('org.apache.kafka.tools.ProducerPerformance', [
    '--topic',
    javaTopic,
    '--num-records',
    String(o.records),
    '--record-size',
    String(o.recordBytes),
    '--throughput',
    '-1',
    '--producer-props',
    `bootstrap.servers=${brokers}`,
    'acks=all',
  ]);
  const javaProduce = parseProducerPerformance(produced, o.recordBytes);

  await ctx.quiet('kafka: ConsumerPerformance');
  ctx.log(`kafka: ConsumerPerformance, ${o.records} records`);
  const consumed = await java('org.apache.kafka.tools.ConsumerPerformance', [
    '--bootstrap-server',
    brokers,
    '--topic',
    javaTopic,
    '--messages',
    String(o.records),
    '--group',
    ctx.name('kafka_java_group'),
    '--timeout',
    '30000',
  ]);
  const javaConsume = parseConsumerPerformance(consumed, o.recordBytes);

  await ctx.quiet('kafka: kafkajs produce');
  ctx.log(`kafka: kafkajs produce, ${o.kafkajsRecords} records, ${o.kafkajsBatch} per send`);
  const jsProduce = await kafkajsProduce(
    ctx,
    jsTopic,
    o.kafkajsRecords,
    o.recordBytes,
    o.kafkajsBatch,
  );
  ctx.log(`kafka: kafkajs produce, one record per send (bounded to 5 s)`);
  const jsProduceOne = await kafkajsProduce(
    ctx,
    jsTopic,
    Math.min(o.kafkajsRecords, 20_000),
    o.recordBytes,
    1,
    5_000,
  );
  await ctx.quiet('kafka: kafkajs consume');
  ctx.log(`kafka: kafkajs consume, ${o.kafkajsRecords} records`);
  const jsConsume = await kafkajsConsume(ctx, jsTopic, o.kafkajsRecords, o.recordBytes);

  return {
    topic: { partitions: o.partitions },
    produce: [javaProduce, jsProduce, jsProduceOne],
    consume: [javaConsume, jsConsume],
    bestProduceRate: javaProduce.rate,
    bestConsumeRate: javaConsume.rate,
  };
}

async function java(mainClass: string, args: string[]): Promise<string> {
  // Run here rather than through kafka.sh run-class: that applies the broker's log4j2
  // configuration, and a tool's INFO lines would land in the broker's server.log.
  const result = await runCommand(
    'java',
    ['-Xms256m', '-Xmx256m', '-cp', `${KAFKA_LIB}/*`, mainClass, ...args],
    {
      timeoutMs: 180_000,
    },
  );
  if (result.code !== 0)
    throw new Error(`${mainClass} failed (${result.code}): ${result.stderr.slice(-500)}`);
  return result.stdout;
}

/** The summary line: "N records sent, R records/sec (M MB/sec), A ms avg latency, X ms max latency, P ms 50th, ..." */
export function parseProducerPerformance(stdout: string, recordBytes: number): KafkaRun {
  const m =
    /(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency, ([\d.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th/.exec(
      stdout,
    );
  if (!m) throw new Error(`no summary in ProducerPerformance output: ${stdout.slice(-300)}`);
  return {
    tool: 'ProducerPerformance (Java client, acks=all)',
    records: Number(m[1]),
    recordBytes,
    rate: Number(m[2]),
    mbPerSec: Number(m[3]),
    detail: {
      avgLatencyMs: Number(m[4]),
      maxLatencyMs: Number(m[5]),
      p50LatencyMs: Number(m[6]),
      p95LatencyMs: Number(m[7]),
      p99LatencyMs: Number(m[8]),
    },
  };
}

/** CSV: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec */
export function parseConsumerPerformance(stdout: string, recordBytes: number): KafkaRun {
  const lines = stdout.trim().split('\n');
  const header = lines.findIndex((l) => l.startsWith('start.time'));
  if (header < 0 || !lines[header + 1])
    throw new Error(`no figures in ConsumerPerformance output: ${stdout.slice(-300)}`);
  const cols = lines[header + 1].split(',').map((c) => c.trim());
  const n = (i: number): number => Number(cols[i]);
  return {
    tool: 'ConsumerPerformance (Java client)',
    records: n(4),
    recordBytes,
    // Fetch time only: the group join (rebalance.time.ms) is start-up, not throughput.
    rate: n(9),
    mbPerSec: n(8),
    detail: { withJoinRate: n(5), rebalanceMs: n(6), fetchMs: n(7) },
  };
}

async function kafkajsProduce(
  ctx: BenchContext,
  topic: string,
  records: number,
  recordBytes: number,
  perSend: number,
  maxMs = 120_000,
): Promise<KafkaRun> {
  const kafka = createKafka({
    brokers: ctx.brokers,
    clientId: 'bench-kafkajs',
    logger: pino({ level: 'silent' }),
  });
  const producer = createProducer(kafka);
  await producer.connect();
  const value = randomBytes(recordBytes / 2).toString('hex');
  try {
    const started = process.hrtime.bigint();
    const deadline = Date.now() + maxMs;
    let sent = 0;
    while (sent < records && Date.now() < deadline) {
      const messages: Message[] = Array.from({ length: Math.min(perSend, records - sent) }, () => ({
        key: randomUUID(),
        value,
      }));
      await producer.send({ topic, acks: -1, messages });
      sent += messages.length;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      tool: `kafkajs ${perSend === 1 ? 'one record' : `${perSend} records`} per send (idempotent, acks=all)`,
      records: sent,
      recordBytes,
      rate: sent / seconds,
      mbPerSec: (sent * recordBytes) / seconds / 2 ** 20,
      detail: { perSend },
    };
  } finally {
    await producer.disconnect();
  }
}

async function kafkajsConsume(
  ctx: BenchContext,
  topic: string,
  records: number,
  recordBytes: number,
): Promise<KafkaRun> {
  const consumer = ctx.kafka('bench-kafkajs').consumer({ groupId: ctx.name('kafka_js_group') });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const joinStarted = Date.now();
  let first = 0;
  let count = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const timer = setTimeout(() => done(), 120_000);
  try {
    await consumer.run({
      eachBatch: async ({ batch }) => {
        if (first === 0) first = Date.now();
        count += batch.messages.length;
        if (count >= records) done();
      },
    });
    await finished;
    const last = Date.now();
    return {
      tool: 'kafkajs consumer (eachBatch, no work)',
      records: count,
      recordBytes,
      rate: count / Math.max(0.001, (last - first) / 1000),
      mbPerSec: (count * recordBytes) / Math.max(0.001, (last - first) / 1000) / 2 ** 20,
      detail: { joinMs: first - joinStarted },
    };
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}
