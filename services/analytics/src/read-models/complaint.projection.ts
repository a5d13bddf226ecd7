import type { ComplaintArchivedV1 } from '@complaints/contracts';
import { RootCauseTaxonomy } from '../root-causes/root-cause.taxonomy';
import { localDate } from './periods';

/** A `complaint_fact` row, column for column. */
export interface ComplaintFactRow {
  complaint_id: string;
  archived_event_id: string;
  received_at: string;
  received_on: string;
  channel: string;
  product_line: string;
  region: string | null;
  branch: string | null;
  category: string;
  subcategory: string;
  severity: string;
  priority: string;
  green_channel: boolean;
  department: string;
  class_corrected: boolean;
  decision_due_at: string;
  first_decided_at: string;
  sla_met: boolean;
  closed_at: string;
  resolution: string;
  final_outcome: string;
  reopen_count: number;
  rounds: number;
  root_cause_code: string | null;
  root_cause_source: string;
  compensation_minor: number | null;
  compensation_currency: string | null;
  feedback_count: number;
  last_rating: number | null;
  last_solved: boolean | null;
  sealed_at: string;
  /** the customer's age band, when the record carries one */
  age_band: string | null;
  vulnerable: boolean | null;
  /** internal reviews asked for, and those decided upholding or overturning the decision */
  review_requests: number;
  reviews_upheld: number;
  reviews_overturned: number;
}

/** A `decision_fact` row. */
export interface DecisionFactRow {
  complaint_id: string;
  round: number;
  outcome: string;
  handler_ref: string;
  root_cause_code: string | null;
  root_cause_source: string;
  decided_at: string;
  decided_on: string;
  compensation_minor: number | null;
  compensation_currency: string | null;
  /** whether the customer asked for an internal review of this round's decision */
  review_requested: boolean;
  /** the review's outcome: null while undecided or when none was asked for */
  review_outcome: 'upheld' | 'overturned' | null;
}

export interface ComplaintProjection {
  fact: ComplaintFactRow;
  decisions: DecisionFactRow[];
}

/**
 * The rows one sealed record contributes. Only codes, classes, times, outcomes and keyed
 * pseudonyms are kept: the subject and every explanation are read (to derive a cause) and
 * dropped. The complaint's cause is its last round's; compensation is the last round's offer.
 */
export function projectComplaint(
  record: ComplaintArchivedV1,
  archivedEventId: string,
  taxonomy: RootCauseTaxonomy,
  timeZone: string,
): ComplaintProjection {
  const decisions = [...record.decisions].sort((a, b) => a.round - b.round);
  const reviews = record.reviews ?? [];
  const rows: DecisionFactRow[] = decisions.map((d) => {
    const cause = taxonomy.resolve(d);
    // The round's last decided review (the contract allows one per round; the last counts).
    const ofRound = reviews.filter((r) => r.reviewedRound === d.round);
    const decided = ofRound.filter((r) => r.outcome !== undefined);
    return {
      complaint_id: record.complaintId,
      round: d.round,
      outcome: d.outcome,
      handler_ref: d.handlerId,
      root_cause_code: cause.code,
      root_cause_source: cause.source,
      decided_at: d.decidedAt,
      decided_on: localDate(d.decidedAt, timeZone),
      compensation_minor: d.compensation?.amountMinor ?? null,
      compensation_currency: d.compensation?.currency ?? null,
      review_requested: ofRound.length > 0,
      review_outcome: decided[decided.length - 1]?.outcome ?? null,
    };
  });
  const last = rows[rows.length - 1];
  const answers = [...record.feedback].sort(
    (a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt),
  );
  const lastAnswer = answers[answers.length - 1];
  const c = record.complaint;
  const k = record.classification;
  return {
    fact: {
      complaint_id: record.complaintId,
      archived_event_id: archivedEventId,
      received_at: c.receivedAt,
      received_on: localDate(c.receivedAt, timeZone),
      channel: c.channel,
      product_line: c.productLine,
      region: c.region ?? null,
      branch: c.branch ?? null,
      category: k.category,
      subcategory: k.subcategory,
      severity: k.severity,
      priority: k.priority,
      green_channel: k.greenChannel,
      department: k.department,
      class_corrected: k.corrected === true,
      decision_due_at: record.sla.decisionDueAt,
      first_decided_at: record.sla.decidedAt,
      sla_met: record.sla.met,
      closed_at: record.closure.closedAt,
      resolution: record.closure.resolution,
      final_outcome: record.closure.finalOutcome,
      reopen_count: record.closure.reopenCount,
      rounds: rows.length,
      root_cause_code: last.root_cause_code,
      root_cause_source: last.root_cause_source,
      compensation_minor: last.compensation_minor,
      compensation_currency: last.compensation_currency,
      feedback_count: answers.length,
      last_rating: lastAnswer?.rating ?? null,
      last_solved: lastAnswer?.solved ?? null,
      sealed_at: record.sealedAt,
      age_band: c.customerSegment?.ageBand ?? null,
      vulnerable: c.customerSegment?.vulnerable ?? null,
      review_requests: reviews.length,
      reviews_upheld: reviews.filter((r) => r.outcome === 'upheld').length,
      reviews_overturned: reviews.filter((r) => r.outcome === 'overturned').length,
    },
    decisions: rows,
  };
}
