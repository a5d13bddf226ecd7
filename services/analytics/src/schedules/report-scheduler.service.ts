import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { AnalyticsConfig } from '../config/analytics.config';
import { Period } from '../read-models/periods';
import { cjkFont, CjkFont, CjkFontMissingError } from '../reports/cjk-font';
import { ReportLanguage, reportHtml } from '../reports/report.html';
import { reportPdf } from '../reports/report.pdf';
import { ReportService } from '../reports/report.service';
import { duePeriods, SCHEDULE_KINDS, scheduleKinds } from './report-schedule';

export interface ScheduleRun {
  /** false when another instance held the schedule's lock: this one did nothing */
  ran: boolean;
  generated: { period: string; language: ReportLanguage }[];
}

/**
 * Generates the scheduled reports of every period that has closed since scheduling began, in
 * each configured language, and stores them. One instance works at a time (a session advisory
 * lock per schema); the key (period, language) makes a report stored once even so.
 */
@Injectable()
export class ReportScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<ScheduleRun>;
  private readonly log: Logger;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportService,
    private readonly clock: Clock,
    private readonly config: AnalyticsConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'report-scheduler' });
  }

  onApplicationBootstrap(): void {
    const every = this.config.REPORT_SCHEDULE_INTERVAL_MS;
    if (every <= 0 || !this.config.REPORT_SCHEDULES) return;
    this.timer = setInterval(() => {
      this.run().catch((err: unknown) =>
        this.log.error(
          { err: err instanceof Error ? err.message : String(err) },
          'schedule failed',
        ),
      );
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One look at the schedule; concurrent calls in this process share the running one. */
  run(): Promise<ScheduleRun> {
    this.running ??= this.look().finally(() => (this.running = undefined));
    return this.running;
  }

  private async look(): Promise<ScheduleRun> {
    const kinds = scheduleKinds(this.config.REPORT_SCHEDULES);
    if (kinds.length === 0) return { ran: true, generated: [] };
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = (await lock.query(
        `SELECT pg_try_advisory_lock(hashtext(current_schema() || '.report-schedule')) AS locked`,
      )) as { locked: boolean }[];
      if (!locked) return { ran: false, generated: [] };
      try {
        return { ran: true, generated: await this.generateDue(kinds) };
      } finally {
        await lock.query(
          `SELECT pg_advisory_unlock(hashtext(current_schema() || '.report-schedule'))`,
        );
      }
    } finally {
      await lock.release();
    }
  }

  private async generateDue(
    kinds: (keyof typeof SCHEDULE_KINDS)[],
  ): Promise<ScheduleRun['generated']> {
    const now = this.clock.now();
    await this.dataSource.query(
      `INSERT INTO report_schedule_start (id, started_at) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`,
      [now],
    );
    const [{ started_at: startedAt }] = (await this.dataSource.query(
      `SELECT started_at FROM report_schedule_start WHERE id = 1`,
    )) as { started_at: Date }[];
    const languages = [
      ...new Set(this.config.REPORT_SCHEDULE_LANGUAGES.split(',')),
    ] as ReportLanguage[];
    const stored = new Set(
      (
        (await this.dataSource.query(`SELECT period_id, language FROM scheduled_report`)) as {
          period_id: string;
          language: string;
        }[]
      ).map((r) => `${r.period_id}/${r.language}`),
    );
    const generated: ScheduleRun['generated'] = [];
    let font: CjkFont | null | undefined;
    for (const kind of kinds) {
      const due = duePeriods(
        SCHEDULE_KINDS[kind],
        startedAt,
        now,
        this.config.REPORT_SCHEDULE_DELAY_HOURS,
        this.config.REPORT_TIME_ZONE,
      );
      for (const period of due) {
        const missing = languages.filter((l) => !stored.has(`${period.id}/${l}`));
        if (missing.length === 0) continue;
        if (font === undefined) font = this.font();
        for (const language of missing) {
          if (await this.generate(period, language, font))
            generated.push({ period: period.id, language });
        }
      }
    }
    if (generated.length > 0) this.log.info({ generated }, 'scheduled reports generated');
    return generated;
  }

  /** Renders and stores one report; false when another instance stored it first. */
  private async generate(
    period: Period,
    language: ReportLanguage,
    font: CjkFont | null,
  ): Promise<boolean> {
    const report = await this.reports.report(period);
    const html = reportHtml(report, language);
    const pdf = font ? await reportPdf(report, language, font) : null;
    const rows = (await this.dataSource.query(
      `INSERT INTO scheduled_report
         (period_id, language, kind, period_from, period_to, generated_at, complaints, report, html, pdf)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (period_id, language) DO NOTHING
       RETURNING period_id`,
      [
        period.id,
        language,
        report.kind,
        period.from,
        period.to,
        report.generatedAt,
        report.volumes.received,
        JSON.stringify(report),
        html,
        pdf,
      ],
    )) as unknown[];
    return rows.length === 1;
  }

  /** The PDF's font, or null when none is installed: the page is stored, the PDF is not. */
  private font(): CjkFont | null {
    try {
      return cjkFont(this.config.REPORT_PDF_FONT);
    } catch (e) {
      if (!(e instanceof CjkFontMissingError)) throw e;
      this.log.warn({ reason: e.message }, 'scheduled reports stored without their PDF');
      return null;
    }
  }
}
