import { EachBatchPayload } from 'kafkajs';
import { TOPICS } from '@complaints/contracts';
import { BenchContext } from '../support/bench-context';
import { TopicTail } from './tail-consumer';

/** When each complaint's sealed record appeared on complaints.archived.v1 (ms since epoch, by complaint id). */
export class ArchiveWatcher extends TopicTail {
  readonly seenAt = new Map<string, number>();

  constructor(ctx: BenchContext, prefix: string) {
    super(ctx, prefix, 'bench-archive-watcher', [TOPICS.archived]);
  }

  protected async onBatch({ batch }: EachBatchPayload): Promise<void> {
    const now = Date.now();
    for (const m of batch.messages) {
      const key = m.key?.toString();
      if (key && !this.seenAt.has(key)) this.seenAt.set(key, now);
    }
  }
}
