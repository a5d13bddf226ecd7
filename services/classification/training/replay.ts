import { Client } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS, validateEnvelope } from '@complaints/contracts';
import type { ComplaintCategory } from '@complaints/contracts';
import type { ComplaintClassifier } from '../src/model/complaint-classifier';

export interface ReplayOptions {
  brokers: string[];
  topicPrefix: string;
  databaseUrl: string;
  schema: string;
  model: ComplaintClassifier;
  /** below this the model's verdict would go to triage */
  triageBelow: number;
  triageDepartment: string;
  idleTimeoutMs?: number;
}

export interface ReplayReport {
  /** received complaints read (each complaint once) */
  complaints: number;
  /** of them, classified by the service (the ones compared) */
  compared: number;
  classChanges: Record<string, number>;
  departmentChanges: Record<string, number>;
  wouldTriage: number;
}

interface Stored {
  category: ComplaintCategory;
  department: string;
}

/**
 * Runs every complaint on complaints.received.v1 (from the beginning up to the end offsets
 * found at start, with a throw-away consumer group) through a model and compares its class and
 * department with the current ones (an officer's correction where there is one). Publishes
 * nothing and writes nothing.
 */
export async function replayReceived(o: ReplayOptions): Promise<ReplayReport> {
  if (!/^[a-z_][a-z0-9_]*$/.test(o.schema)) throw new Error(`not a schema name: ${o.schema}`);
  const db = new Client({ connectionString: o.databaseUrl });
  await db.connect();
  let stored: Map<string, Stored>;
  let routes: Map<string, string>;
  try {
    const rows = await db.query<{ complaint_id: string } & Stored>(`
      SELECT c.complaint_id, COALESCE(l.category, c.category) AS category,
             COALESCE(l.department, c.department) AS department
        FROM ${o.schema}.classification c
        LEFT JOIN LATERAL (SELECT category, department FROM ${o.schema}.classification_label x
                            WHERE x.complaint_id = c.complaint_id
                            ORDER BY corrected_at DESC, id DESC LIMIT 1) l ON true`);
    stored = new Map(rows.rows.map((r) => [r.complaint_id, r]));
    const r = await db.query<{ category: string; subcategory: string; department: string }>(
      `SELECT category, subcategory, department FROM ${o.schema}.department_route`,
    );
    routes = new Map(r.rows.map((x) => [`${x.category}/${x.subcategory}`, x.department]));
  } finally {
    await db.end();
  }

  const texts = new Map<string, { subject: string; text: string; language: 'zh' | 'en' }>();
  await readReceived(o, (value) => {
    const r = validateEnvelope(JSON.parse(value.toString('utf8')), 'consume');
    if (!r.ok || r.envelope.type !== 'complaint.received') return;
    const p = r.envelope.payload;
    // The first received event of a complaint is the one the service classified.
    if (!texts.has(r.envelope.complaintId))
      texts.set(r.envelope.complaintId, {
        subject: p.subject,
        text: p.description,
        language: p.language,
      });
  });

  const report: ReplayReport = {
    complaints: texts.size,
    compared: 0,
    classChanges: {},
    departmentChanges: {},
    wouldTriage: 0,
  };
  const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  for (const [id, input] of texts) {
    const now = stored.get(id);
    if (!now) continue;
    report.compared++;
    const v = await o.model.classify(input);
    const triage = v.confidence < o.triageBelow;
    const department = triage
      ? o.triageDepartment
      : (routes.get(`${v.category}/${v.subcategory}`) ??
        routes.get(`${v.category}/*`) ??
        o.triageDepartment);
    if (triage) report.wouldTriage++;
    if (v.category !== now.category) bump(report.classChanges, `${now.category} -> ${v.category}`);
    if (department !== now.department)
      bump(report.departmentChanges, `${now.department} -> ${department}`);
  }
  return report;
}

async function readReceived(o: ReplayOptions, apply: (value: Buffer) => void): Promise<void> {
  const topic = o.topicPrefix + TOPICS.received;
  const kafka = new Kafka({
    clientId: 'classification-replay',
    brokers: o.brokers,
    logLevel: logLevel.ERROR,
  });
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `${o.topicPrefix}classification.replay-${Date.now()}`;
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const remaining = new Map(
      ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]),
    );
    if (remaining.size === 0) return;
    const consumer = kafka.consumer({ groupId, sessionTimeout: 30_000 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      const idleMs = o.idleTimeoutMs ?? 60_000;
      await new Promise<void>((resolve, reject) => {
        let idle = setTimeout(() => reject(new Error(`no progress for ${idleMs} ms`)), idleMs);
        consumer
          .run({
            eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
              const end = remaining.get(batch.partition);
              if (end === undefined) return;
              for (const m of batch.messages.filter((x) => Number(x.offset) < end)) {
                if (m.value) apply(m.value);
                resolveOffset(m.offset);
              }
              await heartbeat();
              clearTimeout(idle);
              idle = setTimeout(() => reject(new Error(`no progress for ${idleMs} ms`)), idleMs);
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
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
