import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Period } from '../read-models/periods';

export interface PerformanceRow {
  /** the handler's pseudonym, or the team (department) */
  unit: string;
  /** for a handler: the department of most of their complaints */
  team: string;
  decided: number;
  /** receipt to the first decision, days */
  meanDaysToDecision: number;
  deadlineMetRate: number;
  reopenRate: number;
  upheldRate: number;
  /** null without survey answers */
  meanRating: number | null;
  closedSatisfiedRate: number;
  /** decisions of the unit (any round) whose internal review was decided, in the period */
  reviewsDecided: number;
  /** of those, overturned by the review */
  reviewsOverturned: number;
  /** overturned / decided; null when none of the unit's decisions was reviewed */
  reviewOverturnRate: number | null;
}

/**
 * Handling results for incentives (the plan: assess handling results as part of performance):
 * complaints received in the period, credited to the handler of their last round. The review
 * overturn rate is the reviewed decision's own: a review of round 1 counts for round 1's
 * handler (and that handler's team), whoever handled the review round.
 */
@Injectable()
export class HandlerPerformanceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async performance(period: Period, by: 'handler' | 'team'): Promise<PerformanceRow[]> {
    const unit = by === 'handler' ? 'd.handler_ref' : 'f.department';
    const rows = (await this.dataSource.query(
      `SELECT ${unit} AS unit, mode() WITHIN GROUP (ORDER BY f.department) AS team, count(*)::int AS decided,
              round(avg(extract(epoch FROM f.first_decided_at - f.received_at) / 86400)::numeric, 2)::float8 AS days,
              round(avg(f.sla_met::int)::numeric, 4)::float8 AS met,
              round(avg((f.reopen_count > 0)::int)::numeric, 4)::float8 AS reopened,
              round(avg((f.final_outcome <> 'rejected')::int)::numeric, 4)::float8 AS upheld,
              round(avg(f.last_rating)::numeric, 2)::float8 AS rating,
              round(avg((f.resolution = 'satisfied')::int)::numeric, 4)::float8 AS satisfied
         FROM complaint_fact f
         JOIN decision_fact d ON d.complaint_id = f.complaint_id AND d.round = f.rounds
        WHERE f.received_on >= $1::date AND f.received_on < $2::date
        GROUP BY 1 ORDER BY 3 DESC, 1`,
      [period.from, period.to],
    )) as {
      unit: string;
      team: string;
      decided: number;
      days: number;
      met: number;
      reopened: number;
      upheld: number;
      rating: number | null;
      satisfied: number;
    }[];
    const reviewUnit = by === 'handler' ? 'd.handler_ref' : 'f.department';
    const reviews = (await this.dataSource.query(
      `SELECT ${reviewUnit} AS unit,
              count(*) FILTER (WHERE d.review_outcome IS NOT NULL)::int AS decided,
              count(*) FILTER (WHERE d.review_outcome = 'overturned')::int AS overturned
         FROM complaint_fact f
         JOIN decision_fact d ON d.complaint_id = f.complaint_id
        WHERE f.received_on >= $1::date AND f.received_on < $2::date AND d.review_requested
        GROUP BY 1`,
      [period.from, period.to],
    )) as { unit: string; decided: number; overturned: number }[];
    const reviewed = new Map(reviews.map((r) => [r.unit, r]));
    return rows.map((r) => ({
      unit: r.unit,
      team: r.team,
      decided: r.decided,
      meanDaysToDecision: r.days,
      deadlineMetRate: r.met,
      reopenRate: r.reopened,
      upheldRate: r.upheld,
      meanRating: r.rating,
      closedSatisfiedRate: r.satisfied,
      ...reviewFigures(reviewed.get(r.unit)),
    }));
  }
}

function reviewFigures(
  r: { decided: number; overturned: number } | undefined,
): Pick<PerformanceRow, 'reviewsDecided' | 'reviewsOverturned' | 'reviewOverturnRate'> {
  const decided = r?.decided ?? 0;
  const overturned = r?.overturned ?? 0;
  return {
    reviewsDecided: decided,
    reviewsOverturned: overturned,
    reviewOverturnRate: decided ? Math.round((overturned / decided) * 10_000) / 10_000 : null,
  };
}
