import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { v4 as uuidv4 } from 'uuid';
import {
  AnyEventEnvelope,
  ComplaintSummary,
  EVENT_TYPES,
  TOPICS,
  validateEnvelope,
} from '@complaints/contracts';
import { anInvestigatedEvent, EventOverrides } from '@complaints/contracts/testing';
import { loadConfig } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import {
  readTopics,
  ServiceTestEnv,
  serviceTestEnv,
  testIdentity,
  waitFor,
} from '@complaints/testing';
import { FeedbackConfig } from '../src/config/feedback.config';
import { createFeedbackApp } from '../src/feedback-app.factory';
import { ResponseDto } from '../src/responses/dto/response.dto';

jest.setTimeout(120_000);

const HOUR_MS = 60 * 60 * 1000;
const OUTPUT_TOPICS = [TOPICS.responded, TOPICS.feedbackReceived, TOPICS.reopened, TOPICS.closed];

function aSummary(overrides: Partial<ComplaintSummary> = {}): ComplaintSummary {
  return {
    referenceNumber: `CMP-2026-${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    channel: 'phone',
    productLine: 'motor',
    language: 'zh',
    subject: '车险理赔拖延',
    description: '我三个月前提交的车险理赔至今没有结果。',
    receivedAt: '2026-01-02T09:00:00.000Z',
    ...overrides,
  };
}

describe('feedback: responding to decisions and taking the survey (real Kafka, real PostgreSQL)', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  const clock = new ManualClock('2026-01-05T09:00:00.000Z');
  /** The realm's complaints officer: reads every letter, records answers given by phone. */
  let officer: Record<string, string>;

  beforeAll(async () => {
    const identity = await testIdentity();
    officer = { authorization: `Bearer ${await identity.token('officer')}` };
    env = await serviceTestEnv('feedback');
    const config = loadConfig(FeedbackConfig, {
      ...env.env,
      OIDC_ISSUER: identity.issuer,
      CLOSE_SWEEP_INTERVAL_MS: '200',
    });
    app = await createFeedbackApp(config, clock);
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  async function publishInvestigated(overrides: EventOverrides<'complaint.investigated'>) {
    const event = anInvestigatedEvent(overrides);
    await env.publish(event);
    return event;
  }

  /** The latest response once it answers `round`. */
  function responseFor(complaintId: string, round = 1): Promise<ResponseDto> {
    return waitFor<ResponseDto>(`the response to round ${round}`, async () => {
      const res = await app.inject({
        method: 'GET',
        url: `/v1/responses/${complaintId}`,
        headers: officer,
      });
      return res.statusCode === 200 && res.json().round === round ? res.json() : undefined;
    });
  }

  /**
   * Every event this service published for the complaint, valid by contract, once at least
   * `wanted` of each type are read (topics are read side by side, in no order between them).
   */
  async function eventsOf(
    complaintId: string,
    wanted: Partial<Record<AnyEventEnvelope['type'], number>>,
  ): Promise<AnyEventEnvelope[]> {
    const parse = (messages: { key: string | null; value: string | null }[]) =>
      messages
        .filter((m) => m.key === complaintId)
        .map((m) => {
          const result = validateEnvelope(JSON.parse(m.value ?? ''), 'produce');
          if (!result.ok) throw new Error(`invalid event: ${JSON.stringify(result.errors)}`);
          return result.envelope;
        });
    const enough = (events: AnyEventEnvelope[]) =>
      Object.entries(wanted).every(
        ([type, n]) => events.filter((e) => e.type === type).length >= (n ?? 0),
      );
    const messages = await readTopics(
      env.brokers,
      OUTPUT_TOPICS.map((t) => env.prefix + t),
      (m) => enough(parse(m)),
    );
    return parse(messages);
  }

  const ofType = <T extends AnyEventEnvelope['type']>(events: AnyEventEnvelope[], type: T) =>
    events.filter((e): e is Extract<AnyEventEnvelope, { type: T }> => e.type === type);

  const feedback = (complaintId: string, body: object) =>
    app.inject({
      method: 'POST',
      url: `/v1/feedback/${complaintId}`,
      payload: body,
      headers: { ...officer, 'content-type': 'application/json' },
    });

  /** One value from the service's own schema. */
  async function scalar(sql: string, params: unknown[]): Promise<unknown> {
    const client = new Client({
      connectionString: env.databaseUrl,
      options: `-c search_path="${env.schema}"`,
    });
    await client.connect();
    try {
      const { rows } = await client.query(sql, params);
      return rows[0] ? Object.values(rows[0])[0] : undefined;
    } finally {
      await client.end();
    }
  }

  it('answers a decision with a letter in the complaint language, once, and closes as satisfied on good feedback', async () => {
    const complaintId = uuidv4();
    const summary = aSummary({ language: 'zh', channel: 'phone' });
    const investigated = await publishInvestigated({
      complaintId,
      payload: { complaint: summary },
    });

    const response = await responseFor(complaintId);
    expect(response).toMatchObject({
      status: 'awaiting_feedback',
      language: 'zh',
      channel: 'sms',
      outcome: 'upheld',
      reopenCount: 0,
    });
    expect(Date.parse(response.surveyDueAt) - Date.parse(response.sentAt)).toBe(72 * HOUR_MS);

    // The same event redelivered, and the same decision under a new eventId: no second response.
    await env.publish(investigated);
    const again = await publishInvestigated({ complaintId, payload: { complaint: summary } });
    await waitFor(
      'the repeated decision handled',
      async () =>
        (await scalar(`SELECT count(*)::int FROM inbox_message WHERE event_id = $1`, [
          again.eventId,
        ])) === 1,
    );
    const queued = `SELECT count(*)::int FROM outbox_message WHERE message_key = $1 AND topic = $2`;
    expect(await scalar(queued, [complaintId, env.prefix + TOPICS.responded])).toBe(1);

    const res = await feedback(complaintId, { rating: 5, solved: true, comment: '处理得很及时' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'closed',
      resolution: 'satisfied',
      round: 1,
      responseId: response.id,
    });

    const events = await eventsOf(complaintId, {
      [EVENT_TYPES.responded]: 1,
      [EVENT_TYPES.feedbackReceived]: 1,
      [EVENT_TYPES.closed]: 1,
    });
    const [responded, ...extra] = ofType(events, EVENT_TYPES.responded);
    expect(extra).toHaveLength(0);
    expect(responded.payload).toMatchObject({
      responseId: response.id,
      round: 1,
      language: 'zh',
      channel: 'sms',
    });
    expect(responded.payload.body).toContain(`投诉编号：${summary.referenceNumber}`);
    expect(responded.payload.body).toContain('¥500.00');
    expect(responded.payload.body).toContain('申请内部复核');
    expect(responded).toMatchObject({
      producer: 'feedback',
      causationId: investigated.eventId,
      correlationId: investigated.correlationId,
    });

    const [received] = ofType(events, EVENT_TYPES.feedbackReceived);
    expect(received.payload).toMatchObject({
      responseId: response.id,
      rating: 5,
      solved: true,
      comment: '处理得很及时',
    });
    expect(received.causationId).toBe(responded.eventId);
    const [closed] = ofType(events, EVENT_TYPES.closed);
    expect(closed.payload).toMatchObject({ resolution: 'satisfied', finalOutcome: 'upheld' });
    expect(closed.causationId).toBe(received.eventId);
    expect(new Set(events.map((e) => e.correlationId))).toEqual(
      new Set([investigated.correlationId]),
    );

    expect((await responseFor(complaintId)).status).toBe('closed');
    const twice = await feedback(complaintId, { rating: 1, solved: false });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'FEEDBACK.ALREADY_GIVEN' });
  });

  it('leaves a dissatisfied answer to the officer, who reopens it, and escalates when the next round leaves the customer dissatisfied again', async () => {
    const complaintId = uuidv4();
    const summary = aSummary({ language: 'en', channel: 'email' });
    await publishInvestigated({
      complaintId,
      payload: {
        round: 1,
        outcome: 'rejected',
        remedy: undefined,
        compensation: undefined,
        complaint: summary,
      },
    });
    const first = await responseFor(complaintId, 1);
    expect(first).toMatchObject({ language: 'en', channel: 'email' });
    expect(first.body).toContain('do not uphold');

    const reopened = await feedback(complaintId, {
      rating: 2,
      solved: false,
      comment: 'The delay was not explained',
    });
    expect(reopened.statusCode).toBe(200);
    // No reopening by itself: the complaints officer chooses.
    expect(reopened.json()).toMatchObject({ status: 'awaiting_officer' });
    expect((await responseFor(complaintId, 1)).status).toBe('awaiting_officer');
    const chosen = await app.inject({
      method: 'POST',
      url: `/v1/feedback/${complaintId}/reopen`,
      payload: { reason: 'The delay was not explained' },
      headers: { ...officer, 'content-type': 'application/json' },
    });
    expect(chosen.json()).toMatchObject({ status: 'reopened', reopenCount: 1 });
    expect((await responseFor(complaintId, 1)).status).toBe('feedback_received');

    await publishInvestigated({
      complaintId,
      payload: { round: 2, outcome: 'partially_upheld', complaint: summary },
    });
    const second = await responseFor(complaintId, 2);
    expect(second).toMatchObject({
      status: 'awaiting_feedback',
      reopenCount: 1,
      outcome: 'partially_upheld',
    });
    expect(second.body).toContain('investigated your complaint again');

    const escalated = await feedback(complaintId, { rating: 1, solved: false });
    expect(escalated.json()).toMatchObject({ status: 'closed', resolution: 'escalated', round: 2 });

    const events = await eventsOf(complaintId, {
      [EVENT_TYPES.responded]: 2,
      [EVENT_TYPES.feedbackReceived]: 2,
      [EVENT_TYPES.reopened]: 1,
      [EVENT_TYPES.closed]: 1,
    });
    expect(ofType(events, EVENT_TYPES.reopened).map((e) => e.payload)).toEqual([
      expect.objectContaining({ reason: 'The delay was not explained', reopenCount: 1 }),
    ]);
    expect(ofType(events, EVENT_TYPES.responded).map((e) => e.payload.round)).toEqual([1, 2]);
    expect(ofType(events, EVENT_TYPES.feedbackReceived)).toHaveLength(2);
    expect(ofType(events, EVENT_TYPES.closed).map((e) => e.payload)).toEqual([
      expect.objectContaining({ resolution: 'escalated', finalOutcome: 'partially_upheld' }),
    ]);
  });

  it('refuses feedback for an unknown complaint with 404 and a bad survey with 400 naming the fields', async () => {
    const unknown = await feedback(uuidv4(), { rating: 4, solved: true });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ code: 'FEEDBACK.NO_RESPONSE', status: 404 });

    const bad = await feedback(uuidv4(), { rating: 6, solved: 'yes', comment: 'x'.repeat(2001) });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['comment', 'rating', 'solved']);

    const fractional = await feedback(uuidv4(), { rating: 2.5, solved: true });
    expect(fractional.statusCode).toBe(400);
    expect(fractional.json().errors).toEqual([expect.objectContaining({ field: 'rating' })]);

    const noResponse = await app.inject({
      method: 'GET',
      url: `/v1/responses/${uuidv4()}`,
      headers: officer,
    });
    expect(noResponse.statusCode).toBe(404);
    expect(noResponse.json()).toMatchObject({ code: 'RESPONSE.NOT_FOUND' });
  });

  // Moves the shared clock past every open survey window, so it runs last.
  it('closes a complaint as no_feedback when the survey window ends unanswered', async () => {
    const complaintId = uuidv4();
    const investigated = await publishInvestigated({
      complaintId,
      payload: { outcome: 'partially_upheld' },
    });
    const response = await responseFor(complaintId);
    // No complaint summary on the event: the defaults apply.
    expect(response).toMatchObject({ language: 'zh', channel: 'letter' });

    clock.advance(72 * HOUR_MS - 1000);
    await new Promise((r) => setTimeout(r, 600));
    expect((await responseFor(complaintId)).status).toBe('awaiting_feedback');

    clock.advance(1000);
    await waitFor(
      'the survey window to close',
      async () => (await responseFor(complaintId)).status === 'closed',
    );
    const events = await eventsOf(complaintId, {
      [EVENT_TYPES.responded]: 1,
      [EVENT_TYPES.closed]: 1,
    });
    const [responded] = ofType(events, EVENT_TYPES.responded);
    const closed = ofType(events, EVENT_TYPES.closed);
    expect(closed.map((e) => e.payload)).toEqual([
      {
        closedAt: clock.now().toISOString(),
        resolution: 'no_feedback',
        finalOutcome: 'partially_upheld',
      },
    ]);
    expect(closed[0]).toMatchObject({
      causationId: responded.eventId,
      correlationId: investigated.correlationId,
    });
    expect(ofType(events, EVENT_TYPES.feedbackReceived)).toHaveLength(0);

    const late = await feedback(complaintId, { rating: 5, solved: true });
    expect(late.statusCode).toBe(404);
    expect(late.json()).toMatchObject({ code: 'FEEDBACK.NO_RESPONSE' });
  });
});
