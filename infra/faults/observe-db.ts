import { Pool } from 'pg';
import { serviceDatabase } from '../postgres/services';
import { InboxRow, TableDuplicate } from './checks';
import { SERVICES } from './stack';

/** The schemas of the services the fault stack runs (others exist but hold no tables there). */
const SCHEMAS = SERVICES.map((s) => serviceDatabase(s).schema);

/**
 * Groups of rows in the services' own tables that should each be one row, with the unique key
 * that says so (from the services' migrations). Most are also unique constraints today: the
 * count proves the constraint held under the fault, and keeps proving it if one is dropped.
 * $1: the scenario's complaint ids (uuid[]), or its externalReference prefix (LIKE pattern) for byPrefix.
 */
const DUPLICATE_QUERIES: { what: string; sql: string; byPrefix?: boolean }[] = [
  {
    what: 'intake.complaint per caller reference',
    sql: `SELECT caller_system || ' ' || external_reference AS key, count(*)::int AS n
            FROM intake.complaint WHERE external_reference LIKE $1 GROUP BY 1`,
    byPrefix: true,
  },
  {
    what: 'classification.classification per complaint',
    sql: `SELECT complaint_id::text AS key, count(*)::int AS n
            FROM classification.classification WHERE complaint_id = ANY($1::uuid[]) GROUP BY 1`,
  },
  {
    what: 'investigation.complaint_case per complaint',
    sql: `SELECT complaint_id::text AS key, count(*)::int AS n
            FROM investigation.complaint_case WHERE complaint_id = ANY($1::uuid[]) GROUP BY 1`,
  },
  {
    what: 'investigation.case_decision per complaint and round',
    sql: `SELECT c.complaint_id::text || ' round ' || d.round AS key, count(*)::int AS n
            FROM investigation.case_decision d JOIN investigation.complaint_case c ON c.id = d.case_id
           WHERE c.complaint_id = ANY($1::uuid[]) GROUP BY c.complaint_id, d.round`,
  },
  {
    what: 'feedback.response (letter) per complaint and round',
    sql: `SELECT complaint_id::text || ' round ' || round AS key, count(*)::int AS n
            FROM feedback.response WHERE complaint_id = ANY($1::uuid[]) GROUP BY complaint_id, round`,
  },
  {
    what: 'feedback.survey (answer) per complaint and round',
    sql: `SELECT complaint_id::text || ' round ' || round AS key, count(*)::int AS n
            FROM feedback.survey WHERE complaint_id = ANY($1::uuid[]) GROUP BY complaint_id, round`,
  },
  {
    what: 'archive.sealed_record per complaint',
    sql: `SELECT complaint_id::text AS key, count(*)::int AS n
            FROM archive.sealed_record WHERE complaint_id = ANY($1::uuid[]) GROUP BY 1`,
  },
  {
    // Two timeline entries of one type caused by the same event (and for the same round) are
    // one lifecycle step recorded twice under different event ids.
    what: 'archive.timeline_event per complaint, type, round and cause',
    sql: `SELECT complaint_id::text || ' ' || type || ' round ' ||
                 coalesce(payload->>'round', payload->>'reopenCount', '-') || ' cause ' ||
                 coalesce(causation_id::text, '-') AS key, count(*)::int AS n
            FROM archive.timeline_event WHERE complaint_id = ANY($1::uuid[])
           GROUP BY complaint_id, type, payload->>'round', payload->>'reopenCount', causation_id`,
  },
];

/** Reads every service's schema on the private cluster, as its superuser. */
export class DbObserver {
  private readonly pool: Pool;

  constructor(adminDatabaseUrl: string) {
    this.pool = new Pool({
      connectionString: adminDatabaseUrl,
      max: 3,
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 5000,
      statement_timeout: 15_000,
      query_timeout: 20_000,
    });
    // A pooled connection dropped by a database restart must not crash the suite.
    this.pool.on('error', () => undefined);
  }

  /** Rows not yet published, per schema (`outbox_message WHERE sent_at IS NULL`). */
  async pendingOutbox(): Promise<Record<string, number>> {
    const sql = SCHEMAS.map(
      (s) =>
        `SELECT '${s}' AS schema, count(*)::int AS n FROM ${s}.outbox_message WHERE sent_at IS NULL`,
    ).join(' UNION ALL ');
    const { rows } = await this.pool.query<{ schema: string; n: number }>(sql);
    return Object.fromEntries(rows.map((r) => [r.schema, r.n]));
  }

  /** Bytes of intake's pending received events, per complaint id (the backlog scenario). */
  async pendingIntakeBytes(): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ key: string; bytes: number }>(
      `SELECT message_key AS key, octet_length(payload)::int AS bytes
         FROM intake.outbox_message WHERE sent_at IS NULL`,
    );
    return new Map(rows.map((r) => [r.key, r.bytes]));
  }

  async duplicates(complaintIds: string[], refPrefix: string): Promise<TableDuplicate[]> {
    const out: TableDuplicate[] = [];
    for (const q of DUPLICATE_QUERIES) {
      const param = q.byPrefix ? `${refPrefix.replace(/[\\%_]/g, '\\$&')}%` : complaintIds;
      const { rows } = await this.pool.query<{ key: string; n: number }>(q.sql, [param]);
      for (const r of rows) if (r.n > 1) out.push({ what: q.what, key: r.key, count: r.n });
    }
    return out;
  }

  /** The inbox rows of these events, in every schema. */
  async inbox(eventIds: string[]): Promise<InboxRow[]> {
    if (!eventIds.length) return [];
    const out: InboxRow[] = [];
    for (const s of SCHEMAS) {
      const { rows } = await this.pool.query<InboxRow>(
        `SELECT consumer_group AS "group", topic, kafka_partition AS partition,
                kafka_offset::text AS offset, event_id::text AS "eventId",
                (extract(epoch FROM processed_at) * 1000000)::bigint::text AS "processedUs"
           FROM ${s}.inbox_message WHERE event_id = ANY($1::uuid[])`,
        [eventIds],
      );
      out.push(...rows);
    }
    return out;
  }

  /** Complaint ids that have a sealed record in the archive schema. */
  async sealed(complaintIds: string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT complaint_id::text AS id FROM archive.sealed_record WHERE complaint_id = ANY($1::uuid[])`,
      [complaintIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
