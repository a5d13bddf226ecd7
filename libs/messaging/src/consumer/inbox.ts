import { EntityManager } from 'typeorm';

/** One applied event, as the inbox records it. */
export interface InboxEntry {
  eventId: string;
  topic: string;
  partition: number;
  offset: string;
}

/** Columns per inbox row in the multi-row INSERT. */
const INBOX_COLUMNS = 5;

/**
 * The inbox table of a consumer's schema: which events a consumer group has applied. Rows are
 * written in the transaction of the effect they record, so "in the inbox" means "applied".
 */
export class Inbox {
  constructor(
    /** schema-qualified, quoted */
    private readonly table: string,
    private readonly groupId: string,
  ) {}

  /**
   * Claims events for this group in one statement and returns the ids that were new: the rest
   * were applied before (or appear twice in `entries`; the first copy is claimed). Claiming first
   * replaces a lookup and a later insert, one round trip fewer per transaction; the claim commits
   * with the events' effects or rolls back with them, and a member claiming the same event at
   * the same moment waits on the key until this transaction ends. processed_at is when the
   * consumer took the event.
   */
  async claim(manager: EntityManager, entries: InboxEntry[]): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const params: unknown[] = [];
    const values = entries.map((e, i) => {
      params.push(this.groupId, e.eventId, e.topic, e.partition, e.offset);
      const b = i * INBOX_COLUMNS;
      return `($${b + 1}, $${b + 2}::uuid, $${b + 3}, $${b + 4}::int, $${b + 5}::bigint, clock_timestamp())`;
    });
    const rows: { event_id: string }[] = await manager.query(
      `INSERT INTO ${this.table} (consumer_group, event_id, topic, kafka_partition, kafka_offset, processed_at)
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
