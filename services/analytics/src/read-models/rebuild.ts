import { Kafka, logLevel } from 'kafkajs';
import { QueryRunner } from 'typeorm';
import { EVENT_TYPES, TOPICS, validateEnvelope } from '@complaints/contracts';
import { RootCauseTaxonomy } from '../root-causes/root-cause.taxonomy';
import { ComplaintProjection, projectComplaint } from './complaint.projection';
import { LIVE_TABLES, ReadModelTables, writeProjections } from './read-model.writer';

/**
 * The rebuild's copies, in the service's own schema (service roles may not create temporary
 * tables: setup.ts revokes that from PUBLIC); unlogged, made afresh and dropped at the end.
 */
const REBUILD_TABLES: ReadModelTables = {
  facts: 'rebuild_complaint_fact',
  decisions: 'rebuild_decision_fact',
};

export interface RebuildOptions {
  brokers: string[];
  topicPrefix: string;
  timeZone: string;
  /** ms without progress before giving up */
  idleTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface RebuildResult {
  complaints: number;
  messages: number;
  /** messages that are not a valid archived record (the live consumer dead-letters them) */
  skipped: number;
  /** complaints the live consumer applied after the replay's end offsets, carried over */
  caughtUp: number;
}

/**
 * Replays complaints.archived.v1 from the beginning with a fresh consumer group, up to the end
 * offsets it finds at start, into copies of the read models (unlogged tables of its own); then, in one
 * transaction that holds the live tables' write lock, carries over complaints the running
 * service applied meanwhile and replaces the live tables' rows with the copies. Readers see
 * the old figures until the commit and the rebuilt ones after it.
 */
export async function rebuildReadModels(
  runner: QueryRunner,
  taxonomy: RootCauseTaxonomy,
  o: RebuildOptions,
): Promise<RebuildResult> {
  const query = (sql: string, params?: unknown[]) => runner.query(sql, params);
  const log = o.log ?? (() => undefined);
  const [{ locked }] = (await query(
    `SELECT pg_try_advisory_lock(hashtext(current_schema() || '.rebuild')) AS locked`,
  )) as {
    locked: boolean;
  }[];
  if (!locked) throw new Error('another rebuild of this schema is running');
  try {
    // The copies have their primary key (the upsert needs it) and no secondary index: each
    // would be maintained row by row for tables that are only read once, into the live ones.
    for (const [live, copy, key] of [
      [LIVE_TABLES.facts, REBUILD_TABLES.facts, 'complaint_id'],
      [LIVE_TABLES.decisions, REBUILD_TABLES.decisions, 'complaint_id, round'],
    ]) {
      await query(`DROP TABLE IF EXISTS ${copy}`);
      await query(
        `CREATE UNLOGGED TABLE ${copy} (LIKE ${live} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
      );
      await query(`ALTER TABLE ${copy} ADD PRIMARY KEY (${key})`);
    }
    return await replayAndSwap(runner, taxonomy, o, log);
  } finally {
    await query(`DROP TABLE IF EXISTS ${REBUILD_TABLES.decisions}, ${REBUILD_TABLES.facts}`).catch(
      () => undefined,
    );
    await query(`SELECT pg_advisory_unlock(hashtext(current_schema() || '.rebuild'))`).catch(
      () => undefined,
    );
  }
}

async function replayAndSwap(
  runner: QueryRunner,
  taxonomy: RootCauseTaxonomy,
  o: RebuildOptions,
  log: (line: string) => void,
): Promise<RebuildResult> {
  const query = (sql: string, params?: unknown[]) => runner.query(sql, params);

  const topic = o.topicPrefix + TOPICS.archived;
  const kafka = new Kafka({
    clientId: 'analytics-rebuild',
    brokers: o.brokers,
    logLevel: logLevel.ERROR,
  });
  const admin = kafka.admin();
  await admin.connect();
  const result: RebuildResult = { complaints: 0, messages: 0, skipped: 0, caughtUp: 0 };
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const remaining = new Map(
      ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]),
    );
    log(`replaying ${topic}: ${ends.length} partitions, ${remaining.size} with records`);
    if (remaining.size > 0) {
      const groupId = `${o.topicPrefix}analytics.rebuild-${Date.now()}`;
      const started = Date.now();
      let logged = started;
      // One write in flight on the connection while the next batch is parsed (PostgreSQL works
      // on the other core meanwhile); writes run in order on the one connection.
      let writing: Promise<unknown> = Promise.resolve();
      try {
        await replay(
          kafka,
          topic,
          groupId,
          remaining,
          o.idleTimeoutMs ?? 60_000,
          async (values) => {
            const projections: ComplaintProjection[] = [];
            for (const value of values) {
              const projection = parse(value, taxonomy, o.timeZone);
              if (projection) projections.push(projection);
              else result.skipped++;
            }
            result.messages += values.length;
            await writing;
            writing = writeProjections(query, projections, REBUILD_TABLES);
            // Not awaited here, but never left unhandled: the next batch (or the end) awaits it.
            writing.catch(() => undefined);
            if (Date.now() - logged >= 30_000) {
              logged = Date.now();
              log(`${result.messages} messages read in ${seconds(started)} s`);
            }
          },
          () => writing,
        );
        log(`replayed ${result.messages} messages into the copies in ${seconds(started)} s`);
      } finally {
        await admin.deleteGroups([groupId]).catch(() => undefined);
      }
    }
  } finally {
    await admin.disconnect();
  }

  await runner.startTransaction();
  try {
    await query(`LOCK TABLE ${LIVE_TABLES.facts}, ${LIVE_TABLES.decisions} IN EXCLUSIVE MODE`);
    const carried = (await query(
      `INSERT INTO ${REBUILD_TABLES.facts} SELECT l.* FROM ${LIVE_TABLES.facts} l
        WHERE NOT EXISTS (SELECT 1 FROM ${REBUILD_TABLES.facts} r WHERE r.complaint_id = l.complaint_id)
       RETURNING complaint_id`,
    )) as { complaint_id: string }[];
    result.caughtUp = carried.length;
    await query(
      `INSERT INTO ${REBUILD_TABLES.decisions} SELECT * FROM ${LIVE_TABLES.decisions}
        WHERE complaint_id = ANY($1::uuid[])`,
      [carried.map((r) => r.complaint_id)],
    );
    const swapStarted = Date.now();
    await query(`TRUNCATE ${LIVE_TABLES.decisions}, ${LIVE_TABLES.facts}`);
    // Secondary indexes are dropped and made again after the copy (one sorted build each
    // instead of a million single inserts); the primary keys stay. Within the transaction: on a
    // failure the indexes come back with the old rows.
    const indexes = (await query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                           WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace)`,
      [[LIVE_TABLES.facts, LIVE_TABLES.decisions]],
    )) as { indexname: string; indexdef: string }[];
    for (const index of indexes) await query(`DROP INDEX "${index.indexname}"`);
    await query(
      `INSERT INTO ${LIVE_TABLES.facts} SELECT * FROM ${REBUILD_TABLES.facts} ORDER BY received_on`,
    );
    await query(`INSERT INTO ${LIVE_TABLES.decisions} SELECT * FROM ${REBUILD_TABLES.decisions}`);
    for (const index of indexes) await query(index.indexdef);
    log(
      `replaced the live rows in ${seconds(swapStarted)} s (${indexes.length} secondary indexes rebuilt)`,
    );
    const [{ n }] = (await query(`SELECT count(*)::int AS n FROM ${LIVE_TABLES.facts}`)) as {
      n: number;
    }[];
    result.complaints = n;
    await runner.commitTransaction();
  } catch (err) {
    await runner.rollbackTransaction();
    throw err;
  }
  return result;
}

function parse(
  value: Buffer | null,
  taxonomy: RootCauseTaxonomy,
  timeZone: string,
): ComplaintProjection | undefined {
  if (!value) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString('utf8'));
  } catch {
    return undefined;
  }
  const result = validateEnvelope(raw, 'consume');
  if (!result.ok || result.envelope.type !== EVENT_TYPES.archived) return undefined;
  return projectComplaint(result.envelope.payload, result.envelope.eventId, taxonomy, timeZone);
}

