import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { v4 as uuidv4 } from 'uuid';
import { DataSource } from 'typeorm';
import { AnyEventEnvelope, EVENT_TYPES, TOPICS, validateEnvelope } from '@complaints/contracts';
import {
  aFeedbackSubmittedEvent,
  anAssignedEvent,
  anInvestigatedEvent,
} from '@complaints/contracts/testing';
import { loadConfig, RouteAccessCheck } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import {
  departmentTable,
  hostileTable,
  mergeReports,
  readTopics,
  ServiceTestEnv,
  serviceTestEnv,
  testIdentity,
  TestIdentity,
  TestIssuer,
  waitFor,
  writeHostileReport,
} from '@complaints/testing';
import { FeedbackConfig } from '../src/config/feedback.config';
import { createFeedbackApp } from '../src/feedback-app.factory';

jest.setTimeout(180_000);

/** ms; first reads wait for the consumer groups to form on a busy machine. */
const READ_TIMEOUT_MS = 90_000;
const TOPICS_READ = [TOPICS.feedbackReceived, TOPICS.reopened, TOPICS.closed, TOPICS.audit];

describe('feedback: relayed survey answers, answers officers record, letters people read (real Kafka, PostgreSQL, Keycloak)', () => {
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
    env = await serviceTestEnv('feedback-people');
    const config = loadConfig(FeedbackConfig, { ...env.env, OIDC_ISSUER: identity.issuer });
    app = await createFeedbackApp(config, clock);
    await app.getHttpAdapter().getInstance().ready();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  const rows = (sql: string, params: unknown[]) => db.query(sql, params);

  /** A complaint of `department` with its first decision answered by a letter awaiting feedback. */
  async function aRespondedComplaint(department = 'claims'): Promise<string> {
    const complaintId = uuidv4();
    await env.publish(
      anAssignedEvent({ complaintId, payload: { department } }),
      anInvestigatedEvent({ complaintId }),
    );
    await waitFor(
      'the letter sent and the department known',
      async () =>
        (await rows(`SELECT 1 FROM response WHERE complaint_id = $1`, [complaintId])).length ===
          1 &&
        (await rows(`SELECT 1 FROM complaint_department WHERE complaint_id = $1`, [complaintId]))
          .length === 1,
      READ_TIMEOUT_MS,
      200,
    );
    return complaintId;
  }

  async function eventsOf(
    complaintId: string,
    done: (e: AnyEventEnvelope[]) => boolean,
  ): Promise<AnyEventEnvelope[]> {
    const parse = (ms: { key: string | null; value: string | null }[]) =>
      ms
        .filter((m) => m.key === complaintId)
        .map((m) => {
          const r = validateEnvelope(JSON.parse(m.value ?? ''), 'consume');
          if (!r.ok) throw new Error(`invalid event: ${m.value}`);
          return r.envelope;
        });
    const topics = TOPICS_READ.map((t) => env.prefix + t);
    return parse(await readTopics(env.brokers, topics, (m) => done(parse(m)), READ_TIMEOUT_MS));
  }
  const count = (events: AnyEventEnvelope[], type: string) =>
    events.filter((e) => e.type === type).length;

  const inInbox = (eventId: string) =>
    waitFor(
      'the relayed answer handled',
      async () =>
        (await rows(`SELECT 1 FROM inbox_message WHERE event_id = $1`, [eventId])).length === 1,
      READ_TIMEOUT_MS,
      200,
    );

  it('closes as satisfied on a relayed satisfied answer, as the HTTP route did; a repeat or a second answer changes nothing', async () => {
    const complaintId = await aRespondedComplaint();
    const submitted = aFeedbackSubmittedEvent({
      complaintId,
      payload: { rating: 5, solved: true, comment: undefined },
    });
    await env.publish(submitted);
    const both = (e: AnyEventEnvelope[]) =>
      count(e, EVENT_TYPES.feedbackReceived) >= 1 && count(e, EVENT_TYPES.closed) >= 1;
    const events = await eventsOf(complaintId, both);
    const received = events.filter((e) => e.type === EVENT_TYPES.feedbackReceived);
    expect(received.map((e) => e.payload)).toEqual([
      expect.objectContaining({ rating: 5, solved: true }),
    ]);
    // The answer continues the letter's chain (the archive seals along it), not the relay's.
    const [letter] = await rows(`SELECT responded_event_id FROM response WHERE complaint_id = $1`, [
      complaintId,
    ]);
    expect(received[0].causationId).toBe(letter['responded_event_id']);
    const closed = events.filter((e) => e.type === EVENT_TYPES.closed);
    expect(closed.map((e) => e.payload)).toEqual([
      expect.objectContaining({ resolution: 'satisfied' }),
    ]);
    expect(closed[0].causationId).toBe(received[0].eventId);

    const second = aFeedbackSubmittedEvent({ complaintId, payload: { rating: 1, solved: false } });
    await env.publish(submitted, second);
    await inInbox(second.eventId);
    const after = await rows(`SELECT status FROM response WHERE complaint_id = $1`, [complaintId]);
    expect(after).toEqual([{ status: 'closed' }]);
    expect(await rows(`SELECT 1 FROM survey WHERE complaint_id = $1`, [complaintId])).toHaveLength(
      1,
    );
    expect(await rows(`SELECT 1 FROM dead_letter`, [])).toEqual([]);
    const again = await eventsOf(complaintId, both);
    expect([count(again, EVENT_TYPES.feedbackReceived), count(again, EVENT_TYPES.closed)]).toEqual([
      1, 1,
    ]);
  });

  it('reopens for internal review on a relayed dissatisfied answer asking for one; an answer for a complaint with no letter is left without error', async () => {
    const complaintId = await aRespondedComplaint();
    await env.publish(
      aFeedbackSubmittedEvent({
        complaintId,
        payload: {
          rating: 2,
          solved: false,
          comment: 'Still waiting for the money',
          reviewRequested: true,
        },
      }),
    );
    const events = await eventsOf(
      complaintId,
      (e) => count(e, EVENT_TYPES.feedbackReceived) >= 1 && count(e, EVENT_TYPES.reopened) >= 1,
    );
    expect(events.filter((e) => e.type === EVENT_TYPES.reopened).map((e) => e.payload)).toEqual([
      expect.objectContaining({
        reason: 'Still waiting for the money',
        reopenCount: 1,
        review: expect.objectContaining({ reviewedRound: 1, requestedThrough: 'calling-system' }),
      }),
    ]);
    expect(count(events, EVENT_TYPES.closed)).toBe(0);

    const stray = aFeedbackSubmittedEvent({ complaintId: uuidv4() });
    await env.publish(stray);
    await inInbox(stray.eventId);
    expect(await rows(`SELECT 1 FROM dead_letter`, [])).toEqual([]);
  });

  it('applies a relayed answer only to the letter of the round it names', async () => {
    const complaintId = await aRespondedComplaint();
    const forAnother = aFeedbackSubmittedEvent({ complaintId, payload: { round: 2 } });
    await env.publish(forAnother);
    await inInbox(forAnother.eventId);
    expect(await rows(`SELECT 1 FROM survey WHERE complaint_id = $1`, [complaintId])).toEqual([]);

    const forThis = aFeedbackSubmittedEvent({
      complaintId,
      payload: { round: 1, rating: 5, solved: true },
    });
    await env.publish(forThis);
    // Topics are read side by side: closed may be read before the feedback-received it follows.
    const events = await eventsOf(
      complaintId,
      (e) => count(e, EVENT_TYPES.closed) >= 1 && count(e, EVENT_TYPES.feedbackReceived) >= 1,
    );
    expect(count(events, EVENT_TYPES.feedbackReceived)).toBe(1);
    expect(await rows(`SELECT 1 FROM dead_letter`, [])).toEqual([]);
  });

  it('lets a complaints officer record an answer given by phone, audited; handlers and supervisors get 403', async () => {
    const complaintId = await aRespondedComplaint();
    const post = async (user: string) =>
      app.inject({
        method: 'POST',
        url: `/v1/feedback/${complaintId}`,
        headers: { ...(await bearer(user)), 'content-type': 'application/json' },
        payload: { rating: 4, solved: true },
      });
    for (const user of ['h-claims-01', 'sup-claims', 'auditor', 'approver', 'operator'])
      expect([user, (await post(user)).statusCode]).toEqual([user, 403]);
    const res = await post('officer');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', resolution: 'satisfied' });

    const officer = identity.users.find((u) => u.username === 'officer');
    const events = await eventsOf(
      complaintId,
      (e) => count(e, EVENT_TYPES.closed) >= 1 && count(e, EVENT_TYPES.audited) >= 1,
    );
    expect(events.filter((e) => e.type === EVENT_TYPES.audited).map((e) => e.payload)).toEqual([
      expect.objectContaining({
        action: 'feedback.recorded',
        kind: 'change',
        actor: expect.objectContaining({ subject: officer?.subject, username: 'officer' }),
        details: expect.objectContaining({
          rating: '4',
          status: 'closed',
          resolution: 'satisfied',
        }),
      }),
    ]);
  });

  it("lets officers, auditors and the complaint's department read its letter, audited; others 404 or 403", async () => {
    const complaintId = await aRespondedComplaint('claims');
    const read = async (user: string) =>
      app.inject({
        method: 'GET',
        url: `/v1/responses/${complaintId}`,
        headers: await bearer(user),
      });
    const readers = ['officer', 'auditor', 'h-claims-01', 'sup-claims'];
    for (const user of readers) expect([user, (await read(user)).statusCode]).toEqual([user, 200]);
    for (const user of ['h-policy-01', 'sup-itops']) {
      const res = await read(user);
      expect([user, res.statusCode, res.json().code]).toEqual([user, 404, 'RESPONSE.NOT_FOUND']);
    }
    for (const user of ['approver', 'operator', 'analyst'])
      expect([user, (await read(user)).statusCode]).toEqual([user, 403]);

    const events = await eventsOf(
      complaintId,
      (e) => count(e, EVENT_TYPES.audited) >= readers.length,
    );
    const reads = events.filter((e) => e.type === EVENT_TYPES.audited).map((e) => e.payload);
    expect(reads.map((p) => [p.action, p.kind, p.actor?.username])).toEqual(
      readers.map((u) => ['letter.read', 'read', u]),
    );

    // The department is not known yet: only the roles spanning departments may read.
    const unassigned = uuidv4();
    await env.publish(anInvestigatedEvent({ complaintId: unassigned }));
    await waitFor(
      'the letter sent',
      async () =>
        (await rows(`SELECT 1 FROM response WHERE complaint_id = $1`, [unassigned])).length === 1,
      READ_TIMEOUT_MS,
      200,
    );
    const get = async (user: string) =>
      (
        await app.inject({
          method: 'GET',
          url: `/v1/responses/${unassigned}`,
          headers: await bearer(user),
        })
      ).statusCode;
    expect([await get('officer'), await get('h-claims-01')]).toEqual([200, 404]);
  });

  // Moves the shared clock past every open survey window, so it runs after the other answers.
  it('leaves a relayed answer that arrives after the survey window ended, without error', async () => {
    const complaintId = await aRespondedComplaint();
    clock.advance(73 * 60 * 60 * 1000);
    const late = aFeedbackSubmittedEvent({ complaintId, payload: { rating: 1, solved: false } });
    await env.publish(late);
    await inInbox(late.eventId);
    expect(await rows(`SELECT 1 FROM survey WHERE complaint_id = $1`, [complaintId])).toEqual([]);
    expect(await rows(`SELECT 1 FROM dead_letter`, [])).toEqual([]);
    const events = await eventsOf(complaintId, (e) => count(e, EVENT_TYPES.closed) >= 1);
    expect(events.filter((e) => e.type === EVENT_TYPES.closed).map((e) => e.payload)).toEqual([
      expect.objectContaining({ resolution: 'no_feedback' }),
    ]);
    expect(count(events, EVENT_TYPES.feedbackReceived)).toBe(0);
  });

  describe('the hostile-token table', () => {
    let issuer: TestIssuer;
    let guarded: NestFastifyApplication;

    beforeAll(async () => {
      issuer = await TestIssuer.start();
      const config = loadConfig(FeedbackConfig, { ...env.env, OIDC_ISSUER: issuer.issuer });
      guarded = await createFeedbackApp(config, clock);
      await guarded.getHttpAdapter().getInstance().ready();
    });

    afterAll(async () => {
      await guarded?.close();
      await issuer?.stop();
    });

    it('refuses every hostile token (401), a wrong role (403) and a wrong department (404) on every protected route', async () => {
      const complaintId = await aRespondedComplaint('claims');
      const routes = guarded.get(RouteAccessCheck).routes();
      const table = await hostileTable(guarded, issuer, routes, { complaintId });
      // A valid body, so another department's refusal is the access rule's, not validation's.
      const department = await departmentTable(
        guarded,
        issuer,
        routes,
        { id: complaintId, other: { department: 'policy-services' } },
        {
          'POST /v1/messages/:complaintId/calls': {
            kind: 'decision',
            outcome: 'reached',
            calledAt: '2026-01-01T00:00:00.000Z',
          },
          'POST /v1/messages/:complaintId/letters': { kind: 'decision' },
          'POST /v1/messages/:complaintId/letters/:letterId/posting': {
            registeredNumber: 'EA123456785CN',
            postedAt: '2026-01-01T00:00:00.000Z',
          },
        },
      );
      const report = mergeReports([table, department], table.routes);
      writeHostileReport('feedback', report);
      expect(report.routes).toBe(10);
      expect(report.accepted).toEqual([]);
      expect(report.serverErrors).toEqual([]);
      expect(report.unexpected).toEqual([]);
      expect(report.byStatus[403]).toBeGreaterThan(0);
      expect(report.byStatus[404]).toBeGreaterThan(0);
    });
  });
});
