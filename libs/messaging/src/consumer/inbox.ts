import { EntityManager } from 'typeorm';

/** One event as the inbox records it. */
export interface InboxEntry {
  eventId: string;
  /** the message key: the complaint's id */
  complaintId: string | null;
  topic: string;
  partition: number;
  offset: string;
}

/** Columns per inbox row in the multi-row INSERT. */
const INBOX_COLUMNS = 6;

/**
 * The inbox table of a consumer's schema: which events a consumer group has applied or dead-
 * lettered. Rows are written in the transaction of the effect they record, so "in the inbox"
 * means "done with": a redelivery of either kind is a no-op.
 */
export class Inbox {
  constructor(
    /** schema-qualified, quoted */
    private readonly table: string,
    private readonly groupId: string,
  ) {}

  /**
   * Claims events for this group in one statement and returns the ids that were new: the rest
   * were done before (or appear twice in `entries`; the first copy is claimed). The claim commits
   * with the events' effects or rolls back with them, and a member claiming the same event at
   * the same moment waits on the key until this transaction ends. processed_at is when the
   * consumer took the event.
   */
  async claim(
    manager: EntityManager,
    entries: InboxEntry[],
    outcome: 'applied' | 'dead_lettered' = 'applied',
  ): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const params: unknown[] = [outcome];
    const values = entries.map((e, i) => {
      params.push(this.groupId, e.eventId, e.complaintId, e.topic, e.partition, e.offset);
      const b = 1 + i * INBOX_COLUMNS;
      return `($${b + 1}, $${b + 2}::uuid, $${b + 3}, $${b + 4}, $${b + 5}::int, $${b + 6}::bigint, clock_timestamp(), $1)`;
    });
    const rows: { event_id: string }[] = await manager.query(
      `INSERT INTO ${this.table}
              (consumer_group, event_id, complaint_id, topic, kafka_partition, kafka_offset, processed_at, outcome)
       VALUES ${values.join(', ')}
       ON CONFLICT ON CONSTRAINT pk_inbox_message DO NOTHING
       RETURNING event_id`,
      params,
    );
    return new Set(rows.map((r) => r.event_id));
  }

  /** Gives back claims of events this transaction did not apply after all (a consumer stopping mid-batch). */
  async release(manager: EntityManager, eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await manager.query(
      `DELETE FROM ${this.table} WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])`,
      [this.groupId, eventIds],
    );
  }
}
