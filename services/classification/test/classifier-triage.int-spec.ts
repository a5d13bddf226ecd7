import { randomUUID } from 'crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { EnvelopeOf, TOPICS, validateEnvelope } from '@complaints/contracts';
import { aReceivedEvent } from '@complaints/contracts/testing';
import type { ComplaintReceivedV1 } from '@complaints/contracts';
import { loadConfig } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import { readTopics, ServiceTestEnv, serviceTestEnv, testIdentity } from '@complaints/testing';
import { ClassificationConfig } from '../src/config/classification.config';
import { createClassificationApp } from '../src/classification-app.factory';
import { readOfficerLabels } from '../training/officer-labels';
import { replayReceived } from '../training/replay';
import { ComplaintClassifier } from '../src/model/complaint-classifier';
import { CURRENT_MODEL, readArtifact } from '../training/cli-support';

jest.setTimeout(180_000);

const READ_TIMEOUT_MS = 90_000;
type ReceivedEvent = EnvelopeOf<'complaint.received'>;
type RoutedEvent = EnvelopeOf<'complaint.routed'>;

const aComplaint = (payload: Partial<ComplaintReceivedV1>): ReceivedEvent =>
  aReceivedEvent({ correlationId: randomUUID(), payload });
const artifact = readArtifact(CURRENT_MODEL);

/** A classification app on its own schema and topics, with these settings over the test env. */
async function startApp(settings: Record<string, string>) {
  const env = await serviceTestEnv('classifier');
  const config = loadConfig(ClassificationConfig, { ...env.env, ...settings });
  const app = await createClassificationApp(config, new ManualClock('2026-02-02T09:00:00.000Z'));
  await app.getHttpAdapter().getInstance().ready();
  return { env, app };
}

/** Publishes the complaints and answers their routed events, in the order sent. */
async function routedOf(env: ServiceTestEnv, sent: ReceivedEvent[]): Promise<RoutedEvent[]> {
  await env.publish(...sent);
  const parse = (value: string | null): RoutedEvent => {
    const r = validateEnvelope(JSON.parse(value ?? ''), 'consume');
    if (!r.ok || r.envelope.type !== 'complaint.routed') throw new Error(`not routed: ${value}`);
    return r.envelope;
  };
  const messages = await readTopics(
    env.brokers,
    [env.prefix + TOPICS.routed],
    (m) => sent.every((s) => m.some((x) => parse(x.value).complaintId === s.complaintId)),
    READ_TIMEOUT_MS,
  );
  return sent.map((s) => {
    const found = messages
      .map((m) => parse(m.value))
      .filter((e) => e.complaintId === s.complaintId);
    expect(found).toHaveLength(1);
    return found[0];
  });
}

