import { Client } from 'pg';
import { Kafka, Message, Producer, TopicMessages } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { MessagingMetrics, OutboxStats } from '../metrics/messaging-metrics';
import { quoteIdent, schemaOf } from '../sql';
import { createProducer } from '../kafka/kafka-factory';
import { withDefaults } from '../with-defaults';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  kafka: Kafka;
  /** Producer name, used in metrics and logs. */
  service: string;
  logger: Logger;
  metrics: MessagingMetrics;
  /** Rows per Kafka send; 1..10000. */
  batchSize?: number;
  /** ms; the fallback poll for rows committed by other instances or left by a crash. */
  pollIntervalMs?: number;
  /** ms; how often a standby instance tries to become the publisher. */
  leaderRetryMs?: number;
  /** ms; sent rows are deleted after this long. */
  sentRetentionMs?: number;
  /** Fault injection for tests: runs after a batch is acknowledged by Kafka, before it is marked sent. */
  afterPublishHook?: (eventIds: string[]) => Promise<void> | void;
}

interface PendingRow {
  id: string;
  event_id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
}

const DEFAULTS = {
  batchSize: 500,
  pollIntervalMs: 500,
  leaderRetryMs: 1000,
  sentRetentionMs: 24 * 3600 * 1000,
};
/** Delays (ms) for re-reading after a wake-up that found rows not yet visible. */
const WAKE_RECHECK_MS = [5, 10, 25, 50, 100];
const MAX_BACKOFF_MS = 10_000;

/**
 * Publishes the outbox to Kafka, in order per key, with an idempotent producer (acks=all).
 *
 * Order. Sequence order is not commit order: id 7 can commit before id 6, and a relay that
 * reads by id alone would publish 7, then later 6. Each row therefore records its
 * transaction id (xid8), and the relay reads only rows whose transaction is older than the
 * oldest transaction still running (`pg_snapshot_xmin(pg_current_snapshot())`), in
 * (tx_id, id) order. Every transaction below that horizon has ended, so no row can later
 * appear before one already published. Within one complaint, services take the complaint's
 * row lock before they write, so its transactions' ids follow the order of its changes.
 *
 * Several instances. Concurrent relays with SKIP LOCKED would interleave and reorder keys,
 * so exactly one instance publishes: the one holding a session-level advisory lock keyed by
 * the schema, on a dedicated connection. The others stand by and take over within
 * leaderRetryMs when that connection drops (crash, shutdown, network).
 *
 * Delivery. A batch is marked sent only after Kafka acknowledged it; a crash in between
 * publishes it again, which consumers absorb through their inbox (at-least-once delivery,
 * exactly-once effects).
 */
export class OutboxRelay {
  private readonly opts: OutboxRelayOptions & typeof DEFAULTS;
  private readonly table: string;
  private readonly lockKey: string;
  private producer?: Producer;
  private lockClient?: Client;
  private running = false;
  private leader = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;
  private lastCleanup = 0;