/**
 * Reads every partition up to its end offset; `apply` gets each batch's values in order, and
 * `drained` is awaited (its writes finished) before the replay counts as done.
 */
async function replay(
  kafka: Kafka,
  topic: string,
  groupId: string,
  remaining: Map<number, number>,
  idleTimeoutMs: number,
  apply: (values: (Buffer | null)[]) => Promise<void>,
  drained: () => Promise<unknown>,
): Promise<void> {
  // Large fetches: a few thousand records a batch, so a statement carries many rows.
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: 30_000,
    maxBytesPerPartition: 16 * 1024 * 1024,
    maxBytes: 64 * 1024 * 1024,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (err?: unknown): void => {
        if (settled) return;
        settled = true;
        clearTimeout(idle);
        if (err === undefined) resolve();
        else reject(err instanceof Error ? err : new Error(String(err)));
      };
      const stalled = () => settle(new Error(`no progress for ${idleTimeoutMs} ms`));
      let idle = setTimeout(stalled, idleTimeoutMs);
      consumer
        .run({
          eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
            if (settled) return;
            const end = remaining.get(batch.partition);
            if (end === undefined) return;
            try {
              const wanted = batch.messages.filter((m) => Number(m.offset) < end);
              await apply(wanted.map((m) => m.value));
              for (const m of wanted) resolveOffset(m.offset);
              await heartbeat();
              clearTimeout(idle);
              idle = setTimeout(stalled, idleTimeoutMs);
              const last = batch.messages[batch.messages.length - 1];
              if (last && Number(last.offset) + 1 >= end) remaining.delete(batch.partition);
              if (remaining.size === 0) {
                await drained();
                settle();
              }
            } catch (err) {
              // A failed write fails the rebuild (the live tables are untouched), not a retry.
              settle(err);
            }
          },
        })
        .catch(settle);
    });
  } finally {
    await consumer.disconnect();
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
