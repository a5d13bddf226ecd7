import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { EventEnvelope } from '@complaints/contracts';
import { quoteIdent, schemaOf } from '../sql';
import { withDefaults } from '../with-defaults';
import { BatchApplier } from './batch-applier';
import { EventConsumerOptions } from './event-consumer.options';
import { BatchQueue } from './batch-queue';
import { ConsumerHealth, ConsumerHealthReport } from './consumer-health';
import { Incoming, Job } from './consumer-types';
import { DeadLetterForwarder } from './dead-letter-forwarder';
import { DeadLetterStore } from './dead-letter-store';
import { parseEnvelope } from './envelope-parser';
import { Inbox } from './inbox';
import { RetryingApplier } from './retrying-applier';

export * from './consumer-types';
export * from './event-consumer.options';
export { MalformedMessageError } from './envelope-parser';

const DEFAULTS = {
  maxAttempts: 5,
  retryBaseMs: 100,
  retryMaxMs: 30_000,
  transientRetryMaxMs: 5_000,
  partitionsConsumedConcurrently: 8,
  maxBatchSize: 100,
  sessionTimeoutMs: 30_000,
  maxDeadLetterBytes: 900_000,
  deadLetterPollMs: 5_000,
};
/** Commit offsets at least this often inside a long batch, so a restart redelivers little. */
const COMMIT_EVERY_MESSAGES = 200;
/** ms between retries of offset commits that failed */
const COMMIT_RETRY_MS = 2000;

/**
 * At-least-once delivery, exactly-once effects. Each message is validated against its contract;
 * valid ones are applied (BatchApplier: the handler's effects, its outgoing events and the
 * inbox row in one transaction), invalid ones and those that can never succeed are recorded as
 * dead letters (RetryingApplier, DeadLetterStore); only then is the offset committed. A crash
 * anywhere redelivers the message and the inbox makes it a no-op. Messages of one partition are
 * applied strictly in order; the partitions read at once share transactions (BatchQueue).
 */
export class EventConsumer {
  private readonly opts: EventConsumerOptions & typeof DEFAULTS;
  private readonly queue: BatchQueue<Job>;
  private readonly applier: RetryingApplier;
  private readonly forwarder: DeadLetterForwarder;
  readonly health: ConsumerHealth;
  readonly deadLetters: DeadLetterStore;
  readonly batches: BatchApplier;
  private consumer?: Consumer;
  /**
   * Offsets applied but not committed because the commit failed (broker away), per
   * topic-partition; retried on a timer, since an idle partition gets no batch that would.
   */
  private readonly unsent = new Map<string, { topic: string; partition: number; offset: string }>();
  private readonly active = new Set<string>();
  private commitTimer?: NodeJS.Timeout;

  constructor(options: EventConsumerOptions) {
    const opts = withDefaults(DEFAULTS, options);
    this.opts = opts;
    const { groupId, metrics, logger } = opts;
    const inbox = new Inbox(`${quoteIdent(schemaOf(opts.dataSource))}.inbox_message`, groupId);
    this.health = new ConsumerHealth((state) =>
      metrics.consumerDegraded.set({ group: groupId }, state === 'ok' ? 0 : 1),
    );
    this.deadLetters = new DeadLetterStore(opts.dataSource, inbox, groupId);
    this.batches = new BatchApplier({ ...opts, inbox });
    this.forwarder = new DeadLetterForwarder({
      store: this.deadLetters,
      kafka: opts.kafka,
      logger,
      metrics,
      health: this.health,
      maxMessageBytes: opts.maxDeadLetterBytes,
      pollIntervalMs: opts.deadLetterPollMs,
      producerFactory: opts.producerFactory,
    });
    this.applier = new RetryingApplier({
      applier: this.batches,
      deadLetters: this.deadLetters,
      health: this.health,
      policy: opts,
      logger,
      metrics,
      groupId,
      onDeadLettered: () => this.forwarder.wake(),
    });
    this.queue = new BatchQueue<Job>(opts.maxBatchSize, (jobs) => this.applier.applyJobs(jobs));
    metrics.consumerDegraded.set({ group: groupId }, 0);
    metrics.knownConsumer(groupId, opts.topics);
  }

  get groupId(): string {
    return this.opts.groupId;
  }

  get topics(): readonly string[] {
    return this.opts.topics;
  }

  /** Set when kafkajs gave up on this consumer (readiness reports it). */
  get failure(): Error | undefined {
    return this.health.failure;
  }

  healthReport(): ConsumerHealthReport {
    return this.health.report();
  }

