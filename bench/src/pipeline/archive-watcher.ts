import { Consumer } from 'kafkajs';
import { TOPICS } from '@complaints/contracts';
import { BenchContext } from '../support/bench-context';

/** When each complaint's sealed record appeared on complaints.archived.v1 (ms since epoch, by complaint id). */
export class ArchiveWatcher {
  readonly seenAt = new Map<string, number>();
  private consumer?: Consumer;

  constructor(
    private readonly ctx: BenchContext,
    private readonly prefix: string,
  ) {}

  async start(): Promise<void> {
    // Its own group, from the end: records of earlier runs on the same stack are not counted.
    const consumer = this.ctx
      .kafka('bench-archive-watcher')
      .consumer({ groupId: `${this.prefix}bench-archive-watcher-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topics: [this.prefix + TOPICS.archived], fromBeginning: false });
    let joined!: () => void;
    const ready = new Promise<void>((resolve) => (joined = resolve));
    consumer.on(consumer.events.GROUP_JOIN, () => joined());
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        for (const m of batch.messages) {
          const key = m.key?.toString();
          if (key && !this.seenAt.has(key)) this.seenAt.set(key, now);
        }
      },
    });
    await ready;
    this.consumer = consumer;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