  constructor(options: OutboxRelayOptions) {
    this.opts = withDefaults(DEFAULTS, options);
    const schema = schemaOf(options.dataSource);
    this.table = `${quoteIdent(schema)}.outbox_message`;
    this.lockKey = `outbox-relay:${schema}`;
    options.metrics.watchOutbox(options.service, () => this.stats());
  }

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop().catch((err) => {
      this.opts.logger.error({ err }, 'outbox relay stopped on an unexpected error');
    });
  }

  /** Finishes the batch in flight (published and marked), then releases leadership. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loop;
    await this.releaseLeadership();
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
  }

  /** In-process wake-up after a commit: publishes now instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stats(): Promise<OutboxStats> {
    const [row] = await this.opts.dataSource.query(
      `SELECT count(*)::int AS backlog,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest
         FROM ${this.table} WHERE sent_at IS NULL`,
    );
    return { backlog: row.backlog, oldestAgeSeconds: row.oldest };
  }

  private async runLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (!this.leader && !(await this.tryLeadership())) {
          await this.sleep(this.opts.leaderRetryMs);
          continue;
        }
        const wasWoken = this.woken;
        this.woken = false;
        const sent = await this.publishBatch();
        failures = 0;
        if (sent === this.opts.batchSize) continue;
        if (sent === 0 && wasWoken) {
          await this.recheckAfterWake();
          continue;
        }
        await this.maybeCleanup();
        await this.sleep(this.opts.pollIntervalMs);
      } catch (err) {
        failures++;
        const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.min(failures, 10));
        this.opts.logger.warn({ err, failures, retryInMs: delay }, 'outbox relay failed; retrying');
        await this.releaseLeadership();
        await this.sleep(delay);
      }
    }
  }

  /**
   * A wake-up came from a commit, but its rows can stay invisible for a moment while an
   * older transaction is still open: re-read a few times before falling back to polling.
   */
  private async recheckAfterWake(): Promise<void> {
    for (const delay of WAKE_RECHECK_MS) {
      if (!this.running) return;
      await this.sleep(delay);
      if ((await this.publishBatch()) > 0) return;
    }
  }

  /** Publishes one batch; returns how many rows it sent. */
  private async publishBatch(): Promise<number> {
    const rows: PendingRow[] = await this.opts.dataSource.query(
      `SELECT id, event_id, topic, message_key, headers, payload
         FROM ${this.table}
        WHERE sent_at IS NULL AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY tx_id, id
        LIMIT $1`,
      [this.opts.batchSize],
    );
    this.opts.metrics.relayReads.inc({
      service: this.opts.service,
      result: rows.length === 0 ? 'empty' : 'rows',
    });
    if (rows.length === 0) return 0;
    const started = process.hrtime.bigint();
    const producer = await this.ensureProducer();
    await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
    await this.opts.afterPublishHook?.(rows.map((r) => r.event_id));
    await this.opts.dataSource.query(
      `UPDATE ${this.table} SET sent_at = now() WHERE id = ANY($1::bigint[])`,
      [rows.map((r) => r.id)],
    );
    for (const row of rows) this.opts.metrics.produced.inc({ topic: row.topic });
    this.opts.metrics.relayPublishSeconds.observe(
      { service: this.opts.service },
      Number(process.hrtime.bigint() - started) / 1e9,
    );
    return rows.length;
  }

  private async ensureProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = createProducer(this.opts.kafka);
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async tryLeadership(): Promise<boolean> {
    await this.releaseLeadership();
    const client = new Client(connectionConfig(this.opts.dataSource));
    client.on('error', (err) => {
      this.opts.logger.warn({ err }, 'outbox relay lost its leadership connection');
      this.leader = false;
    });
    await client.connect();
    const { rows } = await client.query(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS acquired',
      [this.lockKey],
    );
    if (!rows[0].acquired) {
      await client.end().catch(() => undefined);
      return false;
    }
    this.lockClient = client;
    this.leader = true;
    this.opts.logger.info(
      { service: this.opts.service },
      'outbox relay is the publisher for this schema',
    );
    return true;
  }

  private async releaseLeadership(): Promise<void> {
    this.leader = false;
    const client = this.lockClient;
    this.lockClient = undefined;
    await client?.end().catch(() => undefined);
  }

  private async maybeCleanup(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    await this.opts.dataSource.query(
      `DELETE FROM ${this.table} WHERE sent_at < now() - make_interval(secs => $1::float8 / 1000)`,
      [this.opts.sentRetentionMs],
    );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
      if (this.woken || !this.running) done();
    });
  }
}

function groupByTopic(rows: PendingRow[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    let messages = byTopic.get(row.topic);
    if (!messages) byTopic.set(row.topic, (messages = []));
    messages.push({
      key: row.message_key,
      value: row.payload,
      headers: { ...row.headers, 'event-id': row.event_id },
    });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** The dedicated leadership connection uses the same server and login as the service. */
function connectionConfig(dataSource: DataSource): ConstructorParameters<typeof Client>[0] {
  const o = dataSource.options as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: string;
    database?: string;
  };
  if (o.url) return { connectionString: o.url, application_name: 'outbox-relay-leader' };
  return {
    host: o.host,
    port: o.port,
    user: o.username,
    password: o.password,
    database: o.database,
    application_name: 'outbox-relay-leader',
  };
}
