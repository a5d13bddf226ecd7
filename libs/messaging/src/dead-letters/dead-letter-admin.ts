import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { quoteIdent } from '../sql';
import type { DeadLetterRow } from '../consumer/dead-letter-store';

export type DeadLetterStatus = DeadLetterRow['status'];

/** What an operator sees of a dead letter: where it came from and why, never its payload. */
export interface DeadLetterSummary {
  id: string;
  group: string;
  eventId: string;
  complaintId: string | null;
  topic: string;
  partition: number;
  offset: string;
  code: string;
  error: string;
  attempts: number;
  deadLetteredAt: string;
  forwarded: boolean;
  forwardError: string | null;
  status: DeadLetterStatus;
  resolution: string | null;
}

/** Why a replay was refused; `code` is stable for scripts. */
export class ReplayRefusedError extends Error {
  constructor(
    readonly code:
      | 'DEAD_LETTER.NOT_FOUND'
      | 'DEAD_LETTER.NOT_PARKED'
      | 'DEAD_LETTER.UNREPLAYABLE'
      | 'DEAD_LETTER.COMPLAINT_MOVED_ON',
    message: string,
  ) {
    super(message);
    this.name = 'ReplayRefusedError';
  }
}

/** Codes of events that can never succeed as they are: replaying them only dead-letters them again. */
const UNREPLAYABLE = /^(MESSAGE\.MALFORMED|CONTRACT\.)/;

/**
 * The operators' side of one schema's dead letters (`npm run dlq`). Replay puts the original
 * message back on its topic after removing the inbox row that made it a no-op, in one
 * transaction that holds that row's key until it commits: the consumer then applies it through
 * its normal path. It refuses when the group has applied a later event of the same complaint
 * since (applying this one now would apply it out of order), and for messages that are not
 * valid envelopes.
 */
export class DeadLetterAdmin {
  private readonly table: string;
  private readonly inbox: string;

  constructor(
    private readonly dataSource: DataSource,
    /** the service's schema; stored topic names already carry any test prefix */
    schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.dead_letter`;
    this.inbox = `${quoteIdent(schema)}.inbox_message`;
  }

  async list(
    status: DeadLetterStatus | 'all' = 'parked',
    limit = 100,
  ): Promise<DeadLetterSummary[]> {
    const rows: DeadLetterRow[] = await this.dataSource.query(
      `SELECT * FROM ${this.table} WHERE $1 = 'all' OR status = $1 ORDER BY id LIMIT $2`,
      [status, limit],
    );
    return rows.map(summary);
  }

  async show(
    id: string,
  ): Promise<
    | { summary: DeadLetterSummary; headers: Record<string, string>; value: string | null }
    | undefined
  > {
    const [row]: DeadLetterRow[] = await this.dataSource.query(
      `SELECT * FROM ${this.table} WHERE id = $1`,
      [id],
    );
    if (!row) return undefined;
    return {
      summary: summary(row),
      headers: row.headers,
      value: row.message_value?.toString('utf8') ?? null,
    };
  }

  async discard(id: string, actor: string, reason: string): Promise<DeadLetterSummary> {
    const [rows] = await this.dataSource.query(
      `UPDATE ${this.table} SET status = 'discarded', resolved_at = now(), resolution = $2
        WHERE id = $1 AND status = 'parked' RETURNING *`,
      [id, `discarded by ${actor}: ${reason}`],
    );
    const row = (rows as DeadLetterRow[])[0];
    if (!row) throw await this.notParked(id);
    return summary(row);
  }

  async replay(id: string, actor: string, producer: Producer): Promise<DeadLetterSummary> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: DeadLetterRow[] = await manager.query(
        `SELECT * FROM ${this.table} WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row || row.status !== 'parked') throw await this.notParked(id);
      if (UNREPLAYABLE.test(row.error_code)) {
        throw new ReplayRefusedError(
          'DEAD_LETTER.UNREPLAYABLE',
          `dead letter ${id} failed with ${row.error_code}: the message itself is invalid and would fail again; discard it`,
        );
      }
      const later: { event_id: string; topic: string; processed_at: Date }[] = row.complaint_id
        ? await manager.query(
            `SELECT event_id, topic, processed_at FROM ${this.inbox}
              WHERE consumer_group = $1 AND complaint_id = $2 AND outcome = 'applied'
                AND processed_at > $3
              ORDER BY processed_at LIMIT 5`,
            [row.consumer_group, row.complaint_id, row.dead_lettered_at],
          )
        : [];
      if (later.length > 0) {
        const what = later.map((l) => `${l.event_id} on ${l.topic}`).join(', ');
        throw new ReplayRefusedError(
          'DEAD_LETTER.COMPLAINT_MOVED_ON',
          `complaint ${row.complaint_id} has moved on in ${row.consumer_group} since this event was dead-lettered (applied since: ${what}); replaying it now would apply it out of order`,
        );
      }
      // Held until commit: the consumer's claim of the replayed event waits on this key, then
      // finds it free (committed) or still there (rolled back: a no-op, and the operator retries).
      await manager.query(
        `DELETE FROM ${this.inbox} WHERE consumer_group = $1 AND event_id = $2 AND outcome = 'dead_lettered'`,
        [row.consumer_group, row.event_id],
      );
      await producer.send({
        topic: row.topic,
        acks: -1,
        messages: [
          {
            key: row.message_key,
            value: row.message_value,
            headers: { ...row.headers, 'dlq-replayed-from': row.id },
          },
        ],
      });
      const [updated] = await manager.query(
        `UPDATE ${this.table} SET status = 'replayed', resolved_at = now(), resolution = $2
          WHERE id = $1 RETURNING *`,
        [id, `replayed by ${actor}`],
      );
      return summary((updated as DeadLetterRow[])[0]);
    });
  }

  private async notParked(id: string): Promise<ReplayRefusedError> {
    const [row]: DeadLetterRow[] = await this.dataSource.query(
      `SELECT status, resolution FROM ${this.table} WHERE id = $1`,
      [id],
    );
    return row
      ? new ReplayRefusedError(
          'DEAD_LETTER.NOT_PARKED',
          `dead letter ${id} is ${row.status} already (${row.resolution})`,
        )
      : new ReplayRefusedError('DEAD_LETTER.NOT_FOUND', `no dead letter ${id} in this schema`);
  }
}

function summary(row: DeadLetterRow): DeadLetterSummary {
  return {
    id: String(row.id),
    group: row.consumer_group,
    eventId: row.event_id,
    complaintId: row.complaint_id,
    topic: row.topic,
    partition: row.kafka_partition,
    offset: String(row.kafka_offset),
    code: row.error_code,
    error: row.error_message,
    attempts: row.attempts,
    deadLetteredAt: new Date(row.dead_lettered_at).toISOString(),
    forwarded: row.forwarded_at !== null,
    forwardError: row.forward_error,
    status: row.status,
    resolution: row.resolution,
  };
}
