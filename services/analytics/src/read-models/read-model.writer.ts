import { ComplaintProjection } from './complaint.projection';

export type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** The tables the rows go to: the live read models, or a rebuild's copies. */
export interface ReadModelTables {
  facts: string;
  decisions: string;
}

export const LIVE_TABLES: ReadModelTables = { facts: 'complaint_fact', decisions: 'decision_fact' };

/** How many read models there are (the rebuild's last line counts them). */
export const READ_MODEL_COUNT = Object.keys(LIVE_TABLES).length;

const FACT_UPDATE = [
  'archived_event_id',
  'received_at',
  'received_on',
  'channel',
  'product_line',
  'region',
  'branch',
  'category',
  'subcategory',
  'severity',
  'priority',
  'green_channel',
  'department',
  'class_corrected',
  'decision_due_at',
  'first_decided_at',
  'sla_met',
  'closed_at',
  'resolution',
  'final_outcome',
  'reopen_count',
  'rounds',
  'root_cause_code',
  'root_cause_source',
  'compensation_minor',
  'compensation_currency',
  'feedback_count',
  'last_rating',
  'last_solved',
  'sealed_at',
  'age_band',
  'vulnerable',
  'review_requests',
  'reviews_upheld',
  'reviews_overturned',
]
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/**
 * Writes projections in three statements whatever their number. A complaint's row is replaced
 * only by a record sealed at the same time or later (a replay of an older record changes
 * nothing), and its decision rows with it. Idempotent: writing the same projections twice
 * leaves the same rows.
 */
export async function writeProjections(
  query: Query,
  projections: readonly ComplaintProjection[],
  tables: ReadModelTables = LIVE_TABLES,
): Promise<number> {
  if (projections.length === 0) return 0;
  // One row per complaint and statement: the latest seal of the batch.
  const latest = new Map<string, ComplaintProjection>();
  for (const p of projections) {
    const seen = latest.get(p.fact.complaint_id);
    if (!seen || Date.parse(p.fact.sealed_at) >= Date.parse(seen.fact.sealed_at))
      latest.set(p.fact.complaint_id, p);
  }
  const batch = [...latest.values()];
  const written = (await query(
    `INSERT INTO ${tables.facts}
     SELECT * FROM jsonb_populate_recordset(NULL::${tables.facts}, $1::jsonb)
     ON CONFLICT (complaint_id) DO UPDATE SET ${FACT_UPDATE}
       WHERE excluded.sealed_at >= ${tables.facts}.sealed_at
     RETURNING complaint_id`,
    [JSON.stringify(batch.map((p) => p.fact))],
  )) as { complaint_id: string }[];
  const ids = new Set(written.map((r) => r.complaint_id));
  if (ids.size === 0) return 0;
  await query(`DELETE FROM ${tables.decisions} WHERE complaint_id = ANY($1::uuid[])`, [[...ids]]);
  await query(
    `INSERT INTO ${tables.decisions}
     SELECT * FROM jsonb_populate_recordset(NULL::${tables.decisions}, $1::jsonb)`,
    [JSON.stringify(batch.filter((p) => ids.has(p.fact.complaint_id)).flatMap((p) => p.decisions))],
  );
  return ids.size;
}
