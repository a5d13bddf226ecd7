import { BenchContext } from './bench-context';

/** What the database did over a window: transactions (each statement outside one counts as one) and rows. */
export interface PostgresActivity {
  transactions: number;
  rollbacks: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsDeleted: number;
  /** rows read by scans and index lookups */
  rowsRead: number;
}

type Counters = PostgresActivity;

/**
 * Snapshots pg_stat_database of the services' database: the difference between two tells how
 * many round trips' worth of transactions a run cost. The counters are the whole database's,
 * other users included, and are flushed about once a second, so short windows are approximate.
 */
export async function postgresCounters(ctx: BenchContext): Promise<Counters> {
  const [row] = await ctx.sql<Record<string, string>>(
    `SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_returned + tup_fetched AS tup_read
       FROM pg_stat_database WHERE datname = current_database()`,
  );
  return {
    transactions: Number(row['xact_commit']),
    rollbacks: Number(row['xact_rollback']),
    rowsInserted: Number(row['tup_inserted']),
    rowsUpdated: Number(row['tup_updated']),
    rowsDeleted: Number(row['tup_deleted']),
    rowsRead: Number(row['tup_read']),
  };
}

export function activityBetween(a: Counters, b: Counters): PostgresActivity {
  return {
    transactions: b.transactions - a.transactions,
    rollbacks: b.rollbacks - a.rollbacks,
    rowsInserted: b.rowsInserted - a.rowsInserted,
    rowsUpdated: b.rowsUpdated - a.rowsUpdated,
    rowsDeleted: b.rowsDeleted - a.rowsDeleted,
    rowsRead: b.rowsRead - a.rowsRead,
  };
}

/** Reads per table of some schemas: where the database's rows-read go. */
export interface TableReads {
  table: string;
  seqScans: number;
  rowsBySeqScan: number;
  indexScans: number;
  rowsByIndex: number;
}

export async function tableCounters(ctx: BenchContext, schemas: string[]): Promise<TableReads[]> {
  const rows = await ctx.sql<{
    schemaname: string;
    relname: string;
    seq_scan: string;
    seq_tup_read: string;
    idx_scan: string | null;
    idx_tup_fetch: string | null;
  }>(
    `SELECT schemaname, relname, seq_scan, seq_tup_read, idx_scan, idx_tup_fetch
       FROM pg_stat_user_tables WHERE schemaname = ANY($1)`,
    [schemas],
  );
  return rows.map((r) => ({
    table: `${r.schemaname}.${r.relname}`,
    seqScans: Number(r.seq_scan),
    rowsBySeqScan: Number(r.seq_tup_read),
    indexScans: Number(r.idx_scan ?? 0),
    rowsByIndex: Number(r.idx_tup_fetch ?? 0),
  }));
}

/** The tables read most between two snapshots, by rows read, schema names shortened by `shorten`. */
export function topTableReads(
  a: TableReads[],
  b: TableReads[],
  shorten: (table: string) => string,
  top = 6,
): TableReads[] {
  const before = new Map(a.map((t) => [t.table, t]));
  return b
    .map((t) => {
      const p = before.get(t.table);
      return {
        table: shorten(t.table),
        seqScans: t.seqScans - (p?.seqScans ?? 0),
        rowsBySeqScan: t.rowsBySeqScan - (p?.rowsBySeqScan ?? 0),
        indexScans: t.indexScans - (p?.indexScans ?? 0),
        rowsByIndex: t.rowsByIndex - (p?.rowsByIndex ?? 0),
      };
    })
    .sort((x, y) => y.rowsBySeqScan + y.rowsByIndex - (x.rowsBySeqScan + x.rowsByIndex))
    .slice(0, top);
}
