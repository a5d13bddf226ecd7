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
    for (const [live, copy] of [
      [LIVE_TABLES.facts, REBUILD_TABLES.facts],
      [LIVE_TABLES.decisions, REBUILD_TABLES.decisions],
    ]) {
      await query(`DROP TABLE IF EXISTS ${copy}`);
      await query(`CREATE UNLOGGED TABLE ${copy} (LIKE ${live} INCLUDING ALL)`);
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
            await writeProjections(query, projections, REBUILD_TABLES);
          },
        );
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
    await query(`TRUNCATE ${LIVE_TABLES.decisions}, ${LIVE_TABLES.facts}`);
    await query(`INSERT INTO ${LIVE_TABLES.facts} SELECT * FROM ${REBUILD_TABLES.facts}`);
    await query(`INSERT INTO ${LIVE_TABLES.decisions} SELECT * FROM ${REBUILD_TABLES.decisions}`);
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

/** Reads every partition up to its end offset; `apply` gets each batch's values in order. */
async function replay(
  kafka: Kafka,
  topic: string,
  groupId: string,
  remaining: Map<number, number>,
  idleTimeoutMs: number,
  apply: (values: (Buffer | null)[]) => Promise<void>,
): Promise<void> {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 30_000 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      let idle = setTimeout(
        () => reject(new Error(`no progress for ${idleTimeoutMs} ms`)),
        idleTimeoutMs,
      );
      consumer
        .run({
          eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
            const end = remaining.get(batch.partition);
            if (end === undefined) return;
            const wanted = batch.messages.filter((m) => Number(m.offset) < end);
            await apply(wanted.map((m) => m.value));
            for (const m of wanted) resolveOffset(m.offset);
            await heartbeat();
            clearTimeout(idle);
            idle = setTimeout(
              () => reject(new Error(`no progress for ${idleTimeoutMs} ms`)),
              idleTimeoutMs,
            );
            const last = batch.messages[batch.messages.length - 1];
            if (last && Number(last.offset) + 1 >= end) remaining.delete(batch.partition);
            if (remaining.size === 0) {
              clearTimeout(idle);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}
