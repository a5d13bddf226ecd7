import { Admin } from 'kafkajs';

/**
 * Resolves when the broker serves metadata with a leader for every partition of `topics`.
 * Right after a create, a KRaft broker answers UNKNOWN_TOPIC_OR_PARTITION / LEADER_NOT_AVAILABLE
 * for a moment, until the controller's record reaches its metadata cache.
 */
export async function waitForTopics(
  admin: Admin,
  topics: string[],
  waitMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + waitMs;
  let why = '';
  for (;;) {
    try {
      const meta = await admin.fetchTopicMetadata({ topics });
      const notReady = meta.topics.filter(
        (t) => !t.partitions.length || t.partitions.some((p) => p.leader < 0),
      );
      if (meta.topics.length === topics.length && !notReady.length) return;
      why = `no leader yet for ${notReady.map((t) => t.name).join(', ')}`;
    } catch (err) {
      why = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() >= deadline) throw new Error(`topics not ready after ${waitMs} ms: ${why}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
