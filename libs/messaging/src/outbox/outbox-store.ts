import { Message, TopicMessages } from 'kafkajs';
import { DataSource } from 'typeorm';
import { quoteIdent, schemaOf } from '../sql';

export interface PendingRow {
  id: string;
  event_id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
  /** bytes the row takes in a produce request, estimated: payload, key, headers, overhead */
  bytes: number;
}

export interface OutboxBatch {
  rows: PendingRow[];
  /** true when more rows may be waiting right behind these (cut by count or by bytes) */
  more: boolean;
}

type SizedRow = Omit<PendingRow, 'bytes'> & { bytes: string; upto: string; available: string };

/** bytes a record costs beyond its payload, key and headers (record and batch framing) */
const RECORD_OVERHEAD_BYTES = 100;

/**
 * The relay's reads and writes on the outbox table. Rows are read in (tx_id, id) order below
 * the oldest running transaction (see outbox-relay.ts), and in batches bounded both by count
 * and by bytes: kafkajs puts a partition's messages in one record batch, and the broker refuses
 * a batch over its message.max.bytes (about 1 MB by default) with MESSAGE_TOO_LARGE, which is
 * not retried. The first row is always taken, however large, so a large row goes alone.
 */
export class OutboxStore {
  private readonly table: string;
  private readonly parked: string;

  constructor(private readonly dataSource: DataSource) {
    const schema = quoteIdent(schemaOf(dataSource));
    this.table = `${schema}.outbox_message`;
    this.parked = `${schema}.outbox_parked_message`;
  }

  /**
   * The next rows to publish: at most `maxRows`, and no more than `maxBytes` together unless
   * the first alone is larger. octet_length on a TOASTed value reads its size, not the value.
   */
  async nextBatch(maxRows: number, maxBytes: number): Promise<OutboxBatch> {
    const rows: SizedRow[] = await this.dataSource.query(
      `SELECT id, event_id, topic, message_key, headers, payload, bytes, upto, available
         FROM (SELECT id, tx_id, event_id, topic, message_key, headers, payload, bytes,
                      sum(bytes) OVER (ORDER BY tx_id, id ROWS UNBOUNDED PRECEDING) AS upto,
                      count(*) OVER () AS available
                 FROM (SELECT id, tx_id, event_id, topic, message_key, headers, payload,
                              octet_length(payload) + octet_length(message_key)
                                + octet_length(headers::text) + $3::int AS bytes
                         FROM ${this.table}
                        WHERE sent_at IS NULL AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY tx_id, id
                        LIMIT $1) AS next) AS sized
        WHERE upto <= $2 OR upto = bytes
        ORDER BY tx_id, id`,
      [maxRows, maxBytes, RECORD_OVERHEAD_BYTES],
    );
    // upto = bytes only on the first row: it goes even when larger than maxBytes alone.
    const available = rows.length === 0 ? 0 : Number(rows[0].available);
    return {
      rows: rows.map(({ upto: _upto, available: _available, ...row }) => ({
        ...row,
        bytes: Number(row.bytes),
      })),
      more: available === maxRows || available > rows.length,
    };
  }

  async markSent(ids: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET sent_at = now() WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }

  /**
   * Moves a row the broker will never take out of the way, so the rows behind it go on: it is
   * kept whole in outbox_parked_message with the reason, for an operator (and an alert).
   */
  async park(id: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `WITH moved AS (DELETE FROM ${this.table} WHERE id = $1 RETURNING *)
         INSERT INTO ${this.parked}
                (id, tx_id, event_id, topic, message_key, headers, payload, created_at, reason)
         SELECT id, tx_id, event_id, topic, message_key, headers, payload, created_at, $2
           FROM moved`,
        [id, reason],
      );
    });
  }

  /** Rows parked and not yet dealt with; the table stays small, so a count is cheap. */
  async parkedCount(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${this.parked}`);
    return row.n;
  }
}

/** The rows as kafkajs messages per topic, in order; the event id travels as a header. */
export function groupByTopic(rows: PendingRow[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    let messages = byTopic.get(row.topic);
    if (!messages) byTopic.set(row.topic, (messages = []));
    messages.push({
      key: row.message_key,
      value: row.payload,
      headers: { ...row.headers, 'event-id': row.event_id },
    });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
