import { ClientConfig } from 'pg';
import { DataSource, DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { QueryTimeoutClient } from './query-timeout-client';
import { withDefaults } from './with-defaults';

/**
 * Limits on every connection a service opens to PostgreSQL; 0 turns one off.
 *
 * Why. A connection can die half-way: its peer gone without a FIN or RST (a host crash, a
 * network cut, a frozen process). Without limits, a transaction it had open stays open on the
 * server for as long as the server believes the peer alive, and since every relay publishes
 * only below the oldest running transaction of the whole server (pg_snapshot_xmin, see
 * outbox-relay.ts), every service stops publishing behind it. So the server ends such sessions
 * on its own (idle_in_transaction_session_timeout, statement_timeout, its own TCP keepalives),
 * and the client stops waiting on them (connect and pool timeouts, query_timeout, keepalives).
 */
export interface DatabaseLimits {
  /** ms, >= 0; connecting, and waiting for a free pooled connection (pg connectionTimeoutMillis) */
  connectTimeoutMs: number;
  /**
   * ms, >= 0; the server cancels a statement running longer (57014). The client gives up
   * QUERY_TIMEOUT_MARGIN_MS later (query_timeout) and drops the connection as dead.
   */
  statementTimeoutMs: number;
  /** ms, >= 0; a statement waiting longer for a lock fails (55P03) */
  lockTimeoutMs: number;
  /**
   * ms, >= 0; the server ends a session idle this long inside an open transaction (25P03),
   * rolling it back: the bound on how long a dead client can hold back every relay.
   */
  idleInTransactionTimeoutMs: number;
  /**
   * ms, 0 or >= 1000; idle time on a connection before TCP keepalive probes, sent by both the
   * client and the server. The server gives up on a client after this plus
   * SERVER_KEEPALIVE_INTERVAL_S x SERVER_KEEPALIVE_COUNT seconds. The client's probes follow the
   * operating system's interval and count (Node.js 20 sets only the idle time; Linux: 75 s x 9),
   * so query_timeout, not keepalive, is what bounds a client's wait on a dead connection.
   */
  keepAliveIdleMs: number;
  /** ms, >= 0; a pooled connection idle this long is closed */
  poolIdleTimeoutMs: number;
}

export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  connectTimeoutMs: 10_000,
  statementTimeoutMs: 30_000,
  lockTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 30_000,
  keepAliveIdleMs: 10_000,
  poolIdleTimeoutMs: 30_000,
};

/** ms the client waits for an answer beyond the server's statement_timeout */
export const QUERY_TIMEOUT_MARGIN_MS = 5_000;
/** seconds between the server's keepalive probes, and how many go unanswered before it gives up */
const SERVER_KEEPALIVE_INTERVAL_S = 5;
const SERVER_KEEPALIVE_COUNT = 3;

export interface ServiceDataSourceParams {
  url: string;
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize: number;
  /** default DEFAULT_DATABASE_LIMITS; a partial one overrides only what it gives */
  limits?: Partial<DatabaseLimits>;
  /** shown in pg_stat_activity */
  applicationName?: string;
}

/** node-postgres settings of one connection: the session's search_path and the limits. */
function connectionSettings(schema: string, limits: DatabaseLimits): ClientConfig {
  const server = [
    `search_path="${schema}"`,
    `statement_timeout=${limits.statementTimeoutMs}`,
    `lock_timeout=${limits.lockTimeoutMs}`,
    `idle_in_transaction_session_timeout=${limits.idleInTransactionTimeoutMs}`,
  ];
  if (limits.keepAliveIdleMs > 0) {
    server.push(
      `tcp_keepalives_idle=${Math.ceil(limits.keepAliveIdleMs / 1000)}`,
      `tcp_keepalives_interval=${SERVER_KEEPALIVE_INTERVAL_S}`,
      `tcp_keepalives_count=${SERVER_KEEPALIVE_COUNT}`,
    );
  }
  return {
    options: server.map((setting) => `-c ${setting}`).join(' '),
    connectionTimeoutMillis: limits.connectTimeoutMs,
    keepAlive: limits.keepAliveIdleMs > 0,
    keepAliveInitialDelayMillis: limits.keepAliveIdleMs,
    query_timeout:
      limits.statementTimeoutMs > 0 ? limits.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS : 0,
  };
}

/**
 * The DataSource settings every service uses: its own schema, search_path and migrations
 * table, and the connection limits (DatabaseLimits) on every pooled connection.
 */
export function serviceDataSourceOptions(p: ServiceDataSourceParams): DataSourceOptions {
  const limits = withDefaults(DEFAULT_DATABASE_LIMITS, p.limits ?? {});
  return {
    type: 'postgres',
    url: p.url,
    schema: p.schema,
    entities: p.entities,
    migrations: p.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    poolSize: p.poolSize,
    applicationName: p.applicationName,
    extra: {
      ...connectionSettings(p.schema, limits),
      max: p.poolSize,
      idleTimeoutMillis: limits.poolIdleTimeoutMs,
      Client: QueryTimeoutClient,
    },
  };
}

/**
 * Settings for a dedicated connection (a pg Client outside the pool, like the relay's
 * leadership connection) with the same server, login, search_path and limits as the
 * DataSource's pool. Build it with `new QueryTimeoutClient(...)` so a query that goes
 * unanswered closes it.
 */
export function dedicatedConnectionConfig(
  dataSource: DataSource,
  applicationName: string,
): ClientConfig {
  const o = dataSource.options as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: string;
    database?: string;
    extra?: ClientConfig;
  };
  const {
    options,
    connectionTimeoutMillis,
    keepAlive,
    keepAliveInitialDelayMillis,
    query_timeout,
  } = o.extra ?? {};
  const limits = {
    options,
    connectionTimeoutMillis,
    keepAlive,
    keepAliveInitialDelayMillis,
    query_timeout,
    application_name: applicationName,
  };
  if (o.url) return { connectionString: o.url, ...limits };
  return {
    host: o.host,
    port: o.port,
    user: o.username,
    password: o.password,
    database: o.database,
    ...limits,
  };
}
