import { ComplaintFactRow, ComplaintProjection, DecisionFactRow } from './complaint.projection';

export type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** The tables the rows go to: the live read models, or a rebuild's copies. */
export interface ReadModelTables {
  facts: string;
  decisions: string;
}

export const LIVE_TABLES: ReadModelTables = { facts: 'complaint_fact', decisions: 'decision_fact' };

/** How many read models there are (the rebuild's last line counts them). */
export const READ_MODEL_COUNT = Object.keys(LIVE_TABLES).length;

/** complaint_fact's columns and their PostgreSQL types (every field of the row, enforced). */
const FACT_TYPES: Record<keyof ComplaintFactRow, string> = {
  complaint_id: 'uuid',
  archived_event_id: 'uuid',
  received_at: 'timestamptz',
  received_on: 'date',
  channel: 'text',
  product_line: 'text',
  region: 'text',
  branch: 'text',
  category: 'text',
  subcategory: 'text',
  severity: 'text',
  priority: 'text',
  green_channel: 'boolean',
  department: 'text',
  class_corrected: 'boolean',
  decision_due_at: 'timestamptz',
  first_decided_at: 'timestamptz',
  sla_met: 'boolean',
  closed_at: 'timestamptz',
  resolution: 'text',
  final_outcome: 'text',
  reopen_count: 'integer',
  rounds: 'integer',
  root_cause_code: 'text',
  root_cause_source: 'text',
  compensation_minor: 'bigint',
  compensation_currency: 'text',
  feedback_count: 'integer',
  last_rating: 'integer',
  last_solved: 'boolean',
  sealed_at: 'timestamptz',
  age_band: 'text',
  vulnerable: 'boolean',
  review_requests: 'integer',
  reviews_upheld: 'integer',
  reviews_overturned: 'integer',
};

const DECISION_TYPES: Record<keyof DecisionFactRow, string> = {
  complaint_id: 'uuid',
  round: 'integer',
  outcome: 'text',
  handler_ref: 'text',
  root_cause_code: 'text',
  root_cause_source: 'text',
  decided_at: 'timestamptz',
  decided_on: 'date',
  compensation_minor: 'bigint',
  compensation_currency: 'text',
  review_requested: 'boolean',
  review_outcome: 'text',
};

const FACT_UPDATE = Object.keys(FACT_TYPES)
  .filter((c) => c !== 'complaint_id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/**
 * `INSERT INTO table (columns) SELECT * FROM unnest($1::type[], ...)`: one array parameter per
 * column, whatever the number of rows (a third faster than a JSON document of the rows).
 */
function insertRows<R extends object>(
  table: string,
  types: Record<keyof R, string>,
  rows: readonly R[],
): { sql: string; params: unknown[] } {
  const columns = Object.keys(types) as (keyof R & string)[];
  return {
    sql:
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(` +
      columns.map((c, i) => `$${i + 1}::${types[c]}[]`).join(', ') +
      ')',
    params: columns.map((c) => rows.map((r) => r[c])),
  };
}

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
  const facts = insertRows(
    tables.facts,
    FACT_TYPES,
    batch.map((p) => p.fact),
  );
  const written = (await query(
    `${facts.sql}
     ON CONFLICT (complaint_id) DO UPDATE SET ${FACT_UPDATE}
       WHERE excluded.sealed_at >= ${tables.facts}.sealed_at
     RETURNING complaint_id`,
    facts.params,
  )) as { complaint_id: string }[];
  const ids = new Set(written.map((r) => r.complaint_id));
  if (ids.size === 0) return 0;
  await query(`DELETE FROM ${tables.decisions} WHERE complaint_id = ANY($1::uuid[])`, [[...ids]]);
  const decisions = insertRows(
    tables.decisions,
    DECISION_TYPES,
    batch.filter((p) => ids.has(p.fact.complaint_id)).flatMap((p) => p.decisions),
  );
  await query(decisions.sql, decisions.params);
  return ids.size;
}
