/**
 * Creates every topic declared in libs/contracts (topicSpecs()) with its declared partitions,
 * retention and cleanup policy. The broker runs with auto.create.topics.enable=false, so this
 * is the only way topics come to exist. Run by `npm run infra:up` and the compose `infra-init`:
 *
 *   node -r @swc-node/register infra/kafka/create-topics.ts
 *
 * Env: KAFKA_BROKERS (default 127.0.0.1:9092), KAFKA_TOPIC_PREFIX (default none),
 * KAFKA_REPLICATION_FACTOR (default 1), KAFKA_WAIT_SECONDS (default 60).
 */
import { Admin, ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { topicSpecs, TopicSpec } from '@complaints/contracts';
// Shared with the test harness, which creates each test run's topics the same way.
import { waitForTopics } from '@complaints/testing';

export { waitForTopics };

export const DEFAULT_BROKERS = '127.0.0.1:9092';

export interface EnsureTopicsOptions {
  /** default 1: the local broker and compose run one node */
  replicationFactor?: number;
  /** how long to wait for the broker to answer metadata before failing; default 60 s */
  waitMs?: number;
  log?: (line: string) => void;
}

export interface EnsureTopicsResult {
  created: string[];
  /** topics that had fewer partitions than declared; Kafka cannot shrink, so more is left */
  increased: { topic: string; from: number; to: number }[];
  /** topics whose retention.ms / cleanup.policy differed and were set back */
  reconfigured: string[];
  unchanged: string[];
}

export function parseBrokers(brokers: string | readonly string[]): string[] {
  const list = (typeof brokers === 'string' ? brokers.split(',') : [...brokers])
    .map((b) => b.trim())
    .filter(Boolean);
  if (!list.length) throw new Error('no Kafka brokers given');
  return list;
}

/** The topic-level settings a spec declares, as Kafka config entries. */
export function topicConfig(spec: TopicSpec): Record<string, string> {
  return {
    'cleanup.policy': spec.compacted ? 'compact' : 'delete',
    'retention.ms': String(spec.retentionMs),
  };
}

function client(brokers: string[], level: logLevel, clientId = 'complaints-infra'): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: level,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { retries: 3, initialRetryTime: 200 },
  });
}

/**
 * Resolves once the broker answers a metadata request; rejects after `waitMs` with a message
 * that says how to start one.
 */
export async function waitForKafka(
  brokers: string | readonly string[],
  waitMs = 60_000,
): Promise<void> {
  const list = parseBrokers(brokers);
  const deadline = Date.now() + waitMs;
  let last: unknown;
  for (;;) {
    // Quiet and no retries: this loop is the retry, and a starting broker is not an error.
    const admin = new Kafka({
      clientId: 'complaints-infra-wait',
      brokers: list,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2000,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return;
    } catch (err) {
      last = err;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    if (Date.now() >= deadline) {
      const why = last instanceof Error ? last.message : String(last);
      throw new Error(
        `Kafka is not reachable at ${list.join(',')} after ${Math.round(waitMs / 1000)}s (${why}). ` +
          'Start the local broker with `npm run infra:up`, or set KAFKA_BROKERS to a running one.',
      );
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function currentConfigs(
  admin: Admin,
  topics: string[],
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  if (!topics.length) return out;
  const res = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      configNames: ['cleanup.policy', 'retention.ms'],
    })),
  });
  for (const r of res.resources) {
    out.set(
      r.resourceName,
      Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue])),
    );
  }
  return out;
}

