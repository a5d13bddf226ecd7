import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import {
  ContractValidationError,
  dlqTopic,
  EventEnvelope,
  validateEnvelope,
} from '@complaints/contracts';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { Transaction, UnitOfWork } from '../outbox/unit-of-work';
import { createProducer } from '../kafka/kafka-factory';
import { isTransientError, quoteIdent, schemaOf } from '../sql';
import { DeadLetter, classifyFailure, deadLetterMessage } from './dead-letter';
import { BatchQueue } from './batch-queue';
import { Inbox } from './inbox';
import { withDefaults } from '../with-defaults';

export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Applies one event. Runs inside the transaction that also records the event in the inbox;
 * events it publishes through `tx` commit with it. It throws to refuse the event (never
 * swallows a failure): a transient error is retried, PermanentEventError goes to the DLQ.
 */
export type EventHandler = (
  event: EventEnvelope<object>,
  tx: Transaction,
  ctx: EventContext,
) => Promise<void>;

export interface EventConsumerOptions {
  dataSource: DataSource;
  kafka: Kafka;
  unitOfWork: UnitOfWork;
  logger: Logger;
  metrics: MessagingMetrics;
  /** The consumer group; also the inbox's key, so two groups in one schema never collide. */
  groupId: string;
  /** Full topic names, test prefixes included. */
  topics: string[];
  handler: EventHandler;
  /** Attempts for an event whose handler fails with a non-transient error before it is dead-lettered. */
  maxAttempts?: number;
  /** ms; first retry delay, doubled each time up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /**
   * Partitions consumed at once. Their waiting events are applied together, one transaction at
   * a time for the whole consumer (see BatchQueue), so more partitions at once means larger
   * transactions, not concurrent ones.
   */
  partitionsConsumedConcurrently?: number;
  /**
   * Events applied in one database transaction at most; 1 applies each in its own transaction.
   * Batching changes no outcome (see applyJobs), only the cost.
   */
  maxBatchSize?: number;
  /** ms */
  sessionTimeoutMs?: number;
  /** Fault injection for tests: runs after an event's transaction committed, before its offset is committed. */
  afterCommitHook?: (event: EventEnvelope<object>, ctx: EventContext) => Promise<void> | void;
}

type Outcome = 'processed' | 'duplicate' | 'dead_lettered';

const DEFAULTS = {
  maxAttempts: 5,
  retryBaseMs: 100,
  retryMaxMs: 30_000,
  partitionsConsumedConcurrently: 8,
  maxBatchSize: 100,
  sessionTimeoutMs: 30_000,
};
/** Commit offsets at least this often inside a long batch, so a restart redelivers little. */
const COMMIT_EVERY_MESSAGES = 200;

/** A message that parsed into a valid envelope, waiting in a batch. */
interface Parsed {
  topic: string;
  partition: number;
  message: KafkaMessage;
  envelope: EventEnvelope<object>;
}

/** One partition's waiting events, handed to the batch queue. */
interface Job {
  events: Parsed[];
  /** false once the consumer stops or the partition was taken away (a rebalance) */
  running: () => boolean;
  heartbeat: () => Promise<void>;
}

/** The error a batch failed with, and which of a job's events was being applied when it did. */
interface BatchFailure {
  index: number;
  error: unknown;
}

/**
 * At-least-once delivery, exactly-once effects. For each message: validate the envelope
 * against its contract; in one transaction, skip it if its eventId is already in the inbox,
 * otherwise apply the handler and insert the inbox row; commit; only then resolve and commit
 * the offset. A crash anywhere redelivers the message and the inbox makes it a no-op.
 * Messages of one partition are applied strictly in order.
 *
 * Batches. The events waiting on the partitions being consumed (up to maxBatchSize) are applied
 * in one transaction, each partition's in order: one inbox claim, the handlers, one outbox
 * insert, one commit, instead of those round trips and a WAL flush for every event (the
 * benchmark found them, not the handlers' work, bounding every consumer). One transaction runs
 * at a time per consumer, as before. If anything in a batch fails, it rolls back and its events
 * are applied again one per transaction, exactly as without batching: the failing event is
 * retried or dead-lettered on its own, the batch's try counting as its first attempt.
 */
export class EventConsumer {
  private readonly opts: EventConsumerOptions & typeof DEFAULTS;
  private readonly inboxTable: Inbox;
  private readonly queue: BatchQueue<Job>;
  private consumer?: Consumer;
  private dlqProducer?: Producer;
  private crashed?: Error;

