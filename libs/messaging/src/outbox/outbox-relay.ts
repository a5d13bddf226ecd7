import { ClientConfig } from 'pg';
import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { schemaOf } from '../sql';
import { createProducer } from '../kafka/kafka-factory';
import { isTooLarge, kafkaErrorTypes } from '../kafka/kafka-errors';
import { withDefaults } from '../with-defaults';
import { groupByTopic, OutboxStore, PendingRow } from './outbox-store';
import { RelayLeadership } from './relay-leadership';
import { dedicatedConnectionConfig } from '../service-data-source';
import { WakeableSleep } from './wakeable-sleep';
import { ReplaceableProducer } from '../kafka/replaceable-producer';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  kafka: Kafka;
  /** Producer name, used in metrics and logs. */
  service: string;
  logger: Logger;
  metrics: MessagingMetrics;
  /** Rows per Kafka send; 1..10000. */
  batchSize?: number;
  /**
   * bytes; rows per send are also bounded by their size together, below the broker's
   * message.max.bytes (1 MiB by default), which applies to each partition's record batch.
   */
  maxBatchBytes?: number;
  /** bytes; a single row larger than this is parked without trying (the broker would refuse it). */
  maxMessageBytes?: number;
  /** ms; the fallback poll for rows committed by other instances or left by a crash. */
  pollIntervalMs?: number;
  /** ms; how often a standby instance tries to become the publisher. */
  leaderRetryMs?: number;
  /** Builds the producer; a new one replaces it after a failed send (tests inject faults here). */
  producerFactory?: (kafka: Kafka) => Producer;
  /** The leadership connection's settings; default: the DataSource's server and login. */
  leaderConnection?: ClientConfig;
  /** Fault injection for tests: runs after a batch is acknowledged by Kafka, before it is marked sent. */
  afterPublishHook?: (eventIds: string[]) => Promise<void> | void;
}

