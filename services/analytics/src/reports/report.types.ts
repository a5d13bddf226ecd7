import type { ImprovementAction } from '../actions/improvement-actions.service';
import { Hotspots, HotspotRow } from '../hotspots/hotspots.service';
import { Dimension } from '../hotspots/dimensions';
import { Period } from '../read-models/periods';
import { CauseCount } from '../root-causes/root-cause-counts.service';

/** Days, 2 decimals; null when nothing was measured. */
export interface DurationSummary {
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/** The periodic complaint report the plan asks for, over complaints received in the period. */
export interface ComplaintReport {
  kind: 'monthly' | 'quarterly' | 'yearly';
  period: Period;
  previousPeriod: Period;
  timeZone: string;
  generatedAt: string;
  taxonomyVersion: number;
  volumes: {
    received: number;
    previousReceived: number;
    change: number | null;
    significant: boolean;
    pValue: number;
    ratePer10k?: number;
    rates: string;
  };
  /** per dimension, every group with its change against the previous period */
  breakdowns: Record<Dimension, HotspotRow[]>;
  causes: CauseCount[];
  /** groups that rose more than chance would explain, the strongest first */
  hotspots: (HotspotRow & { dimension: Dimension })[];
  handling: {
    /** receipt to the first decision */
    daysToDecision: DurationSummary;
    /** receipt to closure */
    daysToClose: DurationSummary;
    greenChannel: number;
    classCorrected: number;
  };
  deadlines: { measured: number; met: number; breached: number; metRate: number | null };
  outcomes: { upheld: number; partially_upheld: number; rejected: number };
  satisfaction: {
    answered: number;
    meanRating: number | null;
    solved: number;
    closedSatisfied: number;
    closedNoFeedback: number;
    closedEscalated: number;
    satisfiedRate: number | null;
  };
  reopened: { complaints: number; rate: number | null };
  /**
   * Internal reviews: complaints whose customer asked for one (and their share of those
   * received), reviews decided, and those that overturned the reviewed decision.
   */
  reviews: {
    complaints: number;
    rate: number | null;
    decided: number;
    overturned: number;
    overturnRate: number | null;
  };
  /** improvement actions taken in the period, each with its cause's rate before and after */
  actions: ImprovementAction[];
  test: Hotspots['test'];
}
