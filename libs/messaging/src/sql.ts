import { DataSource } from 'typeorm';

/** Quotes a PostgreSQL identifier (schema or table name). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The schema a service's DataSource is bound to; every service has one. */
export function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('The DataSource has no schema: every service owns one schema');
  return schema;
}

const TRANSIENT_PG_CODES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * True for failures that a retry can cure: the database or broker unreachable, restarting,
 * or a concurrency conflict. A handler's own bug or an impossible event is never transient.
 */
export function isTransientError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as {
    code?: unknown;
    retriable?: unknown;
    message?: unknown;
    driverError?: unknown;
    name?: unknown;
  };
  if (e.driverError && isTransientError(e.driverError)) return true;
  if (typeof e.code === 'string') {
    if (TRANSIENT_PG_CODES.has(e.code) || e.code.startsWith('08')) return true;
    if (TRANSIENT_NODE_CODES.has(e.code)) return true;
  }
  if (e.retriable === true) return true;
  if (
    typeof e.name === 'string' &&
    e.name.startsWith('KafkaJS') &&
    e.name !== 'KafkaJSNonRetriableError'
  )
    return true;
  if (
    typeof e.message === 'string' &&
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
      e.message,
    )
  ) {
    return true;
  }
  return false;
}
