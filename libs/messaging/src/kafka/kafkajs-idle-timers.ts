/**
 * kafkajs 2.2.4 checks each connection's pending requests in an endless 1 ms timer loop, even
 * with nothing pending and no throttling (kafkajs issue #1556, fix proposed in PR #1667, not
 * released): every broker connection of every consumer, producer and admin client wakes the
 * process a thousand times a second. In the benchmark an idle service spent 0.04-0.08 cores
 * on it, and the loop competes with real work under load. This skips the check when there is
 * nothing it could do — no request waiting and no throttle to wait out — exactly as the
 * proposed fix does; a request that cannot be sent at once still schedules its check (push
 * calls this with it pending), and an answered one still checks the queue.
 *
 * Applied once, to the pinned version only: another version must be looked at before it is
 * patched (the method may have changed or been fixed).
 */
import { readFileSync } from 'fs';

export const PATCHED_KAFKAJS_VERSION = '2.2.4';

interface RequestQueueLike {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
}

let applied: boolean | undefined;

/** Patches kafkajs's RequestQueue; true when the patch is in place (idempotent). */
export function patchKafkajsIdleTimers(): boolean {
  if (applied !== undefined) return applied;
  const version = (
    JSON.parse(readFileSync(require.resolve('kafkajs/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  if (version !== PATCHED_KAFKAJS_VERSION) return (applied = false);
  const RequestQueue = require('kafkajs/src/network/requestQueue') as {
    prototype: RequestQueueLike;
  };
  const original = RequestQueue.prototype.scheduleCheckPendingRequests;
  RequestQueue.prototype.scheduleCheckPendingRequests = function (this: RequestQueueLike) {
    if (this.pending.length === 0 && !(this.throttledUntil > Date.now())) return;
    original.call(this);
  };
  return (applied = true);
}
