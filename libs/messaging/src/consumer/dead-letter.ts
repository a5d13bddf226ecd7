import { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { PermanentEventError } from '../errors';

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

export interface DeadLetterContext {
  topic: string;
  partition: number;
  offset: string;
  groupId: string;
  attempts: number;
  failure: DeadLetter;
}

/** The original key, value and headers, plus why and where it failed, in `dlq-*` headers. */
export function deadLetterMessage(message: KafkaMessage, ctx: DeadLetterContext): Message {
  const headers: IHeaders = {
    ...(message.headers ?? {}),
    'dlq-error-code': ctx.failure.code,
    'dlq-error-name': ctx.failure.loggable.name,
    'dlq-error-message': ctx.failure.loggable.message,
    'dlq-original-topic': ctx.topic,
    'dlq-original-partition': String(ctx.partition),
    'dlq-original-offset': ctx.offset,
    'dlq-consumer-group': ctx.groupId,
    'dlq-attempts': String(ctx.attempts),
    'dlq-failed-at': new Date().toISOString(),
  };
  return { key: message.key, value: message.value, headers };
}
