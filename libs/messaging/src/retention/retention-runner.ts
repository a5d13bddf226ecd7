import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { quoteIdent, schemaOf } from '../sql';
import { withDefaults } from '../with-defaults';
import {
  DAY_MS,
  DEFAULT_INBOX_RETENTION_DAYS,
  DEFAULT_OUTBOX_RETENTION_HOURS,
  HOUR_MS,
} from './retention-policy';
import { FROM_THE_START, TablePruner } from './table-pruner';

export interface RetentionRunnerOptions {
  dataSource: DataSource;
  /** metrics and logs */
  service: string;
  logger: Logger;
  metrics: MessagingMetrics;
  /** ms, >= 0; sent outbox rows older than this are deleted */
  outboxRetentionMs?: number;
  /**
   * ms, >= 0; inbox rows older than this are deleted; 0 keeps them for ever. Must exceed
   * LONGEST_REDELIVERY_MS (see MIN_INBOX_RETENTION_DAYS, which the configuration enforces).
   */
  inboxRetentionMs?: number;
  /** ms, > 0; from the end of one run to the start of the next */
  intervalMs?: number;
  /** ms, > 0; the pause after a run that stopped at maxRowsPerRun with rows left */
  catchUpDelayMs?: number;
  /** rows per DELETE statement; 1..10000 */
  batchRows?: number;
  /** rows per table per run at most; >= batchRows */
  maxRowsPerRun?: number;
}

export type RetentionResult = 'done' | 'more' | 'skipped';

export interface RetentionRun {
  /** done: nothing expired is left; more: stopped at maxRowsPerRun; skipped: another instance was pruning */
  result: RetentionResult;
  pruned: { outbox: number; inbox: number };
}

const DEFAULTS = {
  outboxRetentionMs: DEFAULT_OUTBOX_RETENTION_HOURS * HOUR_MS,
  inboxRetentionMs: DEFAULT_INBOX_RETENTION_DAYS * DAY_MS,
  intervalMs: 60_000,
  catchUpDelayMs: 1_000,
  batchRows: 1_000,
  maxRowsPerRun: 50_000,
};

/**
 * Keeps a service's outbox and inbox from growing for ever: sent outbox rows past their
 * retention and inbox rows past theirs are deleted in bounded batches (TablePruner), at most
 * maxRowsPerRun per table per run, on a timer of its own, so pruning goes on however busy
 * the relay is. Inbox rows are what make a redelivered event a no-op: their retention must
 * outlast any redelivery (the invariant in retention-policy.ts).
 */
export class RetentionRunner {
  private readonly opts: RetentionRunnerOptions & typeof DEFAULTS;
  /** what each run deletes from, in this order */
  readonly pruners: { readonly outbox: TablePruner; readonly inbox: TablePruner };
  private timer?: NodeJS.Timeout;
  private running = false;
  /** set by stop(): a run in progress ends after its current batch */
  private stopping = false;
  private current?: Promise<void>;

  constructor(options: RetentionRunnerOptions) {
    this.opts = withDefaults(DEFAULTS, options);
    const schema = schemaOf(options.dataSource);
    const s = quoteIdent(schema);
    const lockKey = `retention:${schema}`;
    const outbox = new TablePruner(
      options.dataSource,
      {
        name: 'outbox',
        table: `${s}.outbox_message`,
        column: 'sent_at',
        retentionMs: this.opts.outboxRetentionMs,
      },
      lockKey,
    );
    const inbox = new TablePruner(
      options.dataSource,
      {
        name: 'inbox',
        table: `${s}.inbox_message`,
        column: 'processed_at',
        retentionMs: this.opts.inboxRetentionMs,
        // A dead-lettered event's row stays for the dead-letter tools to settle.
        where: "outcome = 'applied'",
      },
      lockKey,
    );
    this.pruners = { outbox, inbox };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.schedule(this.opts.intervalMs);
  }

  /** Waits for a run in progress to stop after its current batch. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /** One run: each table pruned until nothing expired is left or maxRowsPerRun went. */
  async runOnce(): Promise<RetentionRun> {
    const pruned = { outbox: 0, inbox: 0 };
    const { outbox, inbox } = this.pruners;
    const targets = this.opts.inboxRetentionMs > 0 ? [outbox, inbox] : [outbox];
    let result: RetentionResult = 'done';
    for (const pruner of targets) {
      const outcome = await this.prune(pruner, pruned);
      if (outcome === 'skipped') return { result: 'skipped', pruned };
      if (outcome === 'more') result = 'more';
    }
    return { result, pruned };
  }

  private async prune(
    pruner: TablePruner,
    pruned: RetentionRun['pruned'],
  ): Promise<RetentionResult> {
    const { name } = pruner.target;
    let after = FROM_THE_START;
    let total = 0;
    while (total < this.opts.maxRowsPerRun && !this.stopping) {
      const limit = Math.min(this.opts.batchRows, this.opts.maxRowsPerRun - total);
      const batch = await pruner.pruneBatch(after, limit);
      if (!batch.held) return 'skipped';
      total += batch.deleted;
      pruned[name] += batch.deleted;
      if (batch.deleted > 0) {
        this.opts.metrics.retentionPruned.inc(
          { service: this.opts.service, table: name },
          batch.deleted,
        );
      }
      if (batch.deleted < limit || !batch.upto) return 'done';
      after = batch.upto;
    }
    return 'more';
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.current = this.tick();
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const service = this.opts.service;
    let next = this.opts.intervalMs;
    try {
      const run = await this.runOnce();
      this.opts.metrics.retentionRuns.inc({ service, result: run.result });
      this.opts.metrics.retentionLastRun.set({ service }, Date.now() / 1000);
      if (run.result === 'more') next = this.opts.catchUpDelayMs;
      this.opts.logger.debug({ service, ...run }, 'retention run');
    } catch (err) {
      this.opts.metrics.retentionRuns.inc({ service, result: 'failed' });
      this.opts.logger.warn({ err, service, retryInMs: next }, 'retention run failed');
    } finally {
      this.current = undefined;
      this.schedule(next);
    }
  }
}