  async start(): Promise<void> {
    if (this.consumer) return;
    const { kafka, groupId, topics, partitionsConsumedConcurrently, sessionTimeoutMs } = this.opts;
    this.forwarder.start();
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: 3000,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.health.failed(payload.error);
      this.opts.logger.error(
        { err: payload.error, groupId, restart: payload.restart },
        'consumer crashed',
      );
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      // A new assignment starts from the committed offsets: what was pending is redelivered.
      this.unsent.clear();
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
    this.commitTimer = setInterval(() => void this.retryCommits(), COMMIT_RETRY_MS);
    this.commitTimer.unref();
  }

  /** Commits offsets whose commit failed, unless a batch of that partition is running now. */
  private async retryCommits(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return;
    for (const [key, entry] of this.unsent) {
      if (this.active.has(key)) continue;
      try {
        await consumer.commitOffsets([entry]);
        if (this.unsent.get(key) === entry) this.unsent.delete(key);
      } catch (err) {
        this.opts.logger.warn(
          { err, groupId: this.opts.groupId, ...entry },
          'offset commit retry failed',
        );
      }
    }
  }

  /** Graceful: finishes the message in flight, commits what was applied, leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    clearInterval(this.commitTimer);
    await consumer?.disconnect();
    await this.forwarder.stop();
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const { topic, partition } = batch;
    const key = `${topic}:${partition}`;
    this.active.add(key);
    let lost = false;
    let heartbeatError: unknown;
    const running = (): boolean => !lost && isRunning() && !isStale();
    const heartbeat = async (): Promise<void> => {
      try {
        await payload.heartbeat();
      } catch (err) {
        // The group is rebalancing or has dropped this member: stop and let kafkajs rejoin.
        lost = true;
        heartbeatError ??= err;
        this.opts.logger.warn(
          { err, groupId: this.opts.groupId, topic, partition },
          'heartbeat refused; leaving the batch',
        );
      }
    };
    let uncommitted: string | undefined;
    let sinceCommit = 0;
    const commit = async (): Promise<void> => {
      if (uncommitted === undefined) return;
      const offset = (BigInt(uncommitted) + 1n).toString();
      await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset }] }] });
      this.unsent.delete(key);
      uncommitted = undefined;
      sinceCommit = 0;
    };
    const done = async (message: KafkaMessage): Promise<void> => {
      resolveOffset(message.offset);
      uncommitted = message.offset;
      this.opts.metrics.consumerLag.set(
        { topic, partition: String(partition), group: this.opts.groupId },
        Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(message.offset) - 1n)),
      );
      if (++sinceCommit >= COMMIT_EVERY_MESSAGES) await commit();
    };
    let pending: Incoming[] = [];
    /** Applies the events waiting; false when the partition stopped and the rest is left. */
    const flush = async (): Promise<boolean> => {
      const events = pending;
      pending = [];
      if (events.length === 0) return true;
      const applied = await this.queue.submit({ events, running, heartbeat });
      for (let i = 0; i < applied; i++) await done(events[i].message);
      await heartbeat();
      return applied === events.length;
    };
    const consume = async (): Promise<void> => {
      for (const message of batch.messages) {
        if (!running()) return;
        let envelope: EventEnvelope<object>;
        try {
          envelope = parseEnvelope(message);
        } catch (err) {
          // Not a valid envelope: dead-lettered after the events before it are applied, so
          // order within the partition holds.
          if (!(await flush()) || !running()) return;
          const job = { events: [], running, heartbeat };
          if (!(await this.applier.rejectInvalid(job, topic, partition, message, err))) return;
          await done(message);
          continue;
        }
        this.observeAge(topic, envelope);
        pending.push({ topic, partition, message, envelope });
        if (pending.length >= this.opts.maxBatchSize && !(await flush())) return;
      }
      await flush();
    };
    const failure = await consume().then(
      () => undefined,
      (err: unknown) => err,
    );
    const pendingOffset = uncommitted;
    const commitError = await commit().then(
      () => undefined,
      (err: unknown) => err,
    );
    this.active.delete(key);
    if (commitError !== undefined && pendingOffset !== undefined) {
      const offset = (BigInt(pendingOffset) + 1n).toString();
      this.unsent.set(key, { topic, partition, offset });
    }
    // A refused heartbeat goes back to kafkajs once the batch is left, so it rejoins (kept
    // quiet, the member would go on unknown to the group); a failed commit is retried on the
    // timer (kept quiet, an idle partition's offset would stay behind for good).
    const first = failure ?? heartbeatError;
    if (first !== undefined) throw first;
  }

  private observeAge(topic: string, envelope: EventEnvelope<object>): void {
    this.opts.metrics.eventAgeSeconds.observe(
      { topic, group: this.opts.groupId },
      Math.max(0, (Date.now() - Date.parse(envelope.occurredAt)) / 1000),
    );
  }
}
