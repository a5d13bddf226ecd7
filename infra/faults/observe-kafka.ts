import { randomBytes } from 'crypto';
import { Admin, AssignerProtocol, Kafka, KafkaMessage, logLevel, Message } from 'kafkajs';
import { EventRecord } from './checks';

/** Consumer groups of the suite's own readers; never counted as the pipeline's lag. */
const READER_PREFIX = 'faults-reader-';

/** A message with its headers, as read (DLQ messages are judged by their headers). */
export interface RawMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface GroupLag {
  group: string;
  lag: number;
}

/** Reads the private broker: topics from the beginning, and every consumer group's lag. */
export class KafkaObserver {
  private readonly kafka: Kafka;
  private admin?: Promise<Admin>;
  /** Topics each group was ever seen reading (its committed offsets and its members' subscriptions). */
  private readonly groupTopics = new Map<string, Set<string>>();

  constructor(brokers: string[]) {
    this.kafka = new Kafka({
      clientId: 'faults-observer',
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2000,
      requestTimeout: 5000,
      retry: { retries: 1, initialRetryTime: 200 },
    });
  }

  /** The admin client, reconnected after a failure (the broker comes and goes here). */
  async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    try {
      return await work(await this.admin);
    } catch (err) {
      const stale = this.admin;
      this.admin = undefined;
      await stale?.then((a) => a.disconnect()).catch(() => undefined);
      throw err;
    }
  }

  /**
   * Every pipeline group's lag: high watermark minus committed offset (the start of the log
   * where nothing is committed yet: the services' groups read from the beginning), over every
   * partition of every topic the group reads.
   */
  async lags(): Promise<GroupLag[]> {
    return this.withAdmin(async (admin) => {
      const { groups } = await admin.listGroups();
      const ids = groups.map((g) => g.groupId).filter((g) => !g.startsWith(READER_PREFIX));
      const described = ids.length ? (await admin.describeGroups(ids)).groups : [];
      for (const g of described) {
        for (const m of g.members) {
          const meta = AssignerProtocol.MemberMetadata.decode(m.memberMetadata);
          for (const t of meta?.topics ?? []) this.topicsOf(g.groupId).add(t);
        }
      }
      const ends = new Map<string, { partition: number; high: bigint; low: bigint }[]>();
      const endsOf = async (topic: string) => {
        let known = ends.get(topic);
        if (!known) {
          const offsets = await admin.fetchTopicOffsets(topic);
          known = offsets.map((o) => ({
            partition: o.partition,
            high: BigInt(o.high),
            low: BigInt(o.low),
          }));
          ends.set(topic, known);
        }
        return known;
      };
      const out: GroupLag[] = [];
      for (const group of ids) {
        const committed = await admin.fetchOffsets({ groupId: group });
        for (const t of committed) this.topicsOf(group).add(t.topic);
        const topics = [...this.topicsOf(group)];
        const at = new Map<string, bigint>();
        for (const t of committed)
          for (const p of t.partitions) at.set(`${t.topic}/${p.partition}`, BigInt(p.offset));
        let lag = 0n;
        for (const topic of topics) {
          for (const p of await endsOf(topic)) {
            const c = at.get(`${topic}/${p.partition}`) ?? -1n;
            const from = c < 0n ? p.low : c;
            if (p.high > from) lag += p.high - from;
          }
        }
        out.push({ group, lag: Number(lag) });
      }
      return out;
    });
  }

  /** Publishes raw messages (the poison scenarios), bypassing every service. */
  async produce(topic: string, messages: Message[]): Promise<void> {
    const producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({ topic, messages, acks: -1 });
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  }

  /** Deletes a topic and waits until the broker no longer lists it. */
  async deleteTopic(topic: string, waitMs = 20_000): Promise<void> {
    await this.withAdmin((admin) => admin.deleteTopics({ topics: [topic], timeout: waitMs }));
    const deadline = Date.now() + waitMs;
    while ((await this.topics()).includes(topic)) {
      if (Date.now() > deadline)
        throw new Error(`${topic} still listed ${waitMs} ms after its deletion`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Every pipeline group's state and member ids (the suite's readers left out). */
  async groups(): Promise<{ group: string; state: string; members: string[] }[]> {
    return this.withAdmin(async (admin) => {
      const { groups } = await admin.listGroups();
      const ids = groups.map((g) => g.groupId).filter((g) => !g.startsWith(READER_PREFIX));
      if (!ids.length) return [];
      const described = await admin.describeGroups(ids);
      return described.groups.map((g) => ({
        group: g.groupId,
        state: g.state,
        members: g.members.map((m) => m.memberId),
      }));
    });
  }

  /** Topic names that exist now. */
  async topics(): Promise<string[]> {
    return this.withAdmin((admin) => admin.listTopics());
  }

  /**
   * Every message of `topics` (those that exist) from the beginning up to the high watermarks
   * of the moment of the call, read with a throwaway group that is deleted afterwards.
   */
  async readAll(topics: string[], timeoutMs = 30_000): Promise<RawMessage[]> {
    const existing = new Set(await this.topics());
    const wanted = topics.filter((t) => existing.has(t));
    const targets = new Map<string, bigint>();
    await this.withAdmin(async (admin) => {
      for (const topic of wanted) {
        for (const o of await admin.fetchTopicOffsets(topic)) {
          if (BigInt(o.high) > BigInt(o.low))
            targets.set(`${topic}/${o.partition}`, BigInt(o.high));
        }
      }
    });
    if (!targets.size) return [];
    const groupId = `${READER_PREFIX}${Date.now()}-${randomBytes(3).toString('hex')}`;
    const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 250, sessionTimeout: 10_000 });
    const messages: RawMessage[] = [];
    const reached = new Set<string>();
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: wanted, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`read ${reached.size}/${targets.size} partitions in ${timeoutMs} ms`)),
          timeoutMs,
        );
        consumer
          .run({
            eachBatch: async ({ batch }) => {
              for (const m of batch.messages) messages.push(raw(batch.topic, batch.partition, m));
              const tp = `${batch.topic}/${batch.partition}`;
              const target = targets.get(tp);
              const next = BigInt(batch.lastOffset()) + 1n;
              if (target !== undefined && next >= target) reached.add(tp);
              if (reached.size >= targets.size) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await this.withAdmin((admin) => admin.deleteGroups([groupId])).catch(() => undefined);
    }
    return messages;
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }

  private topicsOf(group: string): Set<string> {
    let set = this.groupTopics.get(group);
    if (!set) this.groupTopics.set(group, (set = new Set()));
    return set;
  }

  /** Groups that read `topic`, as seen so far. */
  groupsReading(topic: string): string[] {
    return [...this.groupTopics].filter(([, t]) => t.has(topic)).map(([g]) => g);
  }
}

