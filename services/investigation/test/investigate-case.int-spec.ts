import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import {
  AnyEventEnvelope,
  causedBy,
  ComplaintSummary,
  dlqTopic,
  TOPICS,
  validateEnvelope,
} from '@complaints/contracts';
import { aReopenedEvent, aRoutedEvent } from '@complaints/contracts/testing';
import { UnitOfWork } from '@complaints/messaging';
import { loadConfig } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import { readTopics, ServiceTestEnv, serviceTestEnv, waitFor } from '@complaints/testing';
import { RoutedConsumer } from '../src/cases/routed.consumer';
import { InvestigationConfig } from '../src/config/investigation.config';
import { createInvestigationApp } from '../src/investigation-app.factory';

jest.setTimeout(120_000);

/** ms; the machine is shared with other suites, so waits are generous. */
const WAIT_MS = 45_000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface CaseView {
  caseId: string;
  complaintId: string;
  department: string;
  routedDepartment: string;
  handlerId: string;
  status: string;
  round: number;
  greenChannel: boolean;
  decisionDueAt: string;
  reopenCount: number;
  decidedAt?: string;
  complaint?: ComplaintSummary;
  notes: { author: string; body: string }[];
  decisions: { round: number; outcome: string; decidedBy: string }[];
}

function aSummary(): ComplaintSummary {
  return {
    referenceNumber: 'CMP-2026-0000042',
    channel: 'phone',
    productLine: 'motor',
    language: 'zh',
    subject: 'Claim payment delayed',
    description: 'Claim filed in December and still unpaid.',
    receivedAt: '2026-01-02T08:00:00.000Z',
  };
}

function aDecision(handlerId: string, overrides: Record<string, unknown> = {}) {
  return {
    handlerId,
    outcome: 'partially_upheld',
    summary: 'The claim was complete on 3 January; payment waited on an approval step.',
    rootCause: 'Approval step had no deadline',
    remedy: 'Claim paid with interest for the delay',
    compensation: { amountMinor: 20_000, currency: 'CNY' },
    ...overrides,
  };
}

