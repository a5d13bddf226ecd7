import { randomUUID } from 'crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { EnvelopeOf, TOPICS, validateEnvelope } from '@complaints/contracts';
import { aReceivedEvent } from '@complaints/contracts/testing';
import type { ComplaintReceivedV1 } from '@complaints/contracts';
import { loadConfig } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import {
  readTopics,
  ServiceTestEnv,
  serviceTestEnv,
  testIdentity,
  waitFor,
} from '@complaints/testing';
import { ClassificationConfig } from '../src/config/classification.config';
import { createClassificationApp } from '../src/classification-app.factory';

jest.setTimeout(180_000);

/** ms; first reads wait for the consumer group to form on a busy machine. */
const READ_TIMEOUT_MS = 90_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type ReceivedEvent = EnvelopeOf<'complaint.received'>;
type RoutedEvent = EnvelopeOf<'complaint.routed'>;

/** A received complaint in the given words; the rest from the contract's factory. */
function aComplaint(payload: Partial<ComplaintReceivedV1>): ReceivedEvent {
  return aReceivedEvent({ correlationId: randomUUID(), payload });
}

describe('classification: classifying and routing received complaints (real Kafka, real PostgreSQL)', () => {
  const clock = new ManualClock('2026-01-05T09:00:00.000Z');
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let db: DataSource;
  /** Bearer headers of the realm's complaints officer (every department) and a claims handler. */
  let officer: Record<string, string>;
  let claimsHandler: Record<string, string>;

  beforeAll(async () => {
    const identity = await testIdentity();
    officer = { authorization: `Bearer ${await identity.token('officer')}` };
    claimsHandler = { authorization: `Bearer ${await identity.token('h-claims-01')}` };
    env = await serviceTestEnv('classification');
    // These tests describe the rules and routing table: the trained classifier is off here
    // (test/classifier-triage.int-spec.ts covers it).
    const config = loadConfig(ClassificationConfig, { ...env.env, CLASSIFIER_MODEL_PATH: '' });
    app = await createClassificationApp(config, clock);
    await app.getHttpAdapter().getInstance().ready();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  const publish = (...events: ReceivedEvent[]): Promise<void> => env.publish(...events);

  /** Every routed event until `until` holds, validated as a consumer downstream would. */
  async function readRouted(until: (events: RoutedEvent[]) => boolean): Promise<RoutedEvent[]> {
    const parse = (value: string | null): RoutedEvent => {
      const result = validateEnvelope(JSON.parse(value ?? ''), 'consume');
      if (!result.ok || result.envelope.type !== 'complaint.routed')
        throw new Error(`not a valid routed event: ${value}`);
      return result.envelope;
    };
    const messages = await readTopics(
      env.brokers,
      [env.prefix + TOPICS.routed],
      (m) => until(m.map((x) => parse(x.value))),
      READ_TIMEOUT_MS,
    );
    for (const m of messages) expect(m.key).toBe(parse(m.value).complaintId);
    return messages.map((m) => parse(m.value));
  }

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await db.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
    return row.n;
  }

  it('classifies Chinese and English complaints, routes them with deadlines, and links each to its cause', async () => {
    const claim = aComplaint({
      productLine: 'motor',
      language: 'zh',
      subject: '车险理赔被拒',
      description: '我的车在停车场被撞，报案后保险公司拒赔，理由不清楚。',
      receivedAt: '2025-03-03T01:00:00.000Z',
    });
    const breach = aComplaint({
      channel: 'email',
      productLine: 'health',
      language: 'en',
      subject: 'My personal data was leaked',
      description:
        'After I bought the policy my personal data leaked online and my account was hacked.',
      receivedAt: '2025-03-04T10:30:00.000Z',
    });
    const referral = aComplaint({
      channel: 'regulator_referral',
      productLine: 'health',
      language: 'zh',
      subject: '住院费用理赔迟迟未赔付',
      description: '客户母亲住院手术后申请理赔，两个月仍未赔付，客户已向监管部门反映。',
      receivedAt: '2025-03-05T02:00:00.000Z',
    });
    const rude = aComplaint({
      channel: 'phone',
      productLine: 'travel',
      language: 'en',
      subject: 'Rude call centre agent',
      description: 'The agent shouted at me and hung up when I asked about my booking.',
      receivedAt: '2025-03-06T08:00:00.000Z',
    });
    const sent = [claim, breach, referral, rude];
    await publish(...sent);

    const routed = await readRouted((events) =>
      sent.every((s) => events.some((e) => e.complaintId === s.complaintId)),
    );
    const of = (s: ReceivedEvent) => {
      const found = routed.filter((e) => e.complaintId === s.complaintId);
      expect(found).toHaveLength(1);
      return found[0];
    };

    const days = (e: RoutedEvent, from: ReceivedEvent) =>
      (Date.parse(e.payload.decisionDueAt) - Date.parse(from.payload.receivedAt)) / DAY_MS;
    const hours = (e: RoutedEvent, from: ReceivedEvent) =>
      (Date.parse(e.payload.acknowledgeDueAt ?? '') - Date.parse(from.payload.receivedAt)) /
      HOUR_MS;

    expect(of(claim).payload).toMatchObject({
      category: 'business_handling',
      subcategory: 'claims',
      severity: 'medium',
      priority: 'P3',
      greenChannel: false,
      department: 'claims',
      matchedRuleIds: ['R-BH-CLAIM-DENIED', 'R-BH-CLAIMS'],
      decisionDueAt: '2025-03-18T01:00:00.000Z',
      acknowledgeDueAt: '2025-03-04T01:00:00.000Z',
      slaPolicyId: 'cn-2020-standard@1',
    });
    expect(of(breach).payload).toMatchObject({
      category: 'technical',
      subcategory: 'information_security',
      severity: 'critical',
      priority: 'P1',
      greenChannel: true,
      department: 'information-security',
    });
    expect([days(of(breach), breach), hours(of(breach), breach)]).toEqual([5, 2]);
    expect(of(referral).payload).toMatchObject({
      category: 'business_handling',
      subcategory: 'claims',
      severity: 'high',
      priority: 'P1',
      greenChannel: true,
      department: 'claims',
    });
    expect(of(referral).payload.matchedRuleIds).toEqual(
      expect.arrayContaining([
        'R-ESC-REGULATOR-REFERRAL',
        'R-GC-VULNERABLE',
        'R-GC-HOSPITAL-CLAIM',
      ]),
    );
    expect(days(of(referral), referral)).toBe(5);
    expect(of(rude).payload).toMatchObject({
      category: 'staff_service',
      subcategory: 'attitude',
      department: 'customer-service-quality',
      greenChannel: false,
    });
    expect([days(of(rude), rude), hours(of(rude), rude)]).toEqual([15, 24]);

    for (const s of sent) {
      const e = of(s);
      expect(e).toMatchObject({
        type: 'complaint.routed',
        producer: 'classification',
        causationId: s.eventId,
        correlationId: s.correlationId,
        occurredAt: clock.now().toISOString(),
      });
      expect(e.payload.complaint).toEqual({
        referenceNumber: s.payload.referenceNumber,
        channel: s.payload.channel,
        productLine: s.payload.productLine,
        language: s.payload.language,
        subject: s.payload.subject,
        description: s.payload.description,
        receivedAt: s.payload.receivedAt,
      });
    }

    const stored = await app.inject({
      method: 'GET',
      url: `/v1/classifications/${breach.complaintId}`,
      headers: officer,
    });
    expect(stored.statusCode).toBe(200);
    const published: Partial<RoutedEvent['payload']> = { ...of(breach).payload };
    // For recusal the routed event names the staff member complained about by number and unit,
    // never by name; the classification itself does not keep them.
    expect(published.complainedAbout).toEqual({
      staffId: 'E-4411',
      unit: 'Claims centre, Shanghai',
    });
    delete published.complaint;
    delete published.complainedAbout;
    expect(stored.json()).toEqual({
      ...published,
      complaintId: breach.complaintId,
      confidence: 'high',
      receivedAt: breach.payload.receivedAt,
      classifiedAt: clock.now().toISOString(),
      corrected: false,
    });
  });

  it('classifies a complaint once however often it is delivered', async () => {
    const original = aComplaint({
      language: 'en',
      subject: 'Claim delayed',
      description: 'My claim has been delayed for a month.',
    });
    // Intake replaying the complaint: a new event for the same complaint, in other words.
    const replay = aReceivedEvent({
      complaintId: original.complaintId,
      payload: {
        language: 'en',
        subject: 'App crash',
        description: 'The app crashes when I log in.',
      },
    });
    await publish(original, original);
    await publish(original, replay);

    const group = `${env.prefix}classification.router`;
    await waitFor(
      'both events in the inbox',
      async () =>
        (await count('inbox_message WHERE consumer_group = $1 AND event_id IN ($2, $3)', [
          group,
          original.eventId,
          replay.eventId,
        ])) === 2,
      READ_TIMEOUT_MS,
      200,
    );
    await waitFor(
      'the outbox relayed',
      async () => (await count('outbox_message WHERE sent_at IS NULL')) === 0,
      READ_TIMEOUT_MS,
      200,
    );

    const total = await count('outbox_message');
    const routed = await readRouted((events) => events.length >= total);
    expect(routed).toHaveLength(total);
    const mine = routed.filter((e) => e.complaintId === original.complaintId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      causationId: original.eventId,
      payload: { subcategory: 'claims' },
    });
    expect(await count('classification WHERE complaint_id = $1', [original.complaintId])).toBe(1);

    const stored = await app.inject({
      method: 'GET',
      url: `/v1/classifications/${original.complaintId}`,
      headers: claimsHandler,
    });
    expect(stored.json()).toMatchObject({ category: 'business_handling', subcategory: 'claims' });
  });

  it('lets people try the rules without storing or publishing anything', async () => {
    const before = [await count('classification'), await count('outbox_message')];
    const res = await app.inject({
      method: 'POST',
      url: '/v1/classify',
      headers: claimsHandler,
      payload: {
        subject: '理赔被拒',
        description: '保险公司拒赔，我要找律师起诉。',
        channel: 'web',
        productLine: 'health',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      category: 'business_handling',
      subcategory: 'claims',
      severity: 'high',
      priority: 'P1',
      greenChannel: false,
      department: 'claims',
      confidence: 'high',
      matchedRules: [
        { id: 'R-BH-CLAIM-DENIED', description: 'A claim refused or not paid' },
        {
          id: 'R-BH-CLAIMS',
          description: 'Claims handling: reporting, loss assessment, settlement, payment',
        },
        { id: 'R-ESC-LEGAL', description: 'Lawyers, lawsuits, courts or arbitration' },
      ],
    });
    expect([await count('classification'), await count('outbox_message')]).toEqual(before);
  });

  it('refuses invalid input to the rule trial with problem+json naming each field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/classify',
      headers: officer,
      payload: { subject: '', channel: 'fax', surprise: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['channel', 'description', 'subject', 'surprise']);
  });

  it('answers 404 problem+json for a complaint not classified, and 400 for a malformed id', async () => {
    const missing = await app.inject({
      method: 'GET',
      url: `/v1/classifications/${randomUUID()}`,
      headers: officer,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ code: 'CLASSIFICATION.NOT_FOUND', status: 404 });
    const malformed = await app.inject({
      method: 'GET',
      url: '/v1/classifications/not-a-uuid',
      headers: officer,
    });
    expect(malformed.statusCode).toBe(400);
  });
});
