/** One pass over a period's complaint facts for the report's figures ($1 from, $2 to). */
export const REPORT_SUMMARY_SQL = `
  WITH f AS (
    SELECT *, extract(epoch FROM first_decided_at - received_at) / 86400 AS to_decision,
              extract(epoch FROM closed_at - received_at) / 86400 AS to_close
      FROM complaint_fact WHERE received_on >= $1::date AND received_on < $2::date)
  SELECT count(*)::int AS received,
         count(*) FILTER (WHERE sla_met)::int AS sla_met,
         round(avg(to_decision)::numeric, 2)::float8 AS decision_mean,
         round((percentile_cont(0.5) WITHIN GROUP (ORDER BY to_decision))::numeric, 2)::float8 AS decision_median,
         round((percentile_cont(0.9) WITHIN GROUP (ORDER BY to_decision))::numeric, 2)::float8 AS decision_p90,
         round(avg(to_close)::numeric, 2)::float8 AS close_mean,
         round((percentile_cont(0.5) WITHIN GROUP (ORDER BY to_close))::numeric, 2)::float8 AS close_median,
         round((percentile_cont(0.9) WITHIN GROUP (ORDER BY to_close))::numeric, 2)::float8 AS close_p90,
         count(*) FILTER (WHERE green_channel)::int AS green_channel,
         count(*) FILTER (WHERE class_corrected)::int AS class_corrected,
         count(*) FILTER (WHERE final_outcome = 'upheld')::int AS upheld,
         count(*) FILTER (WHERE final_outcome = 'partially_upheld')::int AS partially_upheld,
         count(*) FILTER (WHERE final_outcome = 'rejected')::int AS rejected,
         count(last_rating)::int AS answered,
         round(avg(last_rating)::numeric, 2)::float8 AS mean_rating,
         count(*) FILTER (WHERE last_solved)::int AS solved,
         count(*) FILTER (WHERE resolution = 'satisfied')::int AS satisfied,
         count(*) FILTER (WHERE resolution = 'no_feedback')::int AS no_feedback,
         count(*) FILTER (WHERE resolution = 'escalated')::int AS escalated,
         count(*) FILTER (WHERE reopen_count > 0)::int AS reopened,
         count(*) FILTER (WHERE review_requests > 0)::int AS reviewed,
         coalesce(sum(reviews_upheld + reviews_overturned), 0)::int AS reviews_decided,
         coalesce(sum(reviews_overturned), 0)::int AS reviews_overturned
    FROM f`;

export interface ReportSummaryRow {
  received: number;
  sla_met: number;
  decision_mean: number | null;
  decision_median: number | null;
  decision_p90: number | null;
  close_mean: number | null;
  close_median: number | null;
  close_p90: number | null;
  green_channel: number;
  class_corrected: number;
  upheld: number;
  partially_upheld: number;
  rejected: number;
  answered: number;
  mean_rating: number | null;
  solved: number;
  satisfied: number;
  no_feedback: number;
  escalated: number;
  reopened: number;
  /** complaints with an internal review asked for */
  reviewed: number;
  reviews_decided: number;
  reviews_overturned: number;
}
