import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@complaints/platform';
import { ImprovementActionsService } from '../actions/improvement-actions.service';
import { AnalyticsConfig } from '../config/analytics.config';
import { Dimension, DIMENSION_NAMES } from '../hotspots/dimensions';
import { HotspotRow, Hotspots, HotspotsService } from '../hotspots/hotspots.service';
import { Period } from '../read-models/periods';
import { RootCauseCountsService } from '../root-causes/root-cause-counts.service';
import { REPORT_SUMMARY_SQL, ReportSummaryRow } from './report-summary.query';
import { ComplaintReport } from './report.types';

/** days compared on each side of an action taken in the period */
const REPORT_ACTION_WINDOW_DAYS = 90;

const KIND = { month: 'monthly', quarter: 'quarterly', year: 'yearly' } as const;

/** The periodic complaint report, computed on demand from the read models. */
@Injectable()
export class ReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hotspots: HotspotsService,
    private readonly causes: RootCauseCountsService,
    private readonly actions: ImprovementActionsService,
    private readonly clock: Clock,
    private readonly config: AnalyticsConfig,
  ) {}

  async report(period: Period): Promise<ComplaintReport> {
    const [summaryRows, causes, actions, ...byDimension] = await Promise.all([
      this.dataSource.query(REPORT_SUMMARY_SQL, [period.from, period.to]) as Promise<
        ReportSummaryRow[]
      >,
      this.causes.counts(period),
      this.actions.list(REPORT_ACTION_WINDOW_DAYS, period),
      ...DIMENSION_NAMES.map((d) => this.hotspots.hotspots(d, period)),
    ]);
    const s = summaryRows[0];
    const first = byDimension[0] as Hotspots;
    const breakdowns = Object.fromEntries(
      (byDimension as Hotspots[]).map((h) => [h.dimension, h.rows]),
    ) as Record<Dimension, HotspotRow[]>;
    const rate = (n: number, of: number) => (of ? Math.round((n / of) * 10_000) / 10_000 : null);
    const total = first.total;
    return {
      kind: KIND[period.kind],
      period,
      previousPeriod: first.previousPeriod,
      timeZone: this.config.REPORT_TIME_ZONE,
      generatedAt: this.clock.now().toISOString(),
      taxonomyVersion: causes.taxonomyVersion,
      volumes: {
        received: total.count,
        previousReceived: total.previousCount,
        change: total.change,
        significant: total.significant,
        pValue: total.pValue,
        ...(total.ratePer10k !== undefined ? { ratePer10k: total.ratePer10k } : {}),
        rates:
          total.ratePer10k !== undefined
            ? 'per 10,000 policies in force (all product lines)'
            : `no policy counts loaded for ${period.id}: counts only`,
      },
      breakdowns,
      causes: causes.causes,
      hotspots: (byDimension as Hotspots[])
        .flatMap((h) => h.rows.map((r) => ({ ...r, dimension: h.dimension })))
        .filter((r) => r.significant && r.z > 0 && r.value !== null)
        .sort((a, b) => b.z - a.z)
        .slice(0, this.config.REPORT_HOTSPOTS),
      handling: {
        daysToDecision: { mean: s.decision_mean, median: s.decision_median, p90: s.decision_p90 },
        daysToClose: { mean: s.close_mean, median: s.close_median, p90: s.close_p90 },
        greenChannel: s.green_channel,
        classCorrected: s.class_corrected,
      },
      deadlines: {
        measured: s.received,
        met: s.sla_met,
        breached: s.received - s.sla_met,
        metRate: rate(s.sla_met, s.received),
      },
      outcomes: { upheld: s.upheld, partially_upheld: s.partially_upheld, rejected: s.rejected },
      satisfaction: {
        answered: s.answered,
        meanRating: s.mean_rating,
        solved: s.solved,
        closedSatisfied: s.satisfied,
        closedNoFeedback: s.no_feedback,
        closedEscalated: s.escalated,
        satisfiedRate: rate(s.satisfied, s.received),
      },
      reopened: { complaints: s.reopened, rate: rate(s.reopened, s.received) },
      reviews: {
        complaints: s.reviewed,
        rate: rate(s.reviewed, s.received),
        decided: s.reviews_decided,
        overturned: s.reviews_overturned,
        overturnRate: rate(s.reviews_overturned, s.reviews_decided),
      },
      actions,
      test: first.test,
    };
  }
}
