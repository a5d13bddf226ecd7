import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { createEnvelope, EVENT_TYPES } from '@complaints/contracts';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { ComplaintClocksRow } from '../clocks/complaint-clocks.entity';
import { DeadlinesConfig } from '../config/deadlines.config';
import { DeadlineMetrics } from '../metrics/deadline-metrics';
import { ClockPolicies } from '../policy/clock-policy.service';
import { ClockSignal } from './clock-signal.entity';
import { DueSignal, dueSignals } from './due-signals';

export interface SweepResult {
  complaints: number;
  warnings: number;
  breaches: number;
}

/**
 * Publishes warnings and breaches as they fall due, through the outbox: the signal row (its key
 * unique per complaint) and the event commit together, so each is published exactly once even
 * when two instances sweep at the same time (rows are taken with SKIP LOCKED).
 */
@Injectable()
export class DeadlineSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<SweepResult>;
  private readonly log: Logger;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly policies: ClockPolicies,
    private readonly config: DeadlinesConfig,
    private readonly metrics: DeadlineMetrics,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'deadline-sweep' });
  }

  onApplicationBootstrap(): void {
    const every = this.config.DEADLINES_SWEEP_INTERVAL_MS;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      this.run().catch((err: unknown) =>
        this.log.error({ err: err instanceof Error ? err.message : String(err) }, 'sweep failed'),
      );
    }, every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One sweep over every complaint due for a look; concurrent calls share the running one. */
  run(): Promise<SweepResult> {
    this.running ??= this.sweep().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(): Promise<SweepResult> {
    const total: SweepResult = { complaints: 0, warnings: 0, breaches: 0 };
    for (;;) {
      const published: DueSignal[] = [];
      const batch = await this.unitOfWork.run((tx) => this.batch(tx, published));
      // Counted once committed: a rolled-back batch published nothing.
      for (const s of published) this.metrics.signalled(s.kind, s.clock.kind);
      total.complaints += batch.complaints;
      total.warnings += batch.warnings;
      total.breaches += batch.breaches;
      if (batch.complaints < this.config.DEADLINES_SWEEP_BATCH) break;
    }
    if (total.warnings + total.breaches > 0)
      this.log.info({ ...total }, 'deadline signals published');
    return total;
  }

  private async batch(tx: Transaction, published: DueSignal[]): Promise<SweepResult> {
    const now = this.clock.now();
    const rows = await tx.manager
      .createQueryBuilder(ComplaintClocksRow, 'c')
      .where('c.next_check_at <= :now', { now })
      .orderBy('c.next_check_at')
      .limit(this.config.DEADLINES_SWEEP_BATCH)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    const result: SweepResult = { complaints: rows.length, warnings: 0, breaches: 0 };
    for (const row of rows) {
      const check = dueSignals(this.policies.policy(row.policy), row.clocks, now);
      let breached = row.breached;
      for (const signal of check.due) {
        if (!(await this.publishOnce(tx, row, signal, now))) continue;
        if (signal.kind === 'breach') {
          breached = true;
          result.breaches++;
        } else result.warnings++;
        published.push(signal);
      }
      await tx.manager.update(
        ComplaintClocksRow,
        { complaintId: row.complaintId },
        { nextCheckAt: check.nextCheckAt ?? null, breached },
      );
    }
    return result;
  }

  /** Publishes the signal unless its key was published before; true when it was published now. */
  private async publishOnce(
    tx: Transaction,
    row: ComplaintClocksRow,
    signal: DueSignal,
    now: Date,
  ): Promise<boolean> {
    const common = {
      clockId: signal.clock.id,
      clock: signal.clock.kind,
      dueAt: signal.clock.dueAt as string,
      department: row.department,
      greenChannel: row.greenChannel,
      policy: row.policy,
    };
    const event =
      signal.kind === 'warning'
        ? createEnvelope({
            type: EVENT_TYPES.deadlineWarning,
            complaintId: row.complaintId,
            occurredAt: now,
            payload: {
              ...common,
              leadMinutes: signal.leadMinutes ?? 0,
              warnedAt: now.toISOString(),
            },
          })
        : createEnvelope({
            type: EVENT_TYPES.deadlineBreached,
            complaintId: row.complaintId,
            occurredAt: now,
            payload: { ...common, breachedAt: now.toISOString() },
          });
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(ClockSignal)
      .values({
        complaintId: row.complaintId,
        signalKey: signal.key,
        kind: signal.kind,
        clockKind: signal.clock.kind,
        department: row.department,
        eventId: event.eventId,
        publishedAt: now,
      })
      .orIgnore()
      .returning(['signalKey'])
      .execute();
    if (inserted.raw.length === 0) return false;
    tx.publish(event);
    return true;
  }
}
