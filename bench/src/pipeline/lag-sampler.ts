import { Admin } from 'kafkajs';
import { LIFECYCLE_EVENT_TYPES, EVENT_CATALOG, TOPICS } from '@complaints/contracts';
import { BenchContext } from '../support/bench-context';

/** What each consumer group of the pipeline reads (group name without the run's prefix). */
const GROUP_TOPICS: Record<string, string[]> = {
  'classification.router': [TOPICS.received],
  'investigation.case-opening': [TOPICS.routed],
  'investigation.case-reopening': [TOPICS.reopened],
  'feedback.responder': [TOPICS.investigated],
  'archiving.timeline': LIFECYCLE_EVENT_TYPES.map((t) => EVENT_CATALOG[t].topic),
  'intake.status-view': [
    TOPICS.routed,
    TOPICS.investigated,
    TOPICS.responded,
    TOPICS.feedbackReceived,
    TOPICS.reopened,
    TOPICS.closed,
  ],
};

export interface GroupLag {
  group: string;
  /** Messages not yet committed by the group, summed over its partitions, sampled once a second. */
  max: number;
  mean: number;
  last: number;
}

/**
 * Samples every pipeline consumer group's lag (log end offset minus committed offset) once a
 * second while a run goes on. Offsets are committed after each batch, so this is what the
 * broker would tell an operator, a little above the in-process gauge.
 */
export class LagSampler {
  private admin?: Admin;
  private timer?: NodeJS.Timeout;
  private readonly samples = new Map<string, number[]>();
  private sampling?: Promise<void>;

  constructor(
    private readonly ctx: BenchContext,
    private readonly prefix: string,
  ) {}

  async start(): Promise<void> {
    this.admin = this.ctx.kafka('bench-lag').admin();
    await this.admin.connect();
    this.timer = setInterval(() => {
      if (!this.sampling) this.sampling = this.sample().finally(() => (this.sampling = undefined));
    }, 1000);
  }

  async stop(): Promise<GroupLag[]> {
    clearInterval(this.timer);
    await this.sampling;
    await this.admin?.disconnect();
    return [...this.samples].map(([group, values]) => ({
      group,
      max: Math.max(0, ...values),
      mean: values.length ? Math.round(values.reduce((s, v) => s + v, 0) / values.length) : 0,
      last: values[values.length - 1] ?? 0,
    }));
  }

  private async sample(): Promise<void> {
    const admin = this.admin;
    if (!admin) return;
    try {
      const ends = new Map<string, Map<number, bigint>>();
      const endOf = async (topic: string): Promise<Map<number, bigint>> => {
        let m = ends.get(topic);
        if (!m) {
          const offsets = await admin.fetchTopicOffsets(this.prefix + topic);
          m = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
          ends.set(topic, m);
        }
        return m;
      };
      for (const [group, topics] of Object.entries(GROUP_TOPICS)) {
        const committed = await admin.fetchOffsets({
          groupId: this.prefix + group,
          topics: topics.map((t) => this.prefix + t),
        });
        let lag = 0n;
        for (const t of committed) {
          const end = await endOf(t.topic.slice(this.prefix.length));
          for (const p of t.partitions) {
            const high = end.get(p.partition) ?? 0n;
            const at = BigInt(p.offset) < 0n ? 0n : BigInt(p.offset);
            if (high > at) lag += high - at;
          }
        }
        const list = this.samples.get(group) ?? [];
        list.push(Number(lag));
        this.samples.set(group, list);
      }
    } catch {
      // A sample lost to a rebalance or a busy broker is skipped, not fatal.
    }
  }
}
