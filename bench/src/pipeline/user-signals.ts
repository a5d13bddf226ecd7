import { EachBatchPayload } from 'kafkajs';
import { TOPICS } from '@complaints/contracts';
import { BenchContext } from '../support/bench-context';
import { TopicTail } from './tail-consumer';

/** What a played handler or customer is told: a case given to a handler, a response sent. */
export type UserSignal =
  | { kind: 'assigned'; handlerId: string; cause: string }
  | { kind: 'responded'; round: number };

interface Waiter {
  match: (s: UserSignal) => boolean;
  resolve: (s: UserSignal) => void;
}

/**
 * Tells the played users what a workbench and a customer's inbox would tell real ones: one
 * consumer of complaints.assigned.v1 (the handler's "new case") and complaints.responded.v1
 * (the letter reaching the customer), so a player acts when its step is ready instead of
 * asking the APIs again and again. Signals are kept per complaint until `forget`, so one that
 * arrives before its player waits for it is not lost.
 */
export class UserSignals extends TopicTail {
  private readonly seen = new Map<string, UserSignal[]>();
  private readonly waiters = new Map<string, Waiter[]>();

  constructor(ctx: BenchContext, prefix: string) {
    super(ctx, prefix, 'bench-user-signals', [TOPICS.assigned, TOPICS.responded], {
      maxWaitTimeInMs: 50,
    });
  }

  protected async onBatch({ batch }: EachBatchPayload): Promise<void> {
    const assigned = batch.topic.endsWith(TOPICS.assigned);
    for (const m of batch.messages) {
      if (!m.value) continue;
      const signal = parseSignal(assigned, m.value);
      const id = m.key?.toString();
      if (signal && id) this.deliver(id, signal);
    }
  }

  /** The first signal for `id` that `match` accepts, already seen or still to come. */
  next(
    id: string,
    match: (s: UserSignal) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<UserSignal> {
    const earlier = this.seen.get(id)?.find(match);
    if (earlier) return Promise.resolve(earlier);
    return new Promise<UserSignal>((resolve, reject) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(id) ?? [];
        this.waiters.set(
          id,
          list.filter((w) => w !== waiter),
        );
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
      };
      this.waiters.set(id, [...(this.waiters.get(id) ?? []), waiter]);
    });
  }

  /** Drops what was kept for a finished journey. */
  forget(id: string): void {
    this.seen.delete(id);
    this.waiters.delete(id);
  }

  private deliver(id: string, signal: UserSignal): void {
    const list = this.seen.get(id) ?? [];
    list.push(signal);
    this.seen.set(id, list);
    const waiting = this.waiters.get(id);
    if (!waiting) return;
    const left = waiting.filter((w) => {
      if (!w.match(signal)) return true;
      w.resolve(signal);
      return false;
    });
    this.waiters.set(id, left);
  }
}

function parseSignal(assigned: boolean, value: Buffer): UserSignal | undefined {
  try {
    const envelope = JSON.parse(value.toString()) as { payload?: Record<string, unknown> };
    const p = envelope.payload ?? {};
    if (assigned) {
      return typeof p.handlerId === 'string'
        ? { kind: 'assigned', handlerId: p.handlerId, cause: String(p.cause) }
        : undefined;
    }
    return typeof p.round === 'number' ? { kind: 'responded', round: p.round } : undefined;
  } catch {
    return undefined;
  }
}
