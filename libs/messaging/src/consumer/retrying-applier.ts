import { KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { isTransientError } from '../sql';
import { BatchApplier, BatchError } from './batch-applier';
import { ConsumerHealth } from './consumer-health';
import { Job } from './consumer-types';
import { DeadLetter, classifyFailure } from './dead-letter';
import { DeadLetterStore } from './dead-letter-store';
import { positionalEventId } from './envelope-parser';

export interface RetryPolicy {
  /** Attempts for an event whose handler fails with a non-transient error before it is dead-lettered. */
  maxAttempts: number;
  /** ms; first retry delay, doubled each time up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /**
   * ms; the longest wait between tries while a dependency is down: short, so the consumer is
   * back within seconds of the database or broker.
   */
  transientRetryMaxMs: number;
}

export interface RetryingApplierDeps {
  applier: BatchApplier;
  deadLetters: DeadLetterStore;
  health: ConsumerHealth;
  policy: RetryPolicy;
  logger: Logger;
  metrics: MessagingMetrics;
  groupId: string;
  /** Called after a dead letter is recorded (the forwarder writes it to the DLQ topic). */
  onDeadLettered: () => void;
}

/** ms between heartbeats while waiting to retry: well inside any session timeout (>= 6 s). */
const HEARTBEAT_EVERY_MS = 1000;

/**
 * Applies jobs with retries and the dead-letter path. The jobs' events go in one transaction
 * first; if it fails, nothing of it happened and each job's events are applied again one per
 * transaction, in order, the batch's failure counting as the failing event's first attempt.
 * An event that fails transiently (database or broker away) is retried for as long as that
 * lasts, with backoff, while the consumer heartbeats (it stays a member of its group, so its
 * partitions do not churn through rebalances) and reports itself degraded. An event that can
 * never succeed, or fails maxAttempts times, is recorded as a dead letter (which itself is
 * retried while the database is away) and the partition moves on.
 */
export class RetryingApplier {
  constructor(private readonly deps: RetryingApplierDeps) {}

  /** Returns per job how many of its events are done (fewer when its partition stops). */
  async applyJobs(jobs: Job[]): Promise<number[]> {
    if (jobs.every((job) => job.events.length === 1) && jobs.length === 1) {
      return [(await this.applyOne(jobs[0], 0)) ? 1 : 0];
    }
    try {
      const applied = await this.deps.applier.apply(jobs);
      this.deps.health.retrying(undefined);
      return applied;
    } catch (err) {
      const failure = err instanceof BatchError ? err : new BatchError(undefined, undefined, err);
      this.deps.logger.debug(
        { err: failure.cause, groupId: this.deps.groupId, jobs: jobs.length },
        'batch rolled back; applying its events one by one',
      );
      const counts: number[] = [];
      for (const [j, job] of jobs.entries()) {
        let done = 0;
        while (done < job.events.length) {
          const first = failure.job === j && failure.index === done ? failure.cause : undefined;
          if (!(await this.applyOne(job, done, first))) break;
          done++;
        }
        counts.push(done);
      }
      return counts;
    }
  }

  /**
   * A message that is not a valid envelope: dead-lettered at once under its positional id.
   * Returns false if the partition stopped first.
   */
  async rejectInvalid(
    job: Job,
    topic: string,
    partition: number,
    message: KafkaMessage,
    err: unknown,
  ): Promise<boolean> {
    const failure = classifyFailure(err, 1, this.deps.policy.maxAttempts, false);
    const key = message.key?.toString('utf8') ?? null;
    const eventId = positionalEventId(topic, partition, message.offset);
    return this.deadLetter(job, {
      eventId,
      complaintId: key,
      topic,
      partition,
      message,
      attempts: 1,
      failure,
    });
  }

  /** Applies job.events[index] alone until it is done; false if the partition stopped first. */
  private async applyOne(job: Job, index: number, firstFailure?: unknown): Promise<boolean> {
    const event = job.events[index];
    const alone: Job = { ...job, events: [event] };
    const { topic, partition, message } = event;
    for (let attempt = 1; ; attempt++) {
      try {
        if (attempt === 1 && firstFailure !== undefined) throw firstFailure;
        const [done] = await this.deps.applier.apply([alone]);
        this.deps.health.retrying(undefined);
        return done === 1;
      } catch (thrown) {
        const err = thrown instanceof BatchError ? thrown.cause : thrown;
        const transient = isTransientError(err);
        const failure = classifyFailure(err, attempt, this.deps.policy.maxAttempts, transient);
        if (failure.deadLetter) {
          return this.deadLetter(job, {
            eventId: event.envelope.eventId,
            complaintId: event.envelope.complaintId,
            topic,
            partition,
            message,
            attempts: attempt,
            failure,
          });
        }
        this.deps.metrics.retries.inc({
          topic,
          group: this.deps.groupId,
          kind: failure.transient ? 'transient' : 'error',
        });
        const delay = this.backoff(attempt, transient);
        if (transient) this.degraded(`waiting for a dependency: ${failure.loggable.message}`);
        this.deps.logger.warn(
          {
            err: failure.loggable,
            groupId: this.deps.groupId,
            eventId: event.envelope.eventId,
            correlationId: event.envelope.correlationId,
            topic,
            partition,
            offset: message.offset,
            attempt,
            retryInMs: delay,
          },
          'event failed; retrying',
        );
        if (!(await waitHeartbeating(delay, job))) return false;
      }
    }
  }

  /** Records the dead letter, retrying while the database is away; false if the partition stopped. */
  private async deadLetter(
    job: Job,
    entry: Parameters<DeadLetterStore['record']>[0],
  ): Promise<boolean> {
    const { failure }: { failure: DeadLetter } = entry;
    for (let attempt = 1; ; attempt++) {
      try {
        const recorded = await this.deps.deadLetters.record(entry);
        this.deps.health.retrying(undefined);
        if (recorded) {
          const labels = { topic: entry.topic, group: this.deps.groupId };
          this.deps.metrics.deadLettered.inc({ ...labels, reason: failure.code });
          this.deps.metrics.consumed.inc({ ...labels, outcome: 'dead_lettered' });
          this.deps.logger.error(
            {
              err: failure.loggable,
              groupId: this.deps.groupId,
              eventId: entry.eventId,
              topic: entry.topic,
              partition: entry.partition,
              offset: entry.message.offset,
              code: failure.code,
              attempts: entry.attempts,
            },
            'event dead-lettered; the partition moves on',
          );
          this.deps.onDeadLettered();
        }
        return true;
      } catch (err) {
        const delay = this.backoff(attempt, true);
        this.degraded(`cannot record a dead letter: ${(err as Error).message}`);
        this.deps.logger.warn(
          { err, groupId: this.deps.groupId, eventId: entry.eventId, retryInMs: delay },
          'recording a dead letter failed; retrying',
        );
        if (!(await waitHeartbeating(delay, job))) return false;
      }
    }
  }

  private degraded(reason: string): void {
    this.deps.health.retrying(reason);
  }

  private backoff(attempt: number, transient: boolean): number {
    const { retryBaseMs, retryMaxMs, transientRetryMaxMs } = this.deps.policy;
    const max = transient ? Math.min(retryMaxMs, transientRetryMaxMs) : retryMaxMs;
    return Math.min(max, retryBaseMs * 2 ** Math.min(attempt - 1, 16));
  }
}

/**
 * Waits `ms`, heartbeating every second so the member keeps its partitions; false as soon as
 * the partition stops (shutdown, rebalance, or a heartbeat the group refused).
 */
export async function waitHeartbeating(ms: number, job: Job): Promise<boolean> {
  const until = Date.now() + ms;
  while (job.running()) {
    const left = until - Date.now();
    if (left <= 0) return true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(HEARTBEAT_EVERY_MS, left)));
    await job.heartbeat();
  }
  return false;
}