const DEFAULTS = {
  batchSize: 500,
  maxBatchBytes: 768 * 1024,
  maxMessageBytes: 1_000_000,
  pollIntervalMs: 500,
  leaderRetryMs: 1000,
  producerFactory: createProducer,
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
 * so exactly one instance publishes (RelayLeadership); the others stand by and take over
 * within leaderRetryMs.
 *
 * Delivery. A batch is marked sent only after Kafka acknowledged it; a crash in between
 * publishes it again, which consumers absorb through their inbox (at-least-once delivery,
 * exactly-once effects).
 *
 * Never stuck. Batches are bounded by bytes as well as rows. A batch the broker refuses for
 * its size is sent in halves; a single row it refuses for its size is parked (moved to
 * outbox_parked_message, counted by a metric to alert on) so the rows behind it go on. After
 * any other failed send the producer is thrown away and a new one made: an idempotent
 * kafkajs producer that gave up (OUT_OF_ORDER_SEQUENCE_NUMBER after a lost ack) never recovers.
 */
export class OutboxRelay {
  private readonly opts: OutboxRelayOptions & typeof DEFAULTS;
  private readonly store: OutboxStore;
  private readonly leadership: RelayLeadership;
  private readonly pause = new WakeableSleep();
  private readonly producer: ReplaceableProducer;
  private running = false;
  private loop?: Promise<void>;
  /** rows per read after the broker refused a batch for its size; halves down to 1 */
  private sizeLimitedRows?: number;

  constructor(options: OutboxRelayOptions) {
    this.opts = withDefaults(DEFAULTS, options);
    this.producer = new ReplaceableProducer(options.kafka, this.opts.producerFactory);
    const schema = schemaOf(options.dataSource);
    this.store = new OutboxStore(options.dataSource);
    const service = options.service;
    this.leadership = new RelayLeadership(
      options.leaderConnection ??
        dedicatedConnectionConfig(options.dataSource, 'outbox-relay-leader'),
      `outbox-relay:${schema}`,
      options.logger,
      () => options.metrics.relayLeadershipAttempts.inc({ service }),
    );
  }

  get isLeader(): boolean {
    return this.leadership.isLeader;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.pause.reset();
    this.loop = this.runLoop().catch((err) => {
      this.opts.logger.error({ err }, 'outbox relay stopped on an unexpected error');
    });
  }

  /** Finishes the batch in flight (published and marked), then releases leadership. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.pause.interrupt();
    await this.loop;
    await this.leadership.release();
    await this.producer.drop();
  }

  /** In-process wake-up after a commit: publishes now instead of at the next poll. */
  wake(): void {
    this.pause.wake();
  }

  private async runLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (!this.leadership.isLeader) {
          if (!(await this.leadership.tryAcquire())) {
            // A standby does not publish, so a wake-up means nothing to it: it sleeps its
            // full interval (a wake-up must not turn this loop into a spin).
            await this.pause.sleep(this.opts.leaderRetryMs, { wakeable: false });
            continue;
          }
          this.opts.logger.info(
            { service: this.opts.service },
            'outbox relay is the publisher for this schema',
          );
        }
        const wasWoken = this.pause.takeWake();
        const { sent, full } = await this.publishBatch();
        failures = 0;
        if (full) continue;
        if (sent === 0 && wasWoken) {
          await this.recheckAfterWake();
          continue;
        }
        await this.pause.sleep(this.opts.pollIntervalMs, { wakeable: true });
      } catch (err) {
        failures++;
        const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.min(failures, 10));
        this.opts.metrics.relayFailures.inc({ service: this.opts.service });
        this.opts.logger.warn(
          { err, kafkaErrors: kafkaErrorTypes(err), failures, retryInMs: delay },
          'outbox relay failed; retrying',
        );
        await this.leadership.release();
        await this.producer.drop();
        // The backoff is not cut short by wake-ups: commits keep coming while a dependency is down.
        await this.pause.sleep(delay, { wakeable: false });
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
      await this.pause.sleep(delay, { wakeable: false });
      if ((await this.publishBatch()).sent > 0) return;
    }
  }

  /** Publishes one batch; `full` when more rows may be waiting right behind it. */
  private async publishBatch(): Promise<{ sent: number; full: boolean }> {
    const limit = this.sizeLimitedRows ?? this.opts.batchSize;
    const { rows, more } = await this.store.nextBatch(limit, this.opts.maxBatchBytes);
    this.opts.metrics.relayReads.inc({
      service: this.opts.service,
      result: rows.length === 0 ? 'empty' : 'rows',
    });
    if (rows.length === 0) {
      this.sizeLimitedRows = undefined;
      return { sent: 0, full: false };
    }
    const [first] = rows;
    if (rows.length === 1 && first.bytes > this.opts.maxMessageBytes) {
      await this.parkRow(first, `${first.bytes} bytes, over maxMessageBytes`);
      return { sent: 0, full: true };
    }
    const started = process.hrtime.bigint();
    try {
      const producer = await this.producer.get();
      await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
    } catch (err) {
      if (!isTooLarge(err)) throw err;
      if (rows.length === 1) {
        await this.parkRow(first, `the broker refused it: ${kafkaErrorTypes(err).join(', ')}`);
      } else {
        // Smaller sends until one goes through; the limit lifts when the outbox is drained.
        this.sizeLimitedRows = Math.max(1, Math.floor(rows.length / 2));
        this.opts.logger.warn(
          { rows: rows.length, nextRows: this.sizeLimitedRows },
          'the broker refused a batch for its size; sending smaller ones',
        );
      }
      return { sent: 0, full: true };
    }
    await this.opts.afterPublishHook?.(rows.map((r) => r.event_id));
    await this.store.markSent(rows.map((r) => r.id));
    for (const row of rows) this.opts.metrics.produced.inc({ topic: row.topic });
    this.opts.metrics.relayPublishSeconds.observe(
      { service: this.opts.service },
      Number(process.hrtime.bigint() - started) / 1e9,
    );
    return { sent: rows.length, full: more };
  }

  private async parkRow(row: PendingRow, reason: string): Promise<void> {
    await this.store.park(row.id, reason);
    this.opts.metrics.outboxParked.inc({ service: this.opts.service, topic: row.topic });
    this.opts.logger.error(
      {
        service: this.opts.service,
        outboxId: row.id,
        eventId: row.event_id,
        topic: row.topic,
        reason,
      },
      'outbox row parked: the broker will not take it; the rows behind it go on',
    );
  }
}
