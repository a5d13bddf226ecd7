import { randomUUID } from 'crypto';
import { Producer } from 'kafkajs';
import { Registry } from 'prom-client';
import { aReceivedEvent } from '@complaints/contracts/testing';
import { waitFor } from '@complaints/testing';
import { ConsumerGroupMetrics, createProducer, EventConsumer } from '../src';
import { deadLetterDepth } from '../src/metrics/dead-letter-depth';
import { effects, recordingHandler } from './fixtures/effects';
import { logger, MessagingWorld, messagingWorld } from './harness';

jest.setTimeout(90_000);

type Labels = Record<string, string>;

/** The value of one series as a scrape reads it (collect() runs, as on /metrics). */
async function value(
  registry: Registry,
  name: string,
  labels: Labels,
): Promise<number | undefined> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  const { values } = await metric.get();
  return values.find((v) => Object.entries(labels).every(([k, l]) => (v.labels as Labels)[k] === l))
    ?.value;
}

describe('per topic and consumer group metrics, read from Kafka (admin API) and the schema', () => {
  let w: MessagingWorld;
  let producer: Producer;
  let own: EventConsumer;
  let registry: Registry;
  let groupMetrics: ConsumerGroupMetrics;

  beforeAll(async () => {
    w = await messagingWorld('group-metrics');
    producer = createProducer(w.kafka);
    await producer.connect();
    own = w.consumer('own.apply', recordingHandler);
    registry = new Registry();
    groupMetrics = new ConsumerGroupMetrics({
      kafka: w.kafka,
      registry,
      ownGroups: () => [{ groupId: own.groupId, topics: own.topics }],
      prefix: w.prefix,
      deadLetters: deadLetterDepth(w.db.dataSource),
      logger,
      discoveryMs: 0,
      reuseMs: 0,
    });
  });

  afterAll(async () => {
    await groupMetrics.close();
    await producer.disconnect();
    await w.close();
  });

  const send = (count: number) =>
    producer.send({
      topic: w.topic,
      acks: -1,
      messages: Array.from({ length: count }, () => {
        const event = aReceivedEvent({ complaintId: randomUUID() });
        return { key: event.complaintId, value: JSON.stringify(event) };
      }),
    });

  it('a fresh group has every series at 0 before any event: lag, offsets, dead letters, counters', async () => {
    const series = { topic: w.topic, group: own.groupId };
    // The series is there from the first scrape; it reads NaN only while the broker does not
    // answer (as it may for a moment about a topic created just now).
    await waitFor(
      'the lag series to read 0',
      async () => (await value(registry, 'complaints_consumer_group_lag', series)) === 0,
      30_000,
      200,
    );
    await expect(
      value(registry, 'complaints_consumer_group_oldest_unconsumed_age_seconds', series),
    ).resolves.toBe(0);
    await expect(value(registry, 'complaints_dead_letters_parked', series)).resolves.toBe(0);
    await expect(value(registry, 'complaints_topic_end_offset', { topic: w.topic })).resolves.toBe(
      0,
    );
    // The consumer's own counters and histograms exist from its construction.
    const text = await w.metrics.registry.metrics();
    expect(text).toContain(
      `complaints_events_consumed_total{topic="${w.topic}",group="${own.groupId}",outcome="processed"} 0`,
    );
    expect(text).toContain(
      `complaints_event_processing_seconds_count{topic="${w.topic}",group="${own.groupId}"} 0`,
    );
    expect(text).toContain(
      `complaints_event_age_seconds_count{topic="${w.topic}",group="${own.groupId}"} 0`,
    );
  });

  it("a stopped group's lag and oldest event's age rise, from another reader's /metrics; both fall once it runs again", async () => {
    await own.start();
    const peer = w.consumer('peer.reader', recordingHandler);
    await peer.start();
    await send(3);
    const peerSeries = { topic: w.topic, group: peer.groupId };
    await waitFor(
      'both groups to commit the first three events',
      async () =>
        (await value(registry, 'complaints_consumer_group_committed_offset', peerSeries)) === 3 &&
        (await value(registry, 'complaints_consumer_group_lag', {
          topic: w.topic,
          group: own.groupId,
        })) === 0,
      60_000,
      200,
    );
    await peer.stop();
    await send(5);
    // The peer is not one of this reader's own groups: it is found by its committed offsets.
    await waitFor(
      "the stopped group's lag to be the five events it has not read",
      async () => (await value(registry, 'complaints_consumer_group_lag', peerSeries)) === 5,
      30_000,
      200,
    );
    await waitFor(
      'the oldest unconsumed event to age',
      async () =>
        ((await value(
          registry,
          'complaints_consumer_group_oldest_unconsumed_age_seconds',
          peerSeries,
        )) ?? 0) >= 1,
      30_000,
      200,
    );
    await expect(value(registry, 'complaints_topic_end_offset', { topic: w.topic })).resolves.toBe(
      8,
    );

    const again = w.consumer('peer.reader', recordingHandler);
    await again.start();
    await waitFor(
      'the restarted group to catch up',
      async () =>
        (await value(registry, 'complaints_consumer_group_lag', peerSeries)) === 0 &&
        (await value(
          registry,
          'complaints_consumer_group_oldest_unconsumed_age_seconds',
          peerSeries,
        )) === 0,
      60_000,
      200,
    );
    await expect(
      value(registry, 'complaints_consumer_group_committed_offset', peerSeries),
    ).resolves.toBe(8);
    await w.db.dataSource.transaction(async (tx) => {
      expect((await effects(tx)).length).toBeGreaterThanOrEqual(8);
    });
  });

  it('a message that can never succeed shows as a parked dead letter of its group and topic', async () => {
    await producer.send({
      topic: w.topic,
      acks: -1,
      messages: [{ key: randomUUID(), value: 'not an envelope' }],
    });
    await waitFor(
      'the dead letter to be counted',
      async () =>
        (await value(registry, 'complaints_dead_letters_parked', {
          topic: w.topic,
          group: own.groupId,
        })) === 1,
      60_000,
      200,
    );
  });

  it('with Kafka unreachable the own series read NaN, not 0', async () => {
    const { Kafka, logLevel } = await import('kafkajs');
    const away = new Kafka({
      brokers: ['127.0.0.1:1'],
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 200,
    });
    const r = new Registry();
    const m = new ConsumerGroupMetrics({
      kafka: away,
      registry: r,
      ownGroups: () => [{ groupId: own.groupId, topics: own.topics }],
      prefix: w.prefix,
      timeoutMs: 2000,
    });
    try {
      await expect(
        value(r, 'complaints_consumer_group_lag', { topic: w.topic, group: own.groupId }),
      ).resolves.toBeNaN();
    } finally {
      await m.close();
    }
  });
});
