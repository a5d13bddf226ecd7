import {
  ConnectionIsNotSetError,
  DataSource,
  EntityManager,
  QueryRunnerAlreadyReleasedError,
} from 'typeorm';

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

/**
 * Prices sequential scans, bitmap scans and sorts out of the plans of the transaction it runs
 * in (enable_* = off makes them a last resort, not forbidden). See inIndexOrder.
 */
export const INDEX_ORDER_SETTINGS = `SELECT set_config('enable_seqscan', 'off', true),
                                            set_config('enable_bitmapscan', 'off', true),
                                            set_config('enable_sort', 'off', true)`;

/**
 * Runs `work` in a short transaction whose statements walk an index in its order. For a
 * statement meant to read "the first n rows by this index", it keeps the cost at n rows even
 * when the table's statistics are stale: after a backlog grew since the last ANALYZE, the
 * planner would otherwise believe few rows match, fetch them all and sort them.
 */
export async function inIndexOrder<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(INDEX_ORDER_SETTINGS);
    return work(manager);
  });
}

const TRANSIENT_PG_CODES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout)
  '53300', // too_many_connections
  '57014', // query_canceled (statement_timeout, or a cancel request)
  '25P03', // idle_in_transaction_session_timeout: the server ended the session
  '57P05', // idle_session_timeout
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
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * What node-postgres says when a connection is lost or a limit of service-data-source.ts
 * passes: the socket ended ('Connection terminated unexpectedly'), connecting took longer than
 * connectionTimeoutMillis ('timeout expired', 'Connection terminated due to connection
 * timeout'), no pooled connection came free in time ('timeout exceeded when trying to
 * connect'), no answer within query_timeout ('Query read timeout'), or the client was already
 * broken ('... is not queryable').
 */
const TRANSIENT_MESSAGE =
  /Connection terminated|connection timeout|timeout expired|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable/i;

/**
 * True for failures that a retry can cure: the database or broker unreachable, restarting,
 * a connection cut by a limit (timeouts, a session ended by the server), or a concurrency
 * conflict. A handler's own bug or an impossible event is never transient.
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
  // TypeORM's: no pool yet (the database was away at start), or a query runner released under
  // a transaction because its connection failed.
  if (err instanceof ConnectionIsNotSetError || err instanceof QueryRunnerAlreadyReleasedError)
    return true;
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
  return typeof e.message === 'string' && TRANSIENT_MESSAGE.test(e.message);
}