async function waitForDeclaredState(
  admin: Admin,
  specs: readonly TopicSpec[],
  waitMs: number,
): Promise<void> {
  const deadline = Date.now() + waitMs;
  const names = specs.map((s) => s.name);
  for (;;) {
    const meta = await admin.fetchTopicMetadata({ topics: names });
    const partitions = new Map(meta.topics.map((t) => [t.name, t.partitions.length]));
    const configs = await currentConfigs(admin, names);
    const behind = specs.filter(
      (s) =>
        (partitions.get(s.name) ?? 0) < s.partitions ||
        Object.entries(topicConfig(s)).some(([k, v]) => configs.get(s.name)?.[k] !== v),
    );
    if (!behind.length) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `broker still reports old settings for ${behind.map((s) => s.name).join(', ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Makes the broker hold exactly the declared topics' settings: creates missing topics, adds
 * partitions to topics that have fewer than declared, and sets retention.ms/cleanup.policy
 * back where they drifted. Safe to run again and concurrently (a topic another run just made
 * counts as existing).
 */
export async function ensureTopics(
  brokers: string | readonly string[],
  specs: readonly TopicSpec[],
  opts: EnsureTopicsOptions = {},
): Promise<EnsureTopicsResult> {
  const list = parseBrokers(brokers);
  const replicationFactor = opts.replicationFactor ?? 1;
  const log = opts.log ?? (() => undefined);
  const result: EnsureTopicsResult = {
    created: [],
    increased: [],
    reconfigured: [],
    unchanged: [],
  };

  await waitForKafka(list, opts.waitMs ?? 60_000);
  // Quiet: every failure surfaces as a rejected promise; kafkajs would also log the transient
  // metadata errors it retries.
  const admin = client(list, logLevel.NOTHING).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.name));
    // One request per topic: kafkajs answers `false` (not an error) only when *all* topics of a
    // request already exist, so per-topic calls tell exactly which ones this run created when
    // another run is creating the same topics. waitForLeaders is off because kafkajs gives up
    // on the UNKNOWN_TOPIC_OR_PARTITION a KRaft broker answers until its metadata catches up;
    // waitForTopics below waits for that instead.
    const createdNow = new Set<string>();
    await Promise.all(
      missing.map(async (s) => {
        const created = await admin.createTopics({
          waitForLeaders: false,
          timeout: 30_000,
          topics: [
            {
              topic: s.name,
              numPartitions: s.partitions,
              replicationFactor,
              configEntries: Object.entries(topicConfig(s)).map(([name, value]) => ({
                name,
                value,
              })),
            },
          ],
        });
        if (created) createdNow.add(s.name);
      }),
    );
    await waitForTopics(
      admin,
      specs.map((s) => s.name),
      30_000,
    );

    const toCheck = specs.map((s) => s.name);
    const meta = await admin.fetchTopicMetadata({ topics: toCheck });
    const partitionsOf = new Map(meta.topics.map((t) => [t.name, t.partitions.length]));
    const configs = await currentConfigs(admin, toCheck);

    for (const spec of specs) {
      let changed = false;
      const have = partitionsOf.get(spec.name) ?? 0;
      if (have < spec.partitions) {
        try {
          await admin.createPartitions({
            topicPartitions: [{ topic: spec.name, count: spec.partitions }],
          });
        } catch (err) {
          // Another run enlarged it first: fine when it has enough now.
          if ((err as { type?: string }).type !== 'INVALID_PARTITIONS') throw err;
        }
        result.increased.push({ topic: spec.name, from: have, to: spec.partitions });
        log(`${spec.name}: partitions ${have} -> ${spec.partitions}`);
        changed = true;
      }
      const want = topicConfig(spec);
      const got = configs.get(spec.name) ?? {};
      const drift = Object.entries(want).filter(([k, v]) => got[k] !== v);
      if (drift.length) {
        // AlterConfigs (kafkajs has no incremental variant) replaces the topic's dynamic
        // configs as a whole, so send every declared entry, not only the drifted ones.
        await admin.alterConfigs({
          validateOnly: false,
          resources: [
            {
              type: ConfigResourceTypes.TOPIC,
              name: spec.name,
              configEntries: Object.entries(want).map(([name, value]) => ({ name, value })),
            },
          ],
        });
        result.reconfigured.push(spec.name);
        log(
          `${spec.name}: ${drift.map(([k, v]) => `${k} ${got[k] ?? '(unset)'} -> ${v}`).join(', ')}`,
        );
        changed = true;
      }
      if (createdNow.has(spec.name)) {
        result.created.push(spec.name);
        log(`${spec.name}: created (${spec.partitions} partitions, ${describe(spec)})`);
      } else if (!changed) {
        result.unchanged.push(spec.name);
      }
    }
    if (result.increased.length || result.reconfigured.length) {
      // Return only once the broker reports the declared state, so the caller's next
      // metadata or config read is not served from a cache that has not caught up yet.
      await waitForDeclaredState(admin, specs, 30_000);
    }
  } finally {
    await admin.disconnect();
  }
  return result;
}

function describe(spec: TopicSpec): string {
  const retention =
    spec.retentionMs < 0 ? 'kept forever' : `retention ${spec.retentionMs / 86_400_000}d`;
  return spec.compacted ? `compacted, ${retention}` : retention;
}

async function main(): Promise<void> {
  const brokers = process.env.KAFKA_BROKERS || DEFAULT_BROKERS;
  const specs = topicSpecs(process.env.KAFKA_TOPIC_PREFIX ?? '');
  const result = await ensureTopics(brokers, specs, {
    replicationFactor: Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
    waitMs: Number(process.env.KAFKA_WAIT_SECONDS ?? 60) * 1000,
    log: (l) => console.log(`[topics] ${l}`),
  });
  console.log(
    `[topics] ${specs.length} topics ready on ${brokers}: ${result.created.length} created, ` +
      `${result.increased.length} enlarged, ${result.reconfigured.length} reconfigured, ` +
      `${result.unchanged.length} unchanged`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`[topics] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
