/**
 * Against the real broker on KAFKA_BROKERS (default 127.0.0.1:9092): ensureTopics lays out the
 * declared topics. Every topic name carries a random prefix, so parallel runs and the real
 * topics are never touched; the prefixed topics are deleted afterwards.
 */
import { randomBytes } from 'crypto';
import { Admin, ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { topicSpecs, TOPICS, TopicSpec } from '@complaints/contracts';
import {
  DEFAULT_BROKERS,
  ensureTopics,
  parseBrokers,
  waitForKafka,
  waitForTopics,
} from './create-topics';

// Real servers: creating topics and databases takes seconds, not Jest's default 5.
jest.setTimeout(60_000);

const brokers = parseBrokers(process.env.KAFKA_BROKERS || DEFAULT_BROKERS);
const prefix = `it-infra-${randomBytes(4).toString('hex')}.`;
const specs = topicSpecs(prefix);

let admin: Admin;

async function configsOf(topics: string[]): Promise<Record<string, Record<string, string>>> {
  const res = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      configNames: ['cleanup.policy', 'retention.ms'],
    })),
  });
  return Object.fromEntries(
    res.resources.map((r) => [
      r.resourceName,
      Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue])),
    ]),
  );
}

async function partitionsOf(topics: string[]): Promise<Record<string, number>> {
  const meta = await admin.fetchTopicMetadata({ topics });
  return Object.fromEntries(meta.topics.map((t) => [t.name, t.partitions.length]));
}

/** Retries `check` until it passes or 10 s are up (the broker's caches lag its controller). */
async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('ensureTopics against the real broker', () => {
  beforeAll(async () => {
    // A broker named in KAFKA_BROKERS may still be coming up; the default one should be up
    // already. Either way a missing broker fails the suite with a message naming
    // `npm run infra:up`; it never skips.
    await waitForKafka(brokers, process.env.KAFKA_BROKERS ? 30_000 : 5_000);
    admin = new Kafka({ clientId: 'infra-int-spec', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    if (!admin) return;
    try {
      // Delete by the names this suite may have made, not only what the broker lists right
      // now: a topic whose creation raced a failed assertion may not be listed yet.
      // One batched call, retried: a loaded CI machine deletes 70 topics slowly, and deleting
      // them one by one with per-call timeouts outran the hook. Leftover prefixed topics harm
      // nothing (every run has its own prefix), so they are reported, not failed on.
      let pending = [...specs.map((s) => s.name), `${prefix}grow`];
      const deadline = Date.now() + 45_000;
      while (pending.length && Date.now() < deadline) {
        await admin.deleteTopics({ topics: pending, timeout: 15_000 }).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 500));
        pending = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      }
      if (pending.length) {
        console.warn(`could not delete ${pending.length} test topics with prefix ${prefix}`);
      }
    } finally {
      await admin.disconnect();
    }
  }, 90_000);

  it('creates every declared topic with its partitions, retention and cleanup policy', async () => {
    const result = await ensureTopics(brokers, specs);
    expect([...result.created].sort()).toEqual(specs.map((s) => s.name).sort());

    const names = specs.map((s) => s.name);
    const partitions = await partitionsOf(names);
    const configs = await configsOf(names);
    for (const spec of specs) {
      expect({ topic: spec.name, partitions: partitions[spec.name] }).toEqual({
        topic: spec.name,
        partitions: spec.partitions,
      });
      expect({ topic: spec.name, ...configs[spec.name] }).toEqual({
        topic: spec.name,
        'cleanup.policy': spec.compacted ? 'compact' : 'delete',
        'retention.ms': String(spec.retentionMs),
      });
    }

    // What analysts rely on: the archive is compacted and kept forever.
    expect(configs[prefix + TOPICS.archived]).toEqual({
      'cleanup.policy': 'compact',
      'retention.ms': '-1',
    });
    expect(partitions[prefix + TOPICS.received]).toBe(6);
    expect(partitions[`${prefix}${TOPICS.received}.dlq`]).toBe(1);
  });

  it('is harmless to run again (also two at once)', async () => {
    const [a, b] = await Promise.all([ensureTopics(brokers, specs), ensureTopics(brokers, specs)]);
    for (const r of [a, b]) {
      expect(r).toEqual({
        created: [],
        increased: [],
        reconfigured: [],
        unchanged: specs.map((s) => s.name),
      });
    }
  });

  it('adds partitions to a topic that has fewer than declared', async () => {
    const grow: TopicSpec = {
      name: `${prefix}grow`,
      partitions: 4,
      retentionMs: 60_000,
      compacted: false,
    };
    await admin.createTopics({
      waitForLeaders: false,
      topics: [{ topic: grow.name, numPartitions: 2, replicationFactor: 1 }],
    });
    await waitForTopics(admin, [grow.name]);

    const result = await ensureTopics(brokers, [grow]);
    expect(result.increased).toEqual([{ topic: grow.name, from: 2, to: 4 }]);
    expect(result.reconfigured).toEqual([grow.name]); // broker default retention -> declared
    expect(await partitionsOf([grow.name])).toEqual({ [grow.name]: 4 });
    expect(await configsOf([grow.name])).toEqual({
      [grow.name]: { 'cleanup.policy': 'delete', 'retention.ms': '60000' },
    });
  });

  it('sets retention and cleanup policy back when they drifted', async () => {
    const archived = specs.find((s) => s.name === prefix + TOPICS.archived);
    if (!archived) throw new Error('archived topic missing from topicSpecs()');
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: archived.name,
          configEntries: [{ name: 'retention.ms', value: '1000' }],
        },
      ],
    });

    // The broker applies the change asynchronously; make sure the drift is visible first.
    await eventually(async () =>
      expect((await configsOf([archived.name]))[archived.name]['retention.ms']).toBe('1000'),
    );

    const result = await ensureTopics(brokers, [archived]);
    expect(result.reconfigured).toEqual([archived.name]);
    expect(await configsOf([archived.name])).toEqual({
      [archived.name]: { 'cleanup.policy': 'compact', 'retention.ms': '-1' },
    });
  });
});

describe('waitForKafka', () => {
  it('fails with a message naming `npm run infra:up` when nothing answers', async () => {
    // Port 1 on loopback: nothing listens there, the refusal is immediate.
    await expect(waitForKafka('127.0.0.1:1', 1_500)).rejects.toThrow(/npm run infra:up/);
  });
});
