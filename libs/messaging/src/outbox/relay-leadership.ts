import { ClientConfig } from 'pg';
import { QueryTimeoutClient } from '../query-timeout-client';
import type { Logger } from 'pino';

/**
 * Exactly one relay publishes a schema's outbox: the one holding a session-level advisory lock
 * keyed by the schema, on a dedicated connection. The others stand by; when that connection
 * drops (crash, shutdown, network) the lock is released by PostgreSQL and a standby takes it.
 */
export class RelayLeadership {
  private client?: QueryTimeoutClient;
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
    // Dropped when a query goes unanswered, so a half-dead connection cannot hold the lock.
    const client = new QueryTimeoutClient(this.connection);
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
