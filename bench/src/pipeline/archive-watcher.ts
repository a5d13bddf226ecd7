import { Consumer } from 'kafkajs';
import { TOPICS } from '@complaints/contracts';
import { BenchContext } from '../support/bench-context';
import { tailTopics } from './tail-consumer';

/** When each complaint's sealed record appeared on complaints.archived.v1 (ms since epoch, by complaint id). */
export class ArchiveWatcher {
  readonly seenAt = new Map<string, number>();
  private consumer?: Consumer;

  constructor(
    private readonly ctx: BenchContext,
    private readonly prefix: string,
  ) {}

  async start(): Promise<void> {
    this.consumer = await tailTopics(
      this.ctx,
      'bench-archive-watcher',
      this.prefix,
      [TOPICS.archived],
      async ({ batch }) => {
        const now = Date.now();
        for (const m of batch.messages) {
          const key = m.key?.toString();
          if (key && !this.seenAt.has(key)) this.seenAt.set(key, now);
        }
      },
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