describe('classification with the trained classifier (real Kafka, PostgreSQL, Keycloak)', () => {
  let officer: Record<string, string>;
  let handler: Record<string, string>;

  beforeAll(async () => {
    const identity = await testIdentity();
    officer = { authorization: `Bearer ${await identity.token('officer')}` };
    handler = { authorization: `Bearer ${await identity.token('h-claims-01')}` };
  });

  describe('confident verdicts', () => {
    let env: ServiceTestEnv;
    let app: NestFastifyApplication;
    beforeAll(async () => ({ env, app } = await startApp({})));
    afterAll(async () => {
      await app?.close();
      await env?.cleanup();
    });

    it("routes by the model's class and the routing table, keeps the rules' severity and green channel, and quotes the model", async () => {
      const referral = aComplaint({
        channel: 'regulator_referral',
        language: 'zh',
        productLine: 'health',
        subject: '住院理赔被拒',
        description:
          '客户母亲住院手术后申请理赔，保险公司以既往症为由拒赔，客户不认可，已向监管部门反映。',
      });
      const crash = aComplaint({
        language: 'en',
        productLine: 'motor',
        subject: 'App keeps crashing',
        description:
          'The app crashes every time I try to upload photos of the damage. I reinstalled it twice.',
      });
      const [r, c] = await routedOf(env, [referral, crash]);
      const version = `${artifact.version}/embedding`;
      expect(r.payload).toMatchObject({
        category: 'business_handling',
        subcategory: 'claims',
        department: 'claims',
        severity: 'high',
        priority: 'P1',
        greenChannel: true,
        classifierVersion: version,
      });
      expect(r.payload.triage).toBeUndefined();
      expect(c.payload).toMatchObject({
        category: 'technical',
        subcategory: 'system_stability',
        department: 'it-operations',
        classifierVersion: version,
      });

      const shown = await app.inject({
        url: `/v1/classifications/${crash.complaintId}`,
        headers: officer,
      });
      expect(shown.statusCode).toBe(200);
      const model = shown.json().model;
      expect(model).toMatchObject({ version, triage: false });
      expect(model.probability).toBeGreaterThanOrEqual(0.5);
      expect(model.probability).toBe(model.probabilities.technical);
      const sum = Object.values(model.probabilities as Record<string, number>).reduce(
        (a, b) => a + b,
        0,
      );
      expect(sum).toBeCloseTo(1, 3);
    });

    it("answers a trial with the model's class and department, and refuses an unknown language", async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/classify',
        headers: handler,
        payload: {
          subject: 'Agent pressured my mother',
          description:
            'The agent visited my 85-year-old mother three times and would not leave until she signed.',
        },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        category: 'staff_service',
        department: 'customer-service-quality',
        model: { version: `${artifact.version}/embedding`, triage: false },
      });
      const bad = await app.inject({
        method: 'POST',
        url: '/v1/classify',
        headers: handler,
        payload: { subject: 'x', description: 'y', language: 'fr' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('language');
    });

    it('replays received complaints through a model and reports what would change, changing nothing', async () => {
      const db = app.get(DataSource);
      const [before] = await db.query(
        `SELECT complaint_id FROM classification WHERE category = 'technical' LIMIT 1`,
      );
      // As if an older model had put the crash complaint into product_service.
      await db.query(
        `UPDATE classification SET category = 'product_service', department = 'product-management' WHERE complaint_id = $1`,
        [before.complaint_id],
      );
      const report = await replayReceived({
        brokers: env.brokers,
        topicPrefix: env.prefix,
        databaseUrl: env.databaseUrl,
        schema: env.schema,
        model: new ComplaintClassifier(artifact),
        triageBelow: 0.5,
        triageDepartment: 'complaints-office',
        idleTimeoutMs: 30_000,
      });
      expect(report).toMatchObject({
        complaints: 2,
        compared: 2,
        classChanges: { 'product_service -> technical': 1 },
        departmentChanges: { 'product-management -> it-operations': 1 },
      });
      const [after] = await db.query(
        `SELECT category FROM classification WHERE complaint_id = $1`,
        [before.complaint_id],
      );
      expect(after.category).toBe('product_service');
    });

    it('says on /health/ready and in a metric that it runs on the embedding model', async () => {
      const ready = await app.inject({ url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json().details.classifier).toEqual({
        status: 'up',
        mode: 'embedding',
        modelVersion: `${artifact.version}/embedding`,
      });
      const metrics = (await app.inject({ url: '/metrics' })).body;
      expect(metrics).toContain('classification_classifier_mode{mode="embedding"} 1');
      expect(metrics).toContain('classification_classifier_mode{mode="rules"} 0');
    });
  });

  describe('the triage queue', () => {
    let env: ServiceTestEnv;
    let app: NestFastifyApplication;
    // Every complaint is below a threshold of 1: all of them go to triage.
    beforeAll(async () => ({ env, app } = await startApp({ CLASSIFIER_TRIAGE_BELOW: '1' })));
    afterAll(async () => {
      await app?.close();
      await env?.cleanup();
    });

    it('sends uncertain complaints to the complaints office, lists them for officers, and learns from the correction', async () => {
      const unsure = aComplaint({
        language: 'en',
        subject: 'Not happy',
        description:
          'I am not happy with how my policy was handled and want someone to look at it.',
      });
      const [routed] = await routedOf(env, [unsure]);
      expect(routed.payload).toMatchObject({ department: 'complaints-office', triage: true });

      const queue = await app.inject({ url: '/v1/triage', headers: officer });
      expect(queue.statusCode).toBe(200);
      expect(queue.json().items).toEqual([
        expect.objectContaining({
          complaintId: unsure.complaintId,
          category: routed.payload.category,
          modelVersion: `${artifact.version}/embedding`,
        }),
      ]);
      expect((await app.inject({ url: '/v1/triage', headers: handler })).statusCode).toBe(403);
      const bad = await app.inject({ url: '/v1/triage?limit=0', headers: officer });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('limit');

      const corrected = await app.inject({
        method: 'POST',
        url: `/v1/classifications/${unsure.complaintId}/correction`,
        headers: officer,
        payload: {
          category: 'business_handling',
          subcategory: 'surrender',
          reason: 'asks about the surrender value',
        },
      });
      expect(corrected.statusCode).toBe(200);
      expect(corrected.json()).toMatchObject({ department: 'policy-services', corrected: true });
      expect((await app.inject({ url: '/v1/triage', headers: officer })).json().items).toEqual([]);

      // What classify:train reads: the corrected class with the words it was given on.
      const { labels } = await readOfficerLabels(env.databaseUrl, env.schema);
      expect(labels).toEqual([
        expect.objectContaining({
          label: 'business_handling',
          subcategory: 'surrender',
          department: 'policy-services',
          language: 'en',
          subject: 'Not happy',
          text: unsure.payload.description,
        }),
      ]);
    });
  });

  describe('fallbacks', () => {
    it('runs on n-grams alone without the embedding models, and on the rules without a model, saying so', async () => {
      const sample = { subject: 'Claim denied', description: 'My claim was denied for no reason.' };
      for (const [settings, mode] of [
        [{ CLASSIFIER_EMBEDDINGS_DIR: '/nonexistent' }, 'ngram'],
        [{ CLASSIFIER_MODEL_PATH: '/nonexistent/model.json' }, 'rules'],
      ] as const) {
        const { env, app } = await startApp(settings);
        try {
          const ready = (await app.inject({ url: '/health/ready' })).json();
          expect(ready.details.classifier).toMatchObject({ status: 'up', mode });
          expect(ready.details.classifier.reason).toContain('/nonexistent');
          const metrics = (await app.inject({ url: '/metrics' })).body;
          expect(metrics).toContain(`classification_classifier_mode{mode="${mode}"} 1`);
          const res = await app.inject({
            method: 'POST',
            url: '/v1/classify',
            headers: handler,
            payload: sample,
          });
          expect(res.json().category).toBe('business_handling');
          if (mode === 'ngram') expect(res.json().model.version).toBe(`${artifact.version}/ngram`);
          else expect(res.json().model).toBeUndefined();
        } finally {
          await app.close();
          await env.cleanup();
        }
      }
    });
  });
});
