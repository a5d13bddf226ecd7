import { Partitioners } from 'kafkajs';
import { DEFAULT_PARTITIONS, TOPICS } from '@complaints/contracts';
import { maxSizeBody } from '../complaints';
import { Scenario, ScenarioContext } from '../scenario';
import { startBroker } from './broker';

/** bytes of pending received events on one partition that make the backlog: 1.5x Kafka's 1 MB limit. */
const TARGET_BYTES = 1.5 * 1024 * 1024;
const MIN_COMPLAINTS = 30;
const MAX_COMPLAINTS = 90;
/** submissions a second while the broker is down */
const RATE = 6;
/** ms the broker stays down at least: the outage lasts until the backlog is in, within these */
const MIN_DOWN_MS = { quick: 10_000, full: 30_000 };
const MAX_DOWN_MS = 60_000;

/**
 * Defect 1 of issue 8: maximum-size complaints (every text at intake's limit, in Chinese)
 * accepted while the broker is down pile up in intake's outbox; when the broker is back, the
 * relay must publish them in batches the broker accepts (a partition's record batch over
 * ~1 MB is refused with MESSAGE_TOO_LARGE) instead of re-reading the same rows forever.
 * Complaints are sent until one partition's pending events exceed TARGET_BYTES (the
 * partition computed as the relay's producer computes it: the Java client's murmur2).
 */
export const maxSizeBacklog: Scenario = {
  name: 'max-size-backlog',
  description: 'max-size Chinese complaints piled up during a broker outage, then the broker back',
  quick: true,
  ownLoad: true,
  inject: async (ctx) => {
    const start = Date.now();
    await ctx.stack.killBroker();
    let heaviest = { partition: -1, bytes: 0 };
    let stop = false;
    const watching = (async () => {
      while (!stop) {
        heaviest = await heaviestPartition(ctx).catch(() => heaviest);
        const sent = ctx.load.startedCount;
        if (sent >= MAX_COMPLAINTS || (sent >= MIN_COMPLAINTS && heaviest.bytes >= TARGET_BYTES))
          stop = true;
        if (Date.now() - start > MAX_DOWN_MS - 5000) stop = true;
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    await ctx.load.submit({
      prefix: ctx.prefix,
      count: MAX_COMPLAINTS,
      ratePerSecond: RATE,
      body: maxSizeBody,
      stop: () => stop,
    });
    stop = true;
    await watching;
    const minDown = ctx.mode.quick ? MIN_DOWN_MS.quick : MIN_DOWN_MS.full;
    const left = start + minDown - Date.now();
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    // Let the last submissions land in the outbox before the broker returns.
    await new Promise((r) => setTimeout(r, 2000));
    heaviest = await heaviestPartition(ctx).catch(() => heaviest);
    const pending = await ctx.db.pendingOutbox().catch(() => ({}) as Record<string, number>);
    const { end, reachableAt } = await startBroker(ctx.stack);
    return {
      start,
      end,
      impairedUntil: reachableAt,
      impaired: ['intake', 'classification', 'investigation', 'feedback', 'archiving'],
      because: 'the broker was down',
      notes: [
        `${ctx.load.accepted().length} max-size complaints accepted while the broker was down ` +
          `${((end - start) / 1000).toFixed(0)} s; intake outbox ${pending['intake'] ?? '?'} rows, ` +
          `heaviest partition ${heaviest.partition}: ${(heaviest.bytes / 1048576).toFixed(2)} MB pending`,
      ],
    };
  },
};

/** The partition of complaints.received.v1 with the most pending bytes in intake's outbox. */
async function heaviestPartition(
  ctx: ScenarioContext,
): Promise<{ partition: number; bytes: number }> {
  const partitionOf = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: DEFAULT_PARTITIONS }, (_, i) => ({
    partitionId: i,
    leader: 1,
    replicas: [1],
    isr: [1],
    partitionErrorCode: 0,
  }));
  const bytes = new Map<number, number>();
  for (const [key, size] of await ctx.db.pendingIntakeBytes()) {
    const p = partitionOf({
      topic: TOPICS.received,
      partitionMetadata,
      message: { key, value: null },
    });
    bytes.set(p, (bytes.get(p) ?? 0) + size);
  }
  let best = { partition: -1, bytes: 0 };
  for (const [partition, b] of bytes) if (b > best.bytes) best = { partition, bytes: b };
  return best;
}
