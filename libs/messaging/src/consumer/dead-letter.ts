import { IHeaders, Message } from 'kafkajs';
import { PermanentEventError } from '../errors';
import type { DeadLetterRow } from './dead-letter-store';

export interface DeadLetter {
  deadLetter: boolean;
  transient: boolean;
  /** Stable code for the DLQ header and metrics: CONTRACT.INVALID, MESSAGE.MALFORMED, HANDLER.FAILED... */
  code: string;
  /** The failure as it may be logged: name, code and message, never the event's content. */
  loggable: { name: string; code: string; message: string };
}

/** Error messages in DLQ headers are cut to this many characters. */
const MAX_ERROR_MESSAGE = 1000;

/**
 * Decides what a failure means. Invalid or malformed events and PermanentEventError can
 * never succeed: dead-letter now. Transient failures (database or broker away) retry for as
 * long as they last. Anything else is a bug or an unexpected state: retried up to
 * maxAttempts, then dead-lettered so the partition moves on.
 */
export function classifyFailure(
  err: unknown,
  attempt: number,
  maxAttempts: number,
  transient: boolean,
): DeadLetter {
  const e = (err ?? {}) as { name?: string; code?: unknown; message?: string };
  const name = e.name ?? 'Error';
  const code =
    typeof e.code === 'string' && /^[A-Z_]+\.[A-Z_.]+$/.test(e.code) ? e.code : 'HANDLER.FAILED';
  const loggable = { name, code, message: String(e.message ?? err).slice(0, MAX_ERROR_MESSAGE) };
  const permanent =
    err instanceof PermanentEventError ||
    code.startsWith('CONTRACT.') ||
    code === 'MESSAGE.MALFORMED';
  if (permanent) return { deadLetter: true, transient: false, code, loggable };
  if (transient) return { deadLetter: false, transient: true, code: 'TRANSIENT', loggable };
  return { deadLetter: attempt >= maxAttempts, transient: false, code, loggable };
}

/**
 * The dead letter as written to `<topic>.dlq`: the original key, value and headers, plus why and
 * where it failed in `dlq-*` headers. A value that would make the message larger than
 * `maxBytes` is replaced by a small JSON note (header dlq-value-truncated); the whole value stays
 * in the dead_letter table.
 */
export function deadLetterMessage(row: DeadLetterRow, maxBytes: number): Message {
  const headers: IHeaders = {
    ...row.headers,
    'dlq-id': row.id,
    'dlq-error-code': row.error_code,
    'dlq-error-name': row.error_name,
    'dlq-error-message': row.error_message,
    'dlq-original-topic': row.topic,
    'dlq-original-partition': String(row.kafka_partition),
    'dlq-original-offset': String(row.kafka_offset),
    'dlq-consumer-group': row.consumer_group,
    'dlq-attempts': String(row.attempts),
    'dlq-failed-at': new Date(row.dead_lettered_at).toISOString(),
  };
  const valueBytes = row.message_value?.length ?? 0;
  const otherBytes =
    (row.message_key?.length ?? 0) +
    Object.entries(headers).reduce((n, [k, v]) => n + k.length + String(v).length, 0);
  if (valueBytes + otherBytes <= maxBytes) {
    return { key: row.message_key, value: row.message_value, headers };
  }
  const note = { truncated: true, bytes: valueBytes, deadLetterId: row.id, eventId: row.event_id };
  return {
    key: row.message_key,
    value: JSON.stringify(note),
    headers: { ...headers, 'dlq-value-truncated': 'true' },
  };
}