function raw(topic: string, partition: number, m: KafkaMessage): RawMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {}))
    if (v !== undefined) headers[k] = v.toString();
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key?.toString() ?? null,
    value: m.value?.toString() ?? null,
    headers,
  };
}

/** A message as the checks see it: its envelope's fields where it is one. */
export function toEventRecord(m: RawMessage): EventRecord {
  const record: EventRecord = {
    topic: m.topic,
    partition: m.partition,
    offset: m.offset,
    key: m.key,
  };
  try {
    const e = JSON.parse(m.value ?? '') as {
      eventId?: string;
      type?: string;
      complaintId?: string;
      occurredAt?: string;
      causationId?: string | null;
      producer?: string;
      payload?: {
        round?: number;
        reopenCount?: number;
        timeline?: { stage: string }[];
        decisions?: unknown[];
        action?: unknown;
        step?: unknown;
      };
    };
    Object.assign(record, {
      eventId: e.eventId,
      type: e.type,
      complaintId: e.complaintId,
      occurredAt: e.occurredAt,
      causationId: e.causationId,
      producer: e.producer,
      round: e.payload?.round ?? e.payload?.reopenCount,
    });
    const kind = [e.payload?.action, e.payload?.step].filter((v) => typeof v === 'string');
    if (kind.length > 0) record.kind = kind.join(':');
    if (Array.isArray(e.payload?.timeline)) {
      record.stages = e.payload.timeline.map((s) => s.stage);
      record.decisions = e.payload.decisions?.length;
    }
  } catch {
    // not JSON: a poison message; kept with its offset only
  }
  return record;
}
