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
