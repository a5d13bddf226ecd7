import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { CLOCK_KINDS } from '@complaints/contracts';
import { MessagingMetrics } from '@complaints/messaging';
import { Clock } from '@complaints/platform';

const SIGNAL_KINDS = ['warning', 'breach'] as const;
/** Time-left buckets of open clocks, in the order operators read them. */
const TIME_LEFT = ['overdue', 'under_1d', 'under_3d', 'over_3d'] as const;

/**
 * Operators' figures, without personal data: labels are clock kinds, departments and buckets
 * only. Counters exist at 0 from start-up for every clock kind; the gauges are read from the
 * schema at scrape time, so they hold across restarts and instances.
 */
@Injectable()
export class DeadlineMetrics {
  private readonly signals: Counter<'kind' | 'clock'>;
  private readonly lastSweep: Gauge;

  constructor(metrics: MessagingMetrics, dataSource: DataSource, clock: Clock) {
    const registers = [metrics.registry];
    this.signals = new Counter({
      name: 'complaints_deadline_signals_published_total',
      help: 'Deadline warnings and breaches this instance published, by kind and clock',
      labelNames: ['kind', 'clock'],
      registers,
    });
    for (const kind of SIGNAL_KINDS)
      for (const c of CLOCK_KINDS) this.signals.inc({ kind, clock: c }, 0);
    this.lastSweep = new Gauge({
      name: 'complaints_deadline_last_sweep_timestamp_seconds',
      help: 'Unix time (s) the last sweep for warnings and breaches finished; 0 before the first',
      registers,
    });
    this.lastSweep.set(0);

    new Gauge({
      name: 'complaints_deadline_open_clocks',
      help: 'Watched clocks still counting, by clock, department and time left (paused: not counted)',
      labelNames: ['clock', 'department', 'time_left'],
      registers,
      async collect() {
        this.reset();
        for (const c of CLOCK_KINDS)
          for (const t of TIME_LEFT) this.set({ clock: c, department: 'all', time_left: t }, 0);
        const rows: { clock: string; department: string; time_left: string; n: string }[] =
          await dataSource.query(
            `SELECT c->>'kind' AS clock, cc.department, CASE
                WHEN (c->>'dueAt')::timestamptz <= $1 THEN 'overdue'
                WHEN (c->>'dueAt')::timestamptz <= $1 + interval '1 day' THEN 'under_1d'
                WHEN (c->>'dueAt')::timestamptz <= $1 + interval '3 days' THEN 'under_3d'
                ELSE 'over_3d' END AS time_left, count(*) AS n
             FROM complaint_clocks cc, jsonb_array_elements(cc.clocks->'clocks') c
             WHERE cc.state = 'open' AND c->>'status' = 'open' AND (c->>'watched')::boolean
             GROUP BY 1, 2, 3`,
            [clock.now()],
          );
        const totals = new Map<string, number>();
        for (const r of rows) {
          this.set(
            { clock: r.clock, department: r.department, time_left: r.time_left },
            Number(r.n),
          );
          const key = `${r.clock}|${r.time_left}`;
          totals.set(key, (totals.get(key) ?? 0) + Number(r.n));
        }
        for (const [key, n] of totals) {
          const [c, t] = key.split('|');
          this.set({ clock: c, department: 'all', time_left: t }, n);
        }
      },
    });

    new Gauge({
      name: 'complaints_deadline_signals',
      help: 'Deadline warnings and breaches ever published, by kind, clock and department',
      labelNames: ['kind', 'clock', 'department'],
      registers,
      async collect() {
        this.reset();
        for (const kind of SIGNAL_KINDS)
          for (const c of CLOCK_KINDS) this.set({ kind, clock: c, department: 'all' }, 0);
        const rows: { kind: string; clock: string; department: string; n: string }[] =
          await dataSource.query(
            `SELECT kind, clock_kind AS clock, department, count(*) AS n FROM clock_signal GROUP BY 1, 2, 3`,
          );
        for (const r of rows) {
          this.set({ kind: r.kind, clock: r.clock, department: r.department }, Number(r.n));
          this.inc({ kind: r.kind, clock: r.clock, department: 'all' }, Number(r.n));
        }
      },
    });

    new Gauge({
      name: 'complaints_deadline_met_ratio',
      help: 'Share of decision and review clocks met by their deadline, of those met, by department (1 when none)',
      labelNames: ['department'],
      registers,
      async collect() {
        this.reset();
        const rows: { department: string; on_time: string; met: string }[] = await dataSource.query(
          `SELECT cc.department,
                  count(*) FILTER (WHERE (c->>'metAt')::timestamptz <= (c->>'dueAt')::timestamptz) AS on_time,
                  count(*) AS met
           FROM complaint_clocks cc, jsonb_array_elements(cc.clocks->'clocks') c
           WHERE c->>'status' = 'met' AND c->>'kind' IN ('decision', 'review')
           GROUP BY 1`,
        );
        let onTime = 0;
        let met = 0;
        for (const r of rows) {
          this.set({ department: r.department }, Number(r.on_time) / Math.max(1, Number(r.met)));
          onTime += Number(r.on_time);
          met += Number(r.met);
        }
        this.set({ department: 'all' }, met === 0 ? 1 : onTime / met);
      },
    });
  }

  /** At the service's clock, so tests that move time see it move. */
  swept(at: Date): void {
    this.lastSweep.set(at.getTime() / 1000);
  }

  signalled(kind: 'warning' | 'breach', clock: string): void {
    this.signals.inc({ kind, clock });
  }
}
