import { IHeaders, KafkaMessage } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { quoteIdent, schemaOf } from '../sql';
import { DeadLetter } from './dead-letter';
import { Inbox } from './inbox';

export interface DeadLetterEntry {
  eventId: string;
  complaintId: string | null;
  topic: string;
  partition: number;
  message: KafkaMessage;
  attempts: number;
  failure: DeadLetter;
}

/** A dead letter as stored (the columns of dead_letter). */
export interface DeadLetterRow {
  id: string;
  consumer_group: string;
  event_id: string;
  complaint_id: string | null;
  topic: string;
  kafka_partition: number;
  kafka_offset: string;
  message_key: Buffer | null;
  message_value: Buffer | null;
  headers: Record<string, string>;
  error_code: string;
  error_name: string;
  error_message: string;
  attempts: number;
  dead_lettered_at: Date;
  forwarded_at: Date | null;
  forward_attempts: number;
  forward_error: string | null;
  status: 'parked' | 'replayed' | 'discarded';
  resolved_at: Date | null;
  resolution: string | null;
}

/**
 * A consumer group's dead letters in its schema. Recording one writes the inbox row (outcome
 * dead_lettered) and the dead letter in one transaction: after it, a redelivery of the event
 * is a no-op, so it can neither apply after its successors nor be dead-lettered twice.
 */
export class DeadLetterStore {
  readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: Inbox,
    readonly groupId: string,
  ) {
    this.table = `${quoteIdent(schemaOf(dataSource))}.dead_letter`;
  }

  /** Records the dead letter; false when the event was already done with (a redelivery). */
  async record(entry: DeadLetterEntry): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await this.inbox.claim(
        manager,
        [
          {
            eventId: entry.eventId,
            complaintId: entry.complaintId,
            topic: entry.topic,
            partition: entry.partition,
            offset: entry.message.offset,
          },
        ],
        'dead_lettered',
      );
      if (claimed.size === 0) return false;
      await this.insert(manager, entry);
      return true;
    });
  }

  /** The oldest dead letters not yet written to their `<topic>.dlq`. */
  async unforwarded(limit: number): Promise<DeadLetterRow[]> {
    return this.dataSource.query(
      `SELECT * FROM ${this.table} WHERE forwarded_at IS NULL AND consumer_group = $1 ORDER BY id LIMIT $2`,
      [this.groupId, limit],
    );
  }

  async markForwarded(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET forwarded_at = now(), forward_error = NULL WHERE id = $1`,
      [id],
    );
  }

  async markForwardFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET forward_attempts = forward_attempts + 1, forward_error = $2 WHERE id = $1`,
      [id, error.slice(0, 1000)],
    );
  }

  private async insert(manager: EntityManager, e: DeadLetterEntry): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table}
              (consumer_group, event_id, complaint_id, topic, kafka_partition, kafka_offset,
               message_key, message_value, headers, error_code, error_name, error_message, attempts)
       VALUES ($1, $2::uuid, $3, $4, $5, $6::bigint, $7, $8, $9::jsonb, $10, $11, $12, $13)
       ON CONFLICT ON CONSTRAINT uq_dead_letter_group_event DO NOTHING`,
      [
        this.groupId,
        e.eventId,
        e.complaintId,
        e.topic,
        e.partition,
        e.message.offset,
        e.message.key,
        e.message.value,
        JSON.stringify(headersAsText(e.message.headers)),
        e.failure.code,
        e.failure.loggable.name,
        e.failure.loggable.message,
        e.attempts,
      ],
    );
  }
}

/** Kafka header values as UTF-8 text (they are bytes on the wire). */
export function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    out[k] = (Array.isArray(v) ? v : [v]).map((x) => x.toString()).join(',');
  }
  return out;
}
