import { DataSource } from 'typeorm';
import { inIndexOrder } from '../sql';

/** One table retention keeps short: rows older than `retentionMs` by `column` go. */
export interface PruneTarget {
  /** the metrics' `table` label */
  name: 'outbox' | 'inbox';
  /** schema-qualified, quoted */
  table: string;
  /** a timestamptz column with an index that leads with it (a fixed name, never input) */
  column: string;
  /** ms, >= 0 */
  retentionMs: number;
  /** a fixed condition rows must also meet (the predicate of a partial index), never input */
  where?: string;
}

export interface PruneBatch {
  /** false: another instance is pruning this schema right now; nothing was deleted */
  held: boolean;
  deleted: number;
  /** the newest `column` value deleted, as PostgreSQL's text (full precision): where the next batch starts */
  upto?: string;
}

/** Where a run starts: before every row. */
export const FROM_THE_START = '-infinity';

/**
 * Deletes a target's expired rows in bounded batches. Each batch is one statement in a short
 * transaction of its own: it holds back no relay's horizon and no lock for long. It walks the
 * target's index from `after` (where the previous batch stopped, so it does not step over the
 * index entries it just left dead), even with stale statistics (inIndexOrder), and takes at
 * most `limit` rows, oldest first, deleted by their ctid. The transaction-scoped advisory lock keyed by the schema makes concurrent
 * instances take turns: one that finds it taken skips its run. Pruning twice would be
 * harmless anyway: a row deleted under a concurrent batch is skipped, never an error.
 */
export class TablePruner {
  /** One batch: $1 lock key, $2 after, $3 retention (ms), $4 limit. */
  readonly statement: string;

  constructor(
    private readonly dataSource: DataSource,
    readonly target: PruneTarget,
    private readonly lockKey: string,
  ) {
    const { table, column } = target;
    const where = target.where ? `AND ${target.where}` : '';
    this.statement = `
      WITH lock AS (SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS held),
           gone AS (
             DELETE FROM ${table}
              WHERE (SELECT held FROM lock)
                AND ctid = ANY(ARRAY(
                      SELECT ctid FROM ${table}
                       WHERE ${column} >= $2::timestamptz
                         AND ${column} < now() - make_interval(secs => $3::float8 / 1000)
                         ${where}
                       ORDER BY ${column}
                       LIMIT $4))
             RETURNING ${column} AS at)
      SELECT (SELECT held FROM lock) AS held, count(*)::int AS deleted, max(at)::text AS upto
        FROM gone`;
  }

  async pruneBatch(after: string, limit: number): Promise<PruneBatch> {
    const params = [this.lockKey, after, this.target.retentionMs, limit];
    const [row] = await inIndexOrder(this.dataSource, (m) => m.query(this.statement, params));
    return { held: row.held === true, deleted: row.deleted, upto: row.upto ?? undefined };
  }
}
