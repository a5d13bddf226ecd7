import { DataSource } from 'typeorm';
import type { OutboxStats } from '../metrics/messaging-metrics';
import { inIndexOrder, quoteIdent, schemaOf } from '../sql';

export interface OutboxStatsOptions {
  /** rows; the backlog is counted exactly up to this many, 1..100000 */
  backlogCap?: number;
  /** also count outbox_parked_message (the relay's parked rows), up to the same cap */
  parked?: boolean;
}

/** rows: counted exactly below it, reported as "at least this many" at it */
export const DEFAULT_BACKLOG_CAP = 10_000;

/**
 * The outbox's numbers for /metrics, in one statement whose cost does not grow with the
 * backlog: both parts walk the pending rows' partial index (tx_id, id) WHERE sent_at IS NULL,
 * the relay's own read order, even with stale statistics (inIndexOrder). The backlog counts at most backlogCap + 1 entries: at the cap it
 * is reported as backlogCap with backlogCapped set (a lower bound, said so in the metric's
 * help), never an estimate passed off as a count. The age is that of the next row to publish
 * (the oldest transaction's), one index entry.
 */
export class OutboxStatsQuery {
  readonly statement: string;
  private readonly cap: number;

  constructor(
    private readonly dataSource: DataSource,
    options: OutboxStatsOptions = {},
  ) {
    const s = quoteIdent(schemaOf(dataSource));
    this.cap = options.backlogCap ?? DEFAULT_BACKLOG_CAP;
    const parked = options.parked
      ? `(SELECT count(*) FROM (SELECT 1 FROM ${s}.outbox_parked_message LIMIT $1) AS p)::int`
      : 'NULL::int';
    this.statement = `
      SELECT (SELECT count(*)
                FROM (SELECT 1 FROM ${s}.outbox_message
                       WHERE sent_at IS NULL ORDER BY tx_id, id LIMIT $1) AS pending)::int AS backlog,
             COALESCE((SELECT EXTRACT(EPOCH FROM now() - created_at)
                         FROM ${s}.outbox_message
                        WHERE sent_at IS NULL ORDER BY tx_id, id LIMIT 1), 0)::float8 AS oldest,
             ${parked} AS parked`;
  }

  async read(): Promise<OutboxStats> {
    const [row] = await inIndexOrder(this.dataSource, (m) =>
      m.query(this.statement, [this.cap + 1]),
    );
    const capped = row.backlog > this.cap;
    return {
      backlog: capped ? this.cap : row.backlog,
      backlogCapped: capped,
      oldestAgeSeconds: Math.max(0, row.oldest),
      ...(row.parked === null ? {} : { parked: Math.min(row.parked, this.cap) }),
    };
  }
}
