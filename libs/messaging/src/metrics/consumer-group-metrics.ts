import { Admin, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { Gauge, Registry } from 'prom-client';
import { OffsetHistory } from './offset-history';

/** A consumer group and the topics it reads (full names, test prefixes included). */
export interface WatchedGroup {
  groupId: string;
  topics: readonly string[];
}

/** Parked dead letters of one group on one topic (dead_letter rows with status 'parked'). */
export interface DeadLetterDepth {
  group: string;
  topic: string;
  parked: number;
}

export interface ConsumerGroupMetricsOptions {
  kafka: Kafka;
  registry: Registry;
  /** The service's own groups: their series are there from start-up, before any traffic. */
  ownGroups: () => readonly WatchedGroup[];
  /**
   * Other groups are reported too when they have committed offsets on the topics the service
   * reads and are named `<prefix><service>.<group>` (the pipeline's naming): a group whose own
   * service is stopped still shows its lag, from every other reader of its topics.
   */
  prefix: string;
  /** The schema's parked dead letters; own groups' topics read 0 when absent. */
  deadLetters?: () => Promise<DeadLetterDepth[]>;
  logger?: Logger;
  /** ms between discoveries of other groups (a ListGroups call and one OffsetFetch each) */
  discoveryMs?: number;
  /**
   * ms a read is reused by further scrapes (several scrapers, or one scraping more often than
   * this, share one read: it costs an OffsetFetch per group and a ListOffsets per topic)
   */
  reuseMs?: number;
  /** ms a read of Kafka may take before the scrape reports NaN */
  timeoutMs?: number;
  /** ms since the epoch (tests) */
  now?: () => number;
}

interface GroupReading {
  group: string;
  topic: string;
  /** messages after the group's committed offset, all partitions */
  lag: number;
  /** sum of the committed offsets (the earliest kept offset where none is committed) */
  committed: number;
  /** seconds; 0 without lag */
  oldestAgeSeconds: number;
}

interface Reading {
  groups: GroupReading[];
  /** topic → sum of the partitions' end offsets (high watermarks) */
  ends: Map<string, number>;
  deadLetters: DeadLetterDepth[];
}

/** Group names the pipeline gives (after the prefix): `<service>.<group>`. */
const PIPELINE_GROUP = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;

/**
 * Per topic and consumer group, read from Kafka itself at scrape time through the admin API:
 * lag (high watermarks minus the group's committed offsets, so a stopped or hung consumer
 * shows it too), committed and end offsets (their rates are events out and in per second),
 * the age of the oldest unconsumed event (OffsetHistory), and the parked dead letters from the
 * schema. Labels are topic and group names only: no personal data.
 */
export class ConsumerGroupMetrics {
  private admin?: Promise<Admin>;
  private readonly history = new OffsetHistory();
  private readonly now: () => number;
  private peers: WatchedGroup[] = [];
  private discoveredAt = Number.NEGATIVE_INFINITY;
  private reading?: Promise<Reading | undefined>;
  private readAt = Number.NEGATIVE_INFINITY;
  private last?: Reading;

  constructor(private readonly o: ConsumerGroupMetricsOptions) {
    this.now = o.now ?? Date.now;
    const registers = [o.registry];
    const read = (): Promise<Reading | undefined> => this.read();
    const own = (): readonly WatchedGroup[] => this.o.ownGroups();
    const perGroup = (
      gauge: Gauge<'topic' | 'group'>,
      pick: (g: GroupReading) => number,
      r: Reading | undefined,
    ): void => {
      gauge.reset();
      if (!r) {
        for (const g of own())
          for (const topic of g.topics) gauge.set({ topic, group: g.groupId }, NaN);
        return;
      }
      for (const g of r.groups) gauge.set({ topic: g.topic, group: g.group }, pick(g));
    };
    new Gauge({
      name: 'complaints_consumer_group_lag',
      help: "Messages on the topic after the group's committed offsets (Kafka's own, through the admin API), all partitions",
      labelNames: ['topic', 'group'],
      registers,
      async collect() {
        perGroup(this, (g) => g.lag, await read());
      },
    });
    new Gauge({
      name: 'complaints_consumer_group_committed_offset',
      help: "Sum of the group's committed offsets on the topic (its rate: events out per second)",
      labelNames: ['topic', 'group'],
      registers,
      async collect() {
        perGroup(this, (g) => g.committed, await read());
      },
    });
    new Gauge({
      name: 'complaints_consumer_group_oldest_unconsumed_age_seconds',
      help: "Age of the group's oldest unconsumed event on the topic, a lower bound within one scrape interval (0 without lag)",
      labelNames: ['topic', 'group'],
      registers,
      async collect() {
        perGroup(this, (g) => g.oldestAgeSeconds, await read());
      },
    });
    new Gauge({
      name: 'complaints_topic_end_offset',
      help: "Sum of the topic's partitions' end offsets (its rate: events in per second)",
      labelNames: ['topic'],
      registers,
      async collect() {
        const r = await read();
        this.reset();
        const topics = new Set(own().flatMap((g) => g.topics));
        for (const topic of topics) this.set({ topic }, r?.ends.get(topic) ?? NaN);
      },
    });
    new Gauge({
      name: 'complaints_dead_letters_parked',
      help: "Dead letters parked in the service's schema, waiting for an operator (npm run dlq)",
      labelNames: ['topic', 'group'],
      registers,
      async collect() {
        const r = await read();
        this.reset();
        for (const g of own()) {
          for (const topic of g.topics) this.set({ topic, group: g.groupId }, r ? 0 : NaN);
        }
        for (const d of r?.deadLetters ?? [])
          this.set({ topic: d.topic, group: d.group }, d.parked);
      },
    });
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }

  /** One read shared by every gauge of a scrape (and by scrapes within reuseMs). */
  private read(): Promise<Reading | undefined> {
    if (this.now() - this.readAt < (this.o.reuseMs ?? 5000) && !this.reading) {
      return Promise.resolve(this.last);
    }
    this.reading ??= this.readNow().finally(() => {
      this.reading = undefined;
      this.readAt = this.now();
    });
    return this.reading;
  }

  private async readNow(): Promise<Reading | undefined> {
    const timeoutMs = this.o.timeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(
        () => fail(new Error(`no answer from Kafka in ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      this.last = await Promise.race([this.readKafka(), timeout]);
    } catch (err) {
      this.o.logger?.warn({ err }, 'consumer group metrics: Kafka could not be read');
      await this.close();
      this.last = undefined;
    } finally {
      clearTimeout(timer);
    }
    return this.last;
  }

  private async readKafka(): Promise<Reading> {
    this.admin ??= (async () => {
      const admin = this.o.kafka.admin();
      await admin.connect();
      return admin;
    })();
    const admin = await this.admin;
    const own = this.o.ownGroups();
    const ownTopics = [...new Set(own.flatMap((g) => g.topics))];
    if (this.now() - this.discoveredAt >= (this.o.discoveryMs ?? 30_000)) {
      this.peers = await this.discover(admin, own, ownTopics);
      this.discoveredAt = this.now();
    }
    const groups = [...own, ...this.peers];
    const topics = [...new Set(groups.flatMap((g) => g.topics))];
    const at = this.now();
    const ends = new Map<string, Map<number, { high: number; low: number }>>();
    for (const topic of topics) {
      const partitions = new Map<number, { high: number; low: number }>();
      for (const p of await admin.fetchTopicOffsets(topic)) {
        const high = Number(p.high);
        partitions.set(p.partition, { high, low: Number(p.low) });
        this.history.observe(`${topic}:${p.partition}`, high, at);
      }
      ends.set(topic, partitions);
    }
    const readings: GroupReading[] = [];
    for (const g of groups) {
      const committed = await admin.fetchOffsets({ groupId: g.groupId, topics: [...g.topics] });
      for (const t of committed) {
        const partitions = ends.get(t.topic) ?? new Map<number, { high: number; low: number }>();
        const reading = {
          group: g.groupId,
          topic: t.topic,
          lag: 0,
          committed: 0,
          oldestAgeSeconds: 0,
        };
        for (const [partition, { high, low }] of partitions) {
          const c = Number(t.partitions.find((p) => p.partition === partition)?.offset ?? -1);
          // No commit yet: the group starts at the earliest kept offset (fromBeginning).
          const from = Math.min(high, Math.max(c, low));
          reading.committed += from;
          reading.lag += high - from;
          if (high > from) {
            const since = this.history.producedBy(`${t.topic}:${partition}`, from);
            if (since !== undefined) {
              reading.oldestAgeSeconds = Math.max(reading.oldestAgeSeconds, (at - since) / 1000);
            }
          }
        }
        readings.push(reading);
      }
    }
    const deadLetters = this.o.deadLetters ? await this.o.deadLetters() : [];
    return {
      groups: readings,
      ends: new Map(
        [...ends].map(([t, ps]) => [t, [...ps.values()].reduce((s, p) => s + p.high, 0)]),
      ),
      deadLetters,
    };
  }

  /** Other pipeline groups with committed offsets on the topics this service reads. */
  private async discover(
    admin: Admin,
    own: readonly WatchedGroup[],
    topics: string[],
  ): Promise<WatchedGroup[]> {
    if (topics.length === 0) return [];
    const mine = new Set(own.map((g) => g.groupId));
    const { groups } = await admin.listGroups();
    const candidates = groups
      .map((g) => g.groupId)
      .filter(
        (id) =>
          !mine.has(id) &&
          id.startsWith(this.o.prefix) &&
          PIPELINE_GROUP.test(id.slice(this.o.prefix.length)),
      )
      .sort();
    const peers: WatchedGroup[] = [];
    for (const groupId of candidates) {
      const offsets = await admin.fetchOffsets({ groupId, topics });
      const read = offsets
        .filter((t) => t.partitions.some((p) => Number(p.offset) >= 0))
        .map((t) => t.topic);
      if (read.length > 0) peers.push({ groupId, topics: read });
    }
    return peers;
  }
}
