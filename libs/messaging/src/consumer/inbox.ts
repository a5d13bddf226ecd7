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

  /** Which of `eventIds` this group has applied already; one query for a whole batch. */
  async seen(manager: EntityManager, eventIds: string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows: { event_id: string }[] = await manager.query(
      `SELECT event_id FROM ${this.table} WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])`,
      [this.groupId, eventIds],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  /**
   * Records applied events in one statement. processed_at is the clock when the row is written
   * (the batch's work done, just before its commit), not the transaction's start, so it says
   * when each event's effect was complete.
   */
  async record(manager: EntityManager, entries: InboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const params: unknown[] = [];
    const values = entries.map((e, i) => {
      params.push(this.groupId, e.eventId, e.topic, e.partition, e.offset);
      const b = i * INBOX_COLUMNS;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, clock_timestamp())`;
    });
    await manager.query(
      `INSERT INTO ${this.table} (consumer_group, event_id, topic, kafka_partition, kafka_offset, processed_at) VALUES ${values.join(', ')}`,
      params,
    );
  }
}
