import { EntityManager, DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { UnitOfWork } from '../outbox/unit-of-work';
import { EventContext, EventHandler, Incoming, Job } from './consumer-types';
import { Inbox } from './inbox';

export interface BatchApplierDeps {
  dataSource: DataSource;
  unitOfWork: UnitOfWork;
  inbox: Inbox;
  handler: EventHandler;
  logger: Logger;
  metrics: MessagingMetrics;
  groupId: string;
  afterCommitHook?: (event: Incoming['envelope'], ctx: EventContext) => Promise<void> | void;
}

/** A batch rolled back: which job's event was being applied, and why. Nothing of it happened. */
export class BatchError extends Error {
  constructor(
    readonly job: number | undefined,
    readonly index: number | undefined,
    override readonly cause: unknown,
  ) {
    super('batch rolled back');
    this.name = 'BatchError';
  }
}

type Outcome = 'processed' | 'duplicate';

export interface AppliedInTransaction {
  /** per job: how many of its events were applied or found done before */
  applied: number[];
  outcomes: { event: Incoming; outcome: Outcome }[];
  produced: number;
}

/**
 * Applies the events of one or more jobs in one transaction, each job's in order: one inbox
 * claim, the handlers, one outbox insert, one commit. A single event is a batch of one: there
 * is no other apply path. Events already in the inbox (applied or dead-lettered before, or sent
 * twice in this very batch) are skipped. A job that stops running (shutdown, rebalance) keeps
 * what it applied so far; the rest is left for the partition's next owner.
 */
export class BatchApplier {
  constructor(private readonly deps: BatchApplierDeps) {}

  /** Commits the jobs' events or throws BatchError with nothing applied. Returns per job how many. */
  async apply(jobs: Job[]): Promise<number[]> {
    const started = process.hrtime.bigint();
    let result: AppliedInTransaction | undefined;
    const failedAt: { job?: number; index?: number } = {};
    try {
      await this.deps.dataSource.transaction(async (manager) => {
        result = await this.applyIn(manager, jobs, failedAt);
      });
    } catch (err) {
      throw new BatchError(failedAt.job, failedAt.index, err);
    }
    const { applied, outcomes, produced } = result as AppliedInTransaction;
    this.observe(outcomes, started);
    this.deps.unitOfWork.committed(produced);
    for (const { event } of outcomes) {
      if (this.deps.afterCommitHook)
        await this.deps.afterCommitHook(event.envelope, this.context(event));
    }
    return applied;
  }

  /** The same inside a transaction the caller owns (a dead letter's replay). */
  async applyIn(
    manager: EntityManager,
    jobs: Job[],
    failedAt: { job?: number; index?: number } = {},
  ): Promise<AppliedInTransaction> {
    const all = jobs.flatMap((job, j) => job.events.map((event) => ({ j, event })));
    const claimed = await this.deps.inbox.claim(
      manager,
      all.map(({ event: e }) => ({
        eventId: e.envelope.eventId,
        complaintId: e.envelope.complaintId,
        topic: e.topic,
        partition: e.partition,
        offset: e.message.offset,
      })),
    );
    const applied = jobs.map(() => 0);
    const stopped = jobs.map(() => false);
    const outcomes: AppliedInTransaction['outcomes'] = [];
    const produced = await this.deps.unitOfWork.runIn(manager, async (tx) => {
      for (const { j, event } of all) {
        if (stopped[j] || !jobs[j].running()) {
          stopped[j] = true;
          continue;
        }
        // PostgreSQL answers uuids in lower case.
        if (!claimed.delete(event.envelope.eventId.toLowerCase())) {
          outcomes.push({ event, outcome: 'duplicate' });
          applied[j]++;
          continue;
        }
        failedAt.job = j;
        failedAt.index = applied[j];
        await this.deps.handler(event.envelope, tx, this.context(event));
        failedAt.job = failedAt.index = undefined;
        outcomes.push({ event, outcome: 'processed' });
        applied[j]++;
      }
    });
    // Claimed but left unapplied (a partition stopping): they must not look applied.
    await this.deps.inbox.release(manager, [...claimed]);
    return { applied, outcomes, produced };
  }

  context(event: Incoming): EventContext {
    const { topic, partition, message, envelope } = event;
    const { logger, groupId } = this.deps;
    let log: Logger | undefined;
    // Made on first use: most handlers log nothing for most events.
    return {
      topic,
      partition,
      offset: message.offset,
      get log(): Logger {
        return (log ??= logger.child({
          groupId,
          eventId: envelope.eventId,
          correlationId: envelope.correlationId,
          topic,
          partition,
          offset: message.offset,
        }));
      },
    };
  }

  /** One transaction did the work of all: each event is charged an equal share of its time. */
  private observe(outcomes: AppliedInTransaction['outcomes'], started: bigint): void {
    const group = this.deps.groupId;
    const share = Number(process.hrtime.bigint() - started) / 1e9 / Math.max(1, outcomes.length);
    this.deps.metrics.consumerBatchEvents.observe({ group }, outcomes.length);
    for (const { event, outcome } of outcomes) {
      this.deps.metrics.consumed.inc({ topic: event.topic, group, outcome });
      this.deps.metrics.processingSeconds.observe({ topic: event.topic, group }, share);
    }
  }
}
