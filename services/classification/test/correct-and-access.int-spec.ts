import { randomUUID } from 'crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AnyEventEnvelope, TOPICS, validateEnvelope } from '@complaints/contracts';
import { aReceivedEvent } from '@complaints/contracts/testing';
import { loadConfig, RouteAccessCheck } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import {
  accessTable,
  readTopics,
  serviceTestEnv,
  ServiceTestEnv,
  testIdentity,
  TestIdentity,
  TestIssuer,
  waitFor,
  writeHostileReport,
} from '@complaints/testing';
import { ClassificationConfig } from '../src/config/classification.config';
import { createClassificationApp } from '../src/classification-app.factory';

jest.setTimeout(180_000);

/** ms; first reads wait for the consumer group to form on a busy machine. */
const READ_TIMEOUT_MS = 90_000;

describe('classification: officers correct classes, people see their departments (real Kafka, PostgreSQL, Keycloak)', () => {
  const clock = new ManualClock('2026-01-05T09:00:00.000Z');
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let db: DataSource;
  let identity: TestIdentity;
  const bearer = async (user: string) => ({
    authorization: `Bearer ${await identity.token(user)}`,
  });

  beforeAll(async () => {
    identity = await testIdentity();
    env = await serviceTestEnv('classification-people');
    const config = loadConfig(ClassificationConfig, {
      ...env.env,
      OIDC_ISSUER: identity.issuer,
      // The rules classify here: test/classifier-triage.int-spec.ts covers the trained model.
      CLASSIFIER_MODEL_PATH: '',
    });
    app = await createClassificationApp(config, clock);
    await app.getHttpAdapter().getInstance().ready();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  /** A motor claim refused: the rules put it in business_handling/claims, department claims. */
  async function aClassifiedClaim(): Promise<string> {
    const received = aReceivedEvent({
      payload: { language: 'zh', subject: '车险理赔被拒', description: '报案后保险公司拒赔。' },
    });
    await env.publish(received);
    await waitFor(
      'the complaint classified',
      async () =>
        (
          await db.query(`SELECT 1 FROM classification WHERE complaint_id = $1`, [
            received.complaintId,
          ])
        ).length === 1,
      READ_TIMEOUT_MS,
      200,
    );
    return received.complaintId;
  }

  const get = async (complaintId: string, user: string) =>
    app.inject({
      method: 'GET',
      url: `/v1/classifications/${complaintId}`,
      headers: await bearer(user),
    });
  const correct = async (complaintId: string, user: string, payload: object) =>
    app.inject({
      method: 'POST',
      url: `/v1/classifications/${complaintId}/correction`,
      headers: { ...(await bearer(user)), 'content-type': 'application/json' },
      payload,
    });

  async function eventsOf(complaintId: string, done: (e: AnyEventEnvelope[]) => boolean) {
    const parse = (ms: { key: string | null; value: string | null }[]) =>
      ms
        .filter((m) => m.key === complaintId)
        .map((m) => {
          const r = validateEnvelope(JSON.parse(m.value ?? ''), 'consume');
          if (!r.ok) throw new Error(`invalid event: ${m.value}`);
          return r.envelope;
        });
    const topics = [TOPICS.reclassified, TOPICS.audit].map((t) => env.prefix + t);
    return parse(await readTopics(env.brokers, topics, (m) => done(parse(m)), READ_TIMEOUT_MS));
  }

  it('lets a complaints officer correct the class: label row, reclassified and audit events, current class shown', async () => {
    const complaintId = await aClassifiedClaim();
    expect((await get(complaintId, 'h-claims-01')).json()).toMatchObject({
      category: 'business_handling',
      department: 'claims',
      corrected: false,
    });

    const reason = 'The customer complains about the agent, not the claim';
    const res = await correct(complaintId, 'officer', {
      category: 'staff_service',
      subcategory: 'attitude',
      reason,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      category: 'staff_service',
      subcategory: 'attitude',
      department: 'customer-service-quality',
      corrected: true,
      correction: {
        previousCategory: 'business_handling',
        previousSubcategory: 'claims',
        previousDepartment: 'claims',
        reason,
        correctedBy: 'officer',
        correctedAt: clock.now().toISOString(),
      },
    });

    const officer = identity.users.find((u) => u.username === 'officer');
    const events = await eventsOf(
      complaintId,
      (e) =>
        e.some((x) => x.type === 'complaint.reclassified') &&
        e.some((x) => x.type === 'complaint.audited'),
    );
    const reclassified = events.filter((e) => e.type === 'complaint.reclassified');
    expect(reclassified.map((e) => e.payload)).toEqual([
      {
        category: 'staff_service',
        subcategory: 'attitude',
        department: 'customer-service-quality',
        previousCategory: 'business_handling',
        previousSubcategory: 'claims',
        previousDepartment: 'claims',
        reason,
        correctedBy: {
          subject: officer?.subject,
          username: 'officer',
          roles: expect.arrayContaining(['complaints_officer']),
        },
        correctedAt: clock.now().toISOString(),
      },
    ]);
    expect(reclassified[0].producer).toBe('classification');
    const audited = events.filter((e) => e.type === 'complaint.audited');
    expect(audited.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        action: 'classification.corrected',
        kind: 'change',
        actor: expect.objectContaining({ subject: officer?.subject, username: 'officer' }),
        details: expect.objectContaining({ department: 'customer-service-quality', reason }),
      }),
    ]);

    const labels = await db.query(
      `SELECT category, subcategory, department, previous_category, previous_department,
              corrected_by_subject, corrected_by_username, reason
         FROM classification_label WHERE complaint_id = $1`,
      [complaintId],
    );
    expect(labels).toEqual([
      {
        category: 'staff_service',
        subcategory: 'attitude',
        department: 'customer-service-quality',
        previous_category: 'business_handling',
        previous_department: 'claims',
        corrected_by_subject: officer?.subject,
        corrected_by_username: 'officer',
        reason,
      },
    ]);

    // The complaint moved: its old department no longer sees it, the new one does.
    expect((await get(complaintId, 'h-claims-01')).statusCode).toBe(404);
    expect((await get(complaintId, 'sup-csq')).statusCode).toBe(200);

    const again = await correct(complaintId, 'officer', {
      category: 'staff_service',
      subcategory: 'attitude',
      reason: 'twice',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CLASSIFICATION.NOTHING_TO_CORRECT' });

    const toOffice = await correct(complaintId, 'officer', {
      category: 'staff_service',
      subcategory: 'attitude',
      department: 'complaints-office',
      reason: 'The office takes it over',
    });
    expect(toOffice.json()).toMatchObject({
      department: 'complaints-office',
      correction: { previousDepartment: 'customer-service-quality' },
    });
  });

  it('refuses corrections by handlers and supervisors (403), bad bodies (400 naming fields), unknown codes (422) and complaints (404)', async () => {
    const complaintId = await aClassifiedClaim();
    const body = { category: 'technical', subcategory: 'system_stability', reason: 'app fault' };
    expect((await correct(complaintId, 'h-claims-01', body)).statusCode).toBe(403);
    expect((await correct(complaintId, 'sup-claims', body)).statusCode).toBe(403);

    const bad = await correct(complaintId, 'officer', {
      category: 'weather',
      subcategory: '',
      department: '',
      reason: 'x'.repeat(2001),
      correctedBy: 'someone',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['category', 'correctedBy', 'department', 'reason', 'subcategory']);
    const noReason = await correct(complaintId, 'officer', {
      category: 'technical',
      subcategory: 'system_stability',
    });
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);

    const sub = await correct(complaintId, 'officer', { ...body, subcategory: 'claims' });
    expect([sub.statusCode, sub.json().code]).toEqual([422, 'CLASSIFICATION.UNKNOWN_SUBCATEGORY']);
    const dep = await correct(complaintId, 'officer', { ...body, department: 'marketing' });
    expect([dep.statusCode, dep.json().code]).toEqual([422, 'CLASSIFICATION.UNKNOWN_DEPARTMENT']);
    const missing = await correct(randomUUID(), 'officer', body);
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'CLASSIFICATION.NOT_FOUND']);

    expect(
      await db.query(`SELECT 1 FROM classification_label WHERE complaint_id = $1`, [complaintId]),
    ).toEqual([]);
  });

  it('shows a classification to every department for officers, auditors and approvers, to its own department for handlers and supervisors', async () => {
    const complaintId = await aClassifiedClaim();
    for (const user of ['officer', 'auditor', 'approver', 'h-claims-02', 'sup-claims'])
      expect([user, (await get(complaintId, user)).statusCode]).toEqual([user, 200]);
    for (const user of ['h-policy-01', 'sup-itops']) {
      const res = await get(complaintId, user);
      expect([user, res.statusCode, res.json().code]).toEqual([
        user,
        404,
        'CLASSIFICATION.NOT_FOUND',
      ]);
    }
    for (const user of ['operator', 'analyst'])
      expect([user, (await get(complaintId, user)).statusCode]).toEqual([user, 403]);
    const trial = { subject: '理赔被拒', description: '保险公司拒赔。' };
    for (const [user, status] of [
      ['sup-claims', 200],
      ['auditor', 403],
      ['approver', 403],
      ['operator', 403],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/classify',
        headers: await bearer(user),
        payload: trial,
      });
      expect([user, res.statusCode]).toEqual([user, status]);
    }
    expect(
      (await app.inject({ method: 'GET', url: `/v1/classifications/${complaintId}` })).statusCode,
    ).toBe(401);
  });

  describe('the hostile-token table', () => {
    let issuer: TestIssuer;
    let guarded: NestFastifyApplication;

    beforeAll(async () => {
      issuer = await TestIssuer.start();
      const config = loadConfig(ClassificationConfig, { ...env.env, OIDC_ISSUER: issuer.issuer });
      guarded = await createClassificationApp(config, clock);
      await guarded.getHttpAdapter().getInstance().ready();
    });

    afterAll(async () => {
      await guarded?.close();
      await issuer?.stop();
    });

    it('refuses every hostile token (401), a wrong role (403) and a wrong department (404) on every protected route', async () => {
      const complaintId = await aClassifiedClaim();
      const routes = guarded.get(RouteAccessCheck).routes();
      const report = await accessTable(guarded, issuer, routes, {
        id: complaintId,
        department: 'claims',
        otherDepartment: 'policy-services',
      });
      writeHostileReport('classification', report);
      expect(report.routes).toBe(4);
      expect(report.accepted).toEqual([]);
      expect(report.serverErrors).toEqual([]);
      expect(report.unexpected).toEqual([]);
      expect(report.byStatus[403]).toBeGreaterThan(0);
      expect(report.byStatus[404]).toBeGreaterThan(0);
    });
  });
});