describe('investigation: cases from routing to decision and reopening (real Kafka, real PostgreSQL)', () => {
  const clock = new ManualClock('2026-01-05T09:00:00.000Z');
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    env = await serviceTestEnv('investigation');
    const config = loadConfig(InvestigationConfig, env.env);
    app = await createInvestigationApp(config, clock);
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  const getCase = (complaintId: string) =>
    app.inject({ method: 'GET', url: `/v1/cases/${complaintId}` });

  const caseOf = (complaintId: string, until: (c: CaseView) => boolean = () => true) =>
    waitFor<CaseView>(
      `the case of ${complaintId}`,
      async () => {
        const res = await getCase(complaintId);
        return res.statusCode === 200 && until(res.json()) ? (res.json() as CaseView) : undefined;
      },
      WAIT_MS,
    );

  const post = (url: string, body: object) =>
    app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { 'content-type': 'application/json' },
    });

  const investigatedEvent = async (
    complaintId: string,
    round: number,
  ): Promise<AnyEventEnvelope> => {
    const isIt = (value: string | null) => {
      const e = JSON.parse(value ?? '{}');
      return e.complaintId === complaintId && e.payload?.round === round;
    };
    const messages = await readTopics(
      env.brokers,
      [env.prefix + TOPICS.investigated],
      (m) => m.some((x) => isIt(x.value)),
      WAIT_MS,
    );
    const message = messages.find((m) => isIt(m.value));
    if (!message) throw new Error(`no investigated event of round ${round} for ${complaintId}`);
    expect(message.key).toBe(complaintId);
    const result = validateEnvelope(JSON.parse(message.value ?? ''), 'produce');
    if (!result.ok) throw new Error(`invalid investigated event: ${JSON.stringify(result.errors)}`);
    return result.envelope;
  };

  const claimsSummary = aSummary();
  const claims = [
    aRoutedEvent({
      complaintId: randomUUID(),
      payload: {
        department: 'claims',
        decisionDueAt: '2026-01-20T00:00:00.000Z',
        complaint: claimsSummary,
      },
    }),
    aRoutedEvent({
      complaintId: randomUUID(),
      payload: { department: 'claims', decisionDueAt: '2026-01-18T00:00:00.000Z' },
    }),
    aRoutedEvent({
      complaintId: randomUUID(),
      payload: {
        department: 'claims',
        decisionDueAt: '2026-01-25T00:00:00.000Z',
        greenChannel: true,
      },
    }),
  ];
  const [withSummary] = claims;

  it('opens one case per routed complaint, spreading the department over its least loaded handlers', async () => {
    await env.publish(...claims);
    const cases = await Promise.all(claims.map((e) => caseOf(e.complaintId)));
    expect(new Set(cases.map((c) => c.handlerId))).toEqual(
      new Set(['h-claims-01', 'h-claims-02', 'h-claims-03']),
    );
    for (const c of cases) {
      expect(c).toMatchObject({
        status: 'open',
        round: 1,
        department: 'claims',
        routedDepartment: 'claims',
        reopenCount: 0,
      });
    }
    expect(cases[0].complaint).toEqual(claimsSummary);
    expect(cases[1]).not.toHaveProperty('complaint');

    const queue = await app.inject({
      method: 'GET',
      url: '/v1/cases?department=claims&status=open',
    });
    expect(queue.statusCode).toBe(200);
    // Green channel first, then the nearest decision deadline.
    expect(queue.json().items.map((c: CaseView) => c.complaintId)).toEqual(
      [claims[2], claims[1], claims[0]].map((e) => e.complaintId),
    );
    const mine = await app.inject({
      method: 'GET',
      url: `/v1/cases?handlerId=${cases[0].handlerId}`,
    });
    expect(mine.json().items.map((c: CaseView) => c.complaintId)).toEqual([
      withSummary.complaintId,
    ]);
  });

  it('leaves the case as it is when the complaint is routed again under a new event id', async () => {
    const before = await caseOf(withSummary.complaintId);
    const again = aRoutedEvent({
      complaintId: withSummary.complaintId,
      payload: { department: 'information-security' },
    });
    await env.publish(again);
    await waitFor(
      'the second routed event to be applied',
      async () =>
        (
          await app
            .get(DataSource)
            .query('SELECT 1 FROM inbox_message WHERE event_id = $1', [again.eventId])
        ).length > 0,
      WAIT_MS,
    );
    expect(await caseOf(withSummary.complaintId)).toEqual(before);
  });

  it('sends a department without handlers to the complaints office', async () => {
    const routed = aRoutedEvent({
      complaintId: randomUUID(),
      payload: { department: 'legal-affairs' },
    });
    await env.publish(routed);
    expect(await caseOf(routed.complaintId)).toMatchObject({
      department: 'complaints-office',
      routedDepartment: 'legal-affairs',
      handlerId: 'h-office-01',
    });
  });

  it('never gives one handler more than their share when assignments run at once', async () => {
    const consumer = app.get(RoutedConsumer);
    const unitOfWork = app.get(UnitOfWork);
    // Twelve at once: without the lock, enough of them read the same loads to unbalance the two.
    const routed = Array.from({ length: 12 }, () =>
      aRoutedEvent({ complaintId: randomUUID(), payload: { department: 'it-operations' } }),
    );
    await Promise.all(routed.map((e) => unitOfWork.run((tx) => consumer.apply(e, tx))));
    const res = await app.inject({ method: 'GET', url: '/v1/cases?department=it-operations' });
    const perHandler: Record<string, number> = {};
    for (const c of res.json().items as CaseView[])
      perHandler[c.handlerId] = (perHandler[c.handlerId] ?? 0) + 1;
    expect(perHandler).toEqual({ 'h-itops-01': 6, 'h-itops-02': 6 });
  });

  it('keeps notes and refuses notes from unknown authors or with invalid fields', async () => {
    const { handlerId } = await caseOf(withSummary.complaintId);
    const url = `/v1/cases/${withSummary.complaintId}/notes`;
    const note = await post(url, {
      author: handlerId,
      body: 'Called the claims centre: approval pending since 3 January.',
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ author: handlerId, createdAt: clock.now().toISOString() });

    const stranger = await post(url, { author: 'h-nobody-01', body: 'A note' });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json()).toMatchObject({ code: 'HANDLER.NOT_FOUND' });
    const invalid = await post(url, { author: handlerId, body: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { field: string }) => e.field)).toEqual(['body']);

    expect((await caseOf(withSummary.complaintId)).notes).toEqual([
      expect.objectContaining({
        author: handlerId,
        body: 'Called the claims centre: approval pending since 3 January.',
      }),
    ]);
  });

  it('records a decision and publishes complaints.investigated.v1 caused by the routed event', async () => {
    const opened = await caseOf(withSummary.complaintId);
    const url = `/v1/cases/${withSummary.complaintId}/decision`;

    const invalid = await post(url, {
      handlerId: opened.handlerId,
      outcome: 'maybe',
      rootCause: '',
      compensation: { amountMinor: -1, currency: 'cny' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(
      invalid
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual([
      'compensation.amountMinor',
      'compensation.currency',
      'outcome',
      'rootCause',
      'summary',
    ]);

    const other = opened.handlerId === 'h-claims-01' ? 'h-claims-02' : 'h-claims-01';
    const recused = await post(url, aDecision(other));
    expect(recused.statusCode).toBe(403);
    expect(recused.json()).toMatchObject({ code: 'CASE.NOT_ASSIGNED', status: 403 });

    clock.advance(2 * DAY_MS);
    const decided = await post(url, aDecision(opened.handlerId));
    expect(decided.statusCode).toBe(201);
    expect(decided.json()).toMatchObject({
      round: 1,
      outcome: 'partially_upheld',
      decidedBy: opened.handlerId,
      caseId: opened.caseId,
    });

    const event = await investigatedEvent(withSummary.complaintId, 1);
    expect(event).toMatchObject({
      type: 'complaint.investigated',
      producer: 'investigation',
      eventId: decided.json().eventId,
      causationId: withSummary.eventId,
      correlationId: withSummary.correlationId,
      occurredAt: clock.now().toISOString(),
    });
    expect({ ...event.payload }).toEqual({
      caseId: opened.caseId,
      handlerId: opened.handlerId,
      round: 1,
      outcome: 'partially_upheld',
      summary: aDecision(opened.handlerId).summary,
      rootCause: 'Approval step had no deadline',
      remedy: 'Claim paid with interest for the delay',
      compensation: expect.objectContaining({ amountMinor: 20_000, currency: 'CNY' }),
      decidedAt: clock.now().toISOString(),
      complaint: expect.objectContaining(claimsSummary),
    });

    const again = await post(url, aDecision(opened.handlerId, { outcome: 'upheld' }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CASE.ALREADY_DECIDED', status: 409 });
    const unknown = await post(`/v1/cases/${randomUUID()}/decision`, aDecision(opened.handlerId));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'CASE.NOT_FOUND' });

    expect(await caseOf(withSummary.complaintId)).toMatchObject({
      status: 'decided',
      decidedAt: clock.now().toISOString(),
      decisions: [{ round: 1, outcome: 'partially_upheld', decidedBy: opened.handlerId }],
    });
  });

  it('gives the next case of the department to the handler whose load fell', async () => {
    const { handlerId } = await caseOf(withSummary.complaintId);
    const next = aRoutedEvent({ complaintId: randomUUID(), payload: { department: 'claims' } });
    await env.publish(next);
    expect((await caseOf(next.complaintId)).handlerId).toBe(handlerId);
  });

  it('reopens the decided case for round 2 with the same handler, and a second decision emits round 2', async () => {
    const first = await caseOf(withSummary.complaintId);
    const investigated = await investigatedEvent(withSummary.complaintId, 1);
    const reopenedAt = clock.now().toISOString();
    const reopened = aReopenedEvent({
      ...causedBy(investigated),
      payload: { reopenCount: 1, reopenedAt },
    });
    await env.publish(reopened);

    const again = await caseOf(withSummary.complaintId, (c) => c.status === 'reopened');
    expect(again).toMatchObject({
      caseId: first.caseId,
      round: 2,
      reopenCount: 1,
      handlerId: first.handlerId,
    });
    expect(again).not.toHaveProperty('decidedAt');
    expect(Date.parse(again.decisionDueAt) - Date.parse(reopenedAt)).toBe(30 * DAY_MS);

    clock.advance(DAY_MS);
    const decided = await post(
      `/v1/cases/${withSummary.complaintId}/decision`,
      aDecision(first.handlerId, { outcome: 'upheld', compensation: undefined }),
    );
    expect(decided.statusCode).toBe(201);
    const second = await investigatedEvent(withSummary.complaintId, 2);
    expect(second).toMatchObject({
      causationId: reopened.eventId,
      correlationId: withSummary.correlationId,
    });
    expect(second.payload).toMatchObject({
      caseId: first.caseId,
      round: 2,
      outcome: 'upheld',
      handlerId: first.handlerId,
    });
    expect(second.payload).not.toHaveProperty('compensation');
    expect((await caseOf(withSummary.complaintId)).decisions.map((d) => d.round)).toEqual([1, 2]);
  });

  it('dead-letters a reopening for a complaint that never reached investigation', async () => {
    const stray = aReopenedEvent({ complaintId: randomUUID() });
    await env.publish(stray);
    const dlq = env.prefix + dlqTopic(TOPICS.reopened);
    const messages = await readTopics(
      env.brokers,
      [dlq],
      (m) => m.some((x) => x.key === stray.complaintId),
      WAIT_MS,
    );
    const dead = messages.find((m) => m.key === stray.complaintId);
    expect(dead?.headers['dlq-error-code']).toBe('CASE.NOT_FOUND');
    expect((await getCase(stray.complaintId)).statusCode).toBe(404);
  });
});
