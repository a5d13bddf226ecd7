import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createTestSchema, testInfra, TestSchema, waitFor } from '@complaints/testing';
import {
  DatabaseLimits,
  dedicatedConnectionConfig,
  isTransientError,
  MESSAGING_MIGRATIONS,
  QueryTimeoutClient,
  serviceDataSourceOptions,
} from '../src';
import { FreezingProxy } from './fixtures/freezing-proxy';

jest.setTimeout(60_000);

/** Small limits so the test sees them act; production's defaults are in DEFAULT_DATABASE_LIMITS. */
const LIMITS: Partial<DatabaseLimits> = {
  connectTimeoutMs: 1_000,
  statementTimeoutMs: 1_000,
  idleInTransactionTimeoutMs: 1_000,
  keepAliveIdleMs: 1_000,
};

/**
 * Defect 8: a half-dead connection (its peer silent, the TCP connection up) must not hold a
 * transaction open on the server, which would hold back every relay's horizon
 * (pg_snapshot_xmin), nor leave the service waiting on it for ever. The connection goes
 * through a FreezingProxy: the shared PostgreSQL is never stopped.
 */
describe('connections with limits', () => {
  let databaseUrl: string;
  let db: TestSchema;
  let proxy: FreezingProxy;
  let observer: Client;
  const opened: DataSource[] = [];

  const viaProxy = (): string => {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    return url.toString();
  };

  const dataSource = async (poolSize = 2): Promise<DataSource> => {
    const ds = new DataSource(
      serviceDataSourceOptions({
        url: viaProxy(),
        schema: db.schema,
        entities: [],
        migrations: [],
        poolSize,
        limits: LIMITS,
        applicationName: 'connection-limits-test',
      }),
    );
    opened.push(ds);
    await ds.initialize();
    return ds;
  };

  const horizon = async (): Promise<bigint> => {
    const { rows } = await observer.query(
      'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin',
    );
    return BigInt(rows[0].xmin);
  };

  beforeAll(async () => {
    ({ databaseUrl } = await testInfra());
    db = await createTestSchema({
      databaseUrl,
      label: 'connlimits',
      dataSourceOptions: (schema) =>
        serviceDataSourceOptions({
          url: databaseUrl,
          schema,
          entities: [],
          migrations: MESSAGING_MIGRATIONS,
          poolSize: 2,
        }),
    });
    observer = new Client({ connectionString: databaseUrl });
    await observer.connect();
  });

  beforeEach(async () => {
    proxy = await FreezingProxy.start(Number(new URL(databaseUrl).port || 5432));
  });

  afterEach(async () => {
    await Promise.all(
      opened.splice(0).map((ds) => (ds.isInitialized ? ds.destroy() : undefined)),
    ).catch(() => undefined);
    await proxy.close();
  });

  afterAll(async () => {
    await observer.end();
    await db.drop();
  });

  it('every pooled session carries the limits', async () => {
    const ds = await dataSource();
    const [row] = await ds.query(
      `SELECT current_setting('statement_timeout') AS statement,
              current_setting('lock_timeout') AS lock,
              current_setting('idle_in_transaction_session_timeout') AS idle,
              current_setting('tcp_keepalives_idle') AS keepalive,
              current_setting('search_path') AS path,
              current_setting('application_name') AS app`,
    );
    expect(row).toEqual({
      statement: '1s',
      lock: '10s',
      idle: '1s',
      keepalive: '1',
      path: `"${db.schema}"`,
      app: 'connection-limits-test',
    });
  });

  it('a transaction left open on a frozen connection stops holding back the horizon', async () => {
    const ds = await dataSource();
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    const [{ xid, pid }] = await runner.query(
      `INSERT INTO outbox_message (event_id, topic, message_key, payload)
       VALUES (gen_random_uuid(), 't', 'k', '{}')
       RETURNING tx_id::text AS xid, pg_backend_pid() AS pid`,
    );
    expect(await horizon()).toBeLessThanOrEqual(BigInt(xid));

    // The service's side goes silent with its transaction open, as when its host froze.
    proxy.freeze();

    // The server ends the session (idle_in_transaction_session_timeout) and rolls it back:
    // the horizon moves past it and the relays go on.
    await waitFor('the horizon to pass the frozen transaction', async () => {
      return (await horizon()) > BigInt(xid);
    });
    const { rows } = await observer.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
    expect(rows).toHaveLength(0);
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM outbox_message');
    expect(n).toBe(0);

    // The service, meanwhile, gets no answer at all; query_timeout ends its wait, as transient.
    const failure = await runner.query('SELECT 1').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeDefined();
    expect(String((failure as Error).message)).toMatch(/Query read timeout/);
    expect(isTransientError(failure)).toBe(true);
    await runner.release();
  });

  it('a pooled connection that goes unanswered is dropped, not handed out again', async () => {
    const ds = await dataSource(1);
    await ds.query('SELECT 1');
    const pool = (ds.driver as PostgresDriver).master as Pool;
    expect(pool.totalCount).toBe(1);
    proxy.freeze();

    const failure = await ds.query('SELECT 1').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(isTransientError(failure)).toBe(true);
    // QueryTimeoutClient closed the socket; pg-pool let go of it.
    await waitFor('the pool to drop the dead connection', () => pool.totalCount === 0);
  });

  it('connecting over a dead link, or waiting for a busy pool, fails in time as transient', async () => {
    const busy = await dataSource(1);
    const runner = busy.createQueryRunner();
    await runner.connect();
    const poolWait = await busy.query('SELECT 1').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(String((poolWait as Error).message)).toMatch(/timeout exceeded when trying to connect/);
    expect(isTransientError(poolWait)).toBe(true);
    await runner.release();

    proxy.freeze();
    const connect = await dataSource().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(connect).toBeDefined();
    expect(isTransientError(connect)).toBe(true);
  });

  it('a dedicated connection (the relay leader) gets the same server, login and limits', async () => {
    const ds = await dataSource();
    const client = new QueryTimeoutClient(dedicatedConnectionConfig(ds, 'outbox-relay-leader'));
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT current_setting('idle_in_transaction_session_timeout') AS idle,
                current_setting('tcp_keepalives_idle') AS keepalive,
                current_setting('application_name') AS app`,
      );
      expect(rows[0]).toEqual({ idle: '1s', keepalive: '1', app: 'outbox-relay-leader' });
    } finally {
      await client.end();
    }
  });
});
