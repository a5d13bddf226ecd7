import { Client, ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';

/**
 * Exactly one relay publishes a schema's outbox: the one holding a session-level advisory lock
 * keyed by the schema, on a dedicated connection. The others stand by; when that connection
 * drops (crash, shutdown, network) the lock is released by PostgreSQL and a standby takes it.
 */
export class RelayLeadership {
  private client?: Client;
  private held = false;

  constructor(
    private readonly connection: ClientConfig,
    private readonly lockKey: string,
    private readonly logger: Logger,
    /** Counts each attempt to take the lock (a metric: a standby must not spin). */
    private readonly onAttempt: () => void = () => undefined,
  ) {}

  get isLeader(): boolean {
    return this.held;
  }

  /** Tries once to take the lock; true if this instance now publishes. */
  async tryAcquire(): Promise<boolean> {
    await this.release();
    this.onAttempt();
    const client = new Client(this.connection);
    client.on('error', (err) => {
      this.logger.warn({ err }, 'outbox relay lost its leadership connection');
      this.held = false;
    });
    try {
      await client.connect();
      const { rows } = await client.query(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS acquired',
        [this.lockKey],
      );
      if (!rows[0].acquired) {
        await client.end().catch(() => undefined);
        return false;
      }
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
    this.held = true;
    return true;
  }

  async release(): Promise<void> {
    this.held = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/** The dedicated leadership connection uses the same server and login as the service. */
export function leaderConnectionOf(dataSource: DataSource): ClientConfig {
  const o = dataSource.options as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: string;
    database?: string;
  };
  const common = {
    application_name: 'outbox-relay-leader',
    connectionTimeoutMillis: 5000,
    keepAlive: true,
  };
  if (o.url) return { connectionString: o.url, ...common };
  return {
    host: o.host,
    port: o.port,
    user: o.username,
    password: o.password,
    database: o.database,
    ...common,
  };
}