  constructor(options: EventConsumerOptions) {
    this.opts = withDefaults(DEFAULTS, options);
    this.inboxTable = new Inbox(
      `${quoteIdent(schemaOf(options.dataSource))}.inbox_message`,
      options.groupId,
    );
    this.queue = new BatchQueue<Job>(this.opts.maxBatchSize, (jobs) => this.applyJobs(jobs));
  }

  get groupId(): string {
    return this.opts.groupId;
  }

  /** Set when kafkajs gave up on this consumer (readiness reports it). */
  get failure(): Error | undefined {
    return this.crashed;
  }

  async start(): Promise<void> {
    if (this.consumer) return;
    const { kafka, groupId, topics, partitionsConsumedConcurrently, sessionTimeoutMs } = this.opts;
    this.dlqProducer = createProducer(kafka);
    await this.dlqProducer.connect();
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: 3000,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.crashed = payload.error;
      this.opts.logger.error(
        { err: payload.error, groupId, restart: payload.restart },
        'consumer crashed',
      );
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.opts.logger.info(
        { groupId, memberAssignment: payload.memberAssignment, leader: payload.isLeader },
        'consumer joined its group',
      );
    });
    await consumer.connect();
    // A new group starts at the beginning of what the topic keeps: nothing published before
    // the first start is skipped.
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently,
      eachBatch: (payload) => this.eachBatch(payload),
    });
    this.consumer = consumer;
  }

  /** Graceful: finishes the message in flight, commits what was applied, leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect();
    await this.dlqProducer?.disconnect().catch(() => undefined);
    this.dlqProducer = undefined;
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } =
      payload;
    const { topic, partition } = batch;
    const running = (): boolean => isRunning() && !isStale();
    let uncommitted: string | undefined;
    let sinceCommit = 0;
    const commit = async (): Promise<void> => {
      if (uncommitted === undefined) return;
      const offset = (BigInt(uncommitted) + 1n).toString();
      await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset }] }] });
      uncommitted = undefined;
      sinceCommit = 0;
    };
    const applied = async (message: KafkaMessage): Promise<void> => {
      resolveOffset(message.offset);
      uncommitted = message.offset;
      this.opts.metrics.consumerLag.set(
        { topic, partition: String(partition), group: this.opts.groupId },
        Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(message.offset) - 1n)),
      );
      if (++sinceCommit >= COMMIT_EVERY_MESSAGES) await commit();
    };
    let pending: Parsed[] = [];
    /** Applies the events waiting; false when the consumer is stopping and the rest is left. */
    const flush = async (): Promise<boolean> => {
      const events = pending;
      pending = [];
      if (events.length === 0) return true;
      const done = await this.queue.submit({ events, running, heartbeat });
      for (let i = 0; i < done; i++) await applied(events[i].message);
      await heartbeat();
      return done === events.length;
    };
    try {
      for (const message of batch.messages) {
        if (!running()) return;
        const parsed = this.tryParse(topic, partition, message);
        if (parsed) {
          pending.push(parsed);
          if (pending.length >= this.opts.maxBatchSize && !(await flush())) return;
          continue;
        }
        // Not a valid envelope: it goes to the DLQ on its own, after the events before it are
        // applied, so order within the partition holds.
        if (!(await flush()) || !running()) return;
        if (!(await this.processWithRetry(topic, partition, message, heartbeat, isRunning))) return;
        await applied(message);
        await heartbeat();
      }
      await flush();
    } finally {
      await commit();
    }
  }

  /** The valid envelope, or undefined: a malformed or invalid message takes the per-message path to the DLQ. */
  private tryParse(topic: string, partition: number, message: KafkaMessage): Parsed | undefined {
    try {
      const envelope = parseEnvelope(message);
      this.observeAge(topic, envelope);
      return { topic, partition, message, envelope };
    } catch {
      return undefined;
    }
  }

  private observeAge(topic: string, envelope: EventEnvelope<object>): void {
    this.opts.metrics.eventAgeSeconds.observe(
      { topic, group: this.opts.groupId },
      Math.max(0, (Date.now() - Date.parse(envelope.occurredAt)) / 1000),
    );
  }

  /**
   * Applies the jobs (each a partition's consecutive valid events) in order and returns how many
   * events of each were applied: all, or fewer when its partition stops. A single event takes the
   * per-message path. Several share one transaction; on any failure it rolls back (nothing of it
   * happened) and every job's events are applied again one by one.
   */
  private async applyJobs(jobs: Job[]): Promise<number[]> {
    const all = jobs.flatMap((job, j) => job.events.map((event) => ({ j, event })));
    if (all.length === 1) {
      const [{ event }] = all;
      const job = jobs[0];
      if (!job.running()) return [0];
      const { topic, partition, message } = event;
      return [
        (await this.processWithRetry(topic, partition, message, job.heartbeat, job.running, event))
          ? 1
          : 0,
      ];
    }
    const group = this.opts.groupId;
    const started = process.hrtime.bigint();
    const applied = jobs.map(() => 0);
    const stopped = jobs.map(() => false);
    const outcomes: { event: Parsed; outcome: Outcome }[] = [];
    let failedAt: { j: number; index: number } | undefined;
    let produced = 0;
    try {
      await this.opts.dataSource.transaction(async (manager) => {
        const claimed = await this.inboxTable.claim(
          manager,
          all.map(({ event: e }) => ({
            eventId: e.envelope.eventId,
            topic: e.topic,
            partition: e.partition,
            offset: e.message.offset,
          })),
        );
        produced = await this.opts.unitOfWork.runIn(manager, async (tx) => {
          for (const { j, event } of all) {
            // A partition stopping (shutdown, rebalance): what was applied commits, the rest is
            // left for its next owner.
            if (stopped[j] || !jobs[j].running()) {
              stopped[j] = true;
              continue;
            }
            const { topic, partition, message, envelope } = event;
            // Applied before, or earlier in this very batch (an event sent twice): the first
            // copy takes the claim. PostgreSQL answers uuids in lower case.
            if (!claimed.delete(envelope.eventId.toLowerCase())) {
              outcomes.push({ event, outcome: 'duplicate' });
              applied[j]++;
              continue;
            }
            failedAt = { j, index: applied[j] };
            await this.opts.handler(envelope, tx, { topic, partition, offset: message.offset });
            failedAt = undefined;
            outcomes.push({ event, outcome: 'processed' });
            applied[j]++;
          }
        });
        // Claimed but left unapplied (a partition stopping): they must not look applied.
        await this.inboxTable.release(manager, [...claimed]);
      });
    } catch (err) {
      const failure = classifyFailure(err, 1, this.opts.maxAttempts, isTransientError(err));
      this.opts.logger.debug(
        { err: failure.loggable, groupId: group, events: all.length, partitions: jobs.length },
        'batch rolled back; applying its events one by one',
      );
      const counts: number[] = [];
      for (const [j, job] of jobs.entries()) {
        const at = failedAt?.j === j ? { index: failedAt.index, error: err } : undefined;
        counts.push(await this.applyOneByOne(job, at));
      }
      return counts;
    }
    // One transaction did the work of all: each event is charged an equal share of its time.
    const share = Number(process.hrtime.bigint() - started) / 1e9 / Math.max(1, outcomes.length);
    this.opts.metrics.consumerBatchEvents.observe({ group }, outcomes.length);
    for (const { event, outcome } of outcomes) {
      this.opts.metrics.consumed.inc({ topic: event.topic, group, outcome });
      this.opts.metrics.processingSeconds.observe({ topic: event.topic, group }, share);
    }
    this.opts.unitOfWork.committed(produced);
    for (const { event } of outcomes) {
      const { topic, partition, message, envelope } = event;
      await this.opts.afterCommitHook?.(envelope, { topic, partition, offset: message.offset });
    }
    return applied;
  }

  /** A failed batch's events of one partition, each in its own transaction with retries and the DLQ, in order. */
  private async applyOneByOne(job: Job, failure: BatchFailure | undefined): Promise<number> {
    for (let i = 0; i < job.events.length; i++) {
      if (!job.running()) return i;
      const first = failure?.index === i ? failure : undefined;
      const event = job.events[i];
      const { topic, partition, message } = event;
      if (
        !(await this.processWithRetry(
          topic,
          partition,
          message,
          job.heartbeat,
          job.running,
          event,
          first,
        ))
      )
        return i;
    }
    return job.events.length;
  }

  /**
   * Applies one message, retrying failures. Returns false if the consumer is stopping while a
   * transient failure lasts: the message is then left for the next owner of the partition.
   * `parsed`: its envelope when already validated (and its age observed). `firstFailure`: how a
   * batch applying it failed, which counts as its first attempt.
   */
  private async processWithRetry(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
    parsed?: Parsed,
    firstFailure?: BatchFailure,
  ): Promise<boolean> {
    const ctx: EventContext = { topic, partition, offset: message.offset };
    const group = this.opts.groupId;
    for (let attempt = 1; ; attempt++) {
      const started = process.hrtime.bigint();
      try {
        if (attempt === 1 && firstFailure) throw firstFailure.error;
        const outcome = await this.processOnce(ctx, message, parsed?.envelope);
        this.opts.metrics.consumed.inc({ topic, group, outcome });
        this.opts.metrics.consumerBatchEvents.observe({ group }, 1);
        this.opts.metrics.processingSeconds.observe(
          { topic, group },
          Number(process.hrtime.bigint() - started) / 1e9,
        );
        return true;
      } catch (err) {
        const failure = classifyFailure(err, attempt, this.opts.maxAttempts, isTransientError(err));
        if (failure.deadLetter) {
          await this.deadLetter(ctx, message, failure, attempt);
          return true;
        }
        this.opts.metrics.retries.inc({
          topic,
          group,
          kind: failure.transient ? 'transient' : 'error',
        });
        const delay = Math.min(
          this.opts.retryMaxMs,
          this.opts.retryBaseMs * 2 ** Math.min(attempt - 1, 16),
        );
        this.opts.logger.warn(
          {
            err: failure.loggable,
            groupId: group,
            topic,
            partition,
            offset: message.offset,
            attempt,
            retryInMs: delay,
          },
          'event failed; retrying',
        );
        if (!isRunning()) return false;
        await sleep(delay);
        await heartbeat();
        if (!isRunning()) return false;
      }
    }
  }

  private async processOnce(
    ctx: EventContext,
    message: KafkaMessage,
    parsed?: EventEnvelope<object>,
  ): Promise<Outcome> {
    const envelope = parsed ?? parseEnvelope(message);
    if (!parsed) this.observeAge(ctx.topic, envelope);
    let produced = 0;
    // The inbox row is claimed first: a member applying the same event at the same moment (a
    // rebalance race) waits on it, then finds it taken; a failure rolls the claim back.
    const duplicate = await this.opts.dataSource.transaction(async (manager) => {
      const entry = {
        eventId: envelope.eventId,
        topic: ctx.topic,
        partition: ctx.partition,
        offset: ctx.offset,
      };
      if ((await this.inboxTable.claim(manager, [entry])).size === 0) return true;
      produced = await this.opts.unitOfWork.runIn(manager, (tx) =>
        this.opts.handler(envelope, tx, ctx),
      );
      return false;
    });
    if (duplicate) return 'duplicate';
    this.opts.unitOfWork.committed(produced);
    await this.opts.afterCommitHook?.(envelope, ctx);
    return 'processed';
  }

  private async deadLetter(
    ctx: EventContext,
    message: KafkaMessage,
    failure: DeadLetter,
    attempts: number,
  ): Promise<void> {
    const { topic, partition, offset } = ctx;
    const group = this.opts.groupId;
    const producer = this.dlqProducer;
    if (!producer) throw new Error('consumer is not started');
    // If the DLQ itself cannot be written the error propagates: the batch stops uncommitted
    // and the event is redelivered, never dropped.
    await producer.send({
      topic: dlqTopic(topic),
      acks: -1,
      messages: [deadLetterMessage(message, { ...ctx, groupId: group, attempts, failure })],
    });
    this.opts.metrics.deadLettered.inc({ topic, group, reason: failure.code });
    this.opts.metrics.consumed.inc({ topic, group, outcome: 'dead_lettered' });
    this.opts.logger.error(
      {
        err: failure.loggable,
        groupId: group,
        topic,
        partition,
        offset,
        code: failure.code,
        attempts,
      },
      'event sent to the dead-letter topic',
    );
  }
}

function parseEnvelope(message: KafkaMessage): EventEnvelope<object> {
  const raw = message.value?.toString('utf8');
  if (!raw) throw new MalformedMessageError('the message has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new MalformedMessageError('the message value is not JSON');
  }
  const result = validateEnvelope(parsed, 'consume');
  if (!result.ok) throw new ContractValidationError(result.code, result.errors);
  return result.envelope;
}

export class MalformedMessageError extends Error {
  readonly code = 'MESSAGE.MALFORMED';
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessageError';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
