import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { causedBy, ComplaintSummary, dlqTopic, TOPICS } from '@complaints/contracts';
import { aReopenedEvent, aRoutedEvent } from '@complaints/contracts/testing';
import { UnitOfWork } from '@complaints/messaging';
import { ManualClock } from '@complaints/platform/testing';
import { readTopics, waitFor } from '@complaints/testing';
import { RoutedConsumer } from '../src/cases/routed.consumer';
import {
  aDecision,
  ASSIGNED,
  CaseView,
  DAY_MS,
  InvestigationUnderTest,
  investigationUnderTest,
  WAIT_MS,
} from './investigation-test-kit';

jest.setTimeout(120_000);

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

describe('investigation: cases from routing to decision and reopening (real Kafka, PostgreSQL, Keycloak)', () => {
  const clock = new ManualClock('2026-01-05T09:00:00.000Z');
  let t: InvestigationUnderTest;

  beforeAll(async () => {
    t = await investigationUnderTest('investigation', clock);
  });

  afterAll(async () => {
    await t?.close();
  });

  const investigated = async (complaintId: string, round: number) => {
    const [event] = await t.events(
      TOPICS.investigated,
      (e) => e.complaintId === complaintId && (e.payload as { round?: number }).round === round,
    );
    if (!event) throw new Error(`no investigated event of round ${round} for ${complaintId}`);
    return event;
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
    await t.env.publish(...claims);
    const cases = await Promise.all(claims.map((e) => t.caseOf(e.complaintId)));
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

    const ids = new Set(claims.map((e) => e.complaintId));
    const assigned = await t.events(ASSIGNED, (e) => ids.has(e.complaintId), 3);
    for (const c of cases) {
      const event = assigned.find((e) => e.complaintId === c.complaintId);
      const routed = claims.find((e) => e.complaintId === c.complaintId);
      expect(event).toMatchObject({ causationId: routed?.eventId, producer: 'investigation' });
      expect({ ...event?.payload }).toEqual({
        department: 'claims',
        handlerId: c.handlerId,
        cause: 'routed',
        assignedAt: clock.now().toISOString(),
      });
    }

    // A supervisor's queue is their department's; green channel first, then the nearest deadline.
    const queue = await t.as('sup-claims', 'GET', '/v1/cases?status=open');
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((c: CaseView) => c.complaintId)).toEqual(
      [claims[2], claims[1], claims[0]].map((e) => e.complaintId),
    );
    const mine = await t.as('officer', 'GET', `/v1/cases?handlerId=${cases[0].handlerId}`);
    expect(mine.json().items.map((c: CaseView) => c.complaintId)).toEqual([
      withSummary.complaintId,
    ]);
  });

  it('leaves the case as it is when the complaint is routed again under a new event id', async () => {
    const before = await t.caseOf(withSummary.complaintId);
    const again = aRoutedEvent({
      complaintId: withSummary.complaintId,
      payload: { department: 'information-security' },
    });
    await t.env.publish(again);
    await waitFor(
      'the second routed event to be applied',
      async () =>
        (
          await t.app
            .get(DataSource)
            .query('SELECT 1 FROM inbox_message WHERE event_id = $1', [again.eventId])
        ).length > 0,
      WAIT_MS,
    );
    expect(await t.caseOf(withSummary.complaintId)).toEqual(before);
  });

  it('sends a department without handlers to the complaints office', async () => {
    const routed = aRoutedEvent({
      complaintId: randomUUID(),
      payload: { department: 'legal-affairs' },
    });
    await t.env.publish(routed);
    expect(await t.caseOf(routed.complaintId)).toMatchObject({
      department: 'complaints-office',
      routedDepartment: 'legal-affairs',
      handlerId: 'h-office-01',
    });
  });

  it('never gives one handler more than their share when assignments run at once', async () => {
    const consumer = t.app.get(RoutedConsumer);
    const unitOfWork = t.app.get(UnitOfWork);
    // Twelve at once: without the lock, enough of them read the same loads to unbalance the two.
    const routed = Array.from({ length: 12 }, () =>
      aRoutedEvent({ complaintId: randomUUID(), payload: { department: 'it-operations' } }),
    );
    await Promise.all(routed.map((e) => unitOfWork.run((tx) => consumer.apply(e, tx))));
    const res = await t.as('sup-itops', 'GET', '/v1/cases');
    const perHandler: Record<string, number> = {};
    for (const c of res.json().items as CaseView[])
      perHandler[c.handlerId] = (perHandler[c.handlerId] ?? 0) + 1;
    expect(perHandler).toEqual({ 'h-itops-01': 6, 'h-itops-02': 6 });
  });

  it('keeps notes by the signed-in person, refusing an author field or invalid fields', async () => {
    const { handlerId } = await t.caseOf(withSummary.complaintId);
    const url = `/v1/cases/${withSummary.complaintId}/notes`;
    const body = 'Called the claims centre: approval pending since 3 January.';
    const note = await t.as(handlerId, 'POST', url, { body });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ author: handlerId, createdAt: clock.now().toISOString() });

    const authored = await t.as(handlerId, 'POST', url, { author: 'h-claims-09', body: 'A note' });
    expect(authored.statusCode).toBe(400);
    expect(authored.json().errors.map((e: { field: string }) => e.field)).toEqual(['author']);
    const invalid = await t.as(handlerId, 'POST', url, { body: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { field: string }) => e.field)).toEqual(['body']);

    expect((await t.caseOf(withSummary.complaintId)).notes).toEqual([
      expect.objectContaining({ author: handlerId, body }),
    ]);
  });

  it('records a decision and publishes complaints.investigated.v1 caused by the routed event', async () => {
    const opened = await t.caseOf(withSummary.complaintId);
    const url = `/v1/cases/${withSummary.complaintId}/decision`;
    const decider = opened.handlerId;

    const invalid = await t.as(decider, 'POST', url, {
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

    const other = decider === 'h-claims-01' ? 'h-claims-02' : 'h-claims-01';
    const recused = await t.as(other, 'POST', url, aDecision());
    expect(recused.statusCode).toBe(403);
    expect(recused.json()).toMatchObject({ code: 'CASE.NOT_ASSIGNED', status: 403 });

    clock.advance(2 * DAY_MS);
    const decided = await t.as(decider, 'POST', url, aDecision());
    expect(decided.statusCode).toBe(201);
    expect(decided.json()).toMatchObject({
      round: 1,
      outcome: 'partially_upheld',
      decidedBy: decider,
      caseId: opened.caseId,
    });

    const event = await investigated(withSummary.complaintId, 1);
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
      handlerId: decider,
      round: 1,
      outcome: 'partially_upheld',
      summary: aDecision().summary,
      rootCause: 'Approval step had no deadline',
      remedy: 'Claim paid with interest for the delay',
      compensation: expect.objectContaining({ amountMinor: 20_000, currency: 'CNY' }),
      decidedAt: clock.now().toISOString(),
      complaint: expect.objectContaining(claimsSummary),
    });

    const again = await t.as(decider, 'POST', url, aDecision({ outcome: 'upheld' }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CASE.ALREADY_DECIDED', status: 409 });
    const unknown = await t.as(decider, 'POST', `/v1/cases/${randomUUID()}/decision`, aDecision());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'CASE.NOT_FOUND' });

    expect(await t.caseOf(withSummary.complaintId)).toMatchObject({
      status: 'decided',
      decidedAt: clock.now().toISOString(),
      decisions: [{ round: 1, outcome: 'partially_upheld', decidedBy: decider }],
    });
  });

  it('gives the next case of the department to the handler whose load fell', async () => {
    const { handlerId } = await t.caseOf(withSummary.complaintId);
    const next = aRoutedEvent({ complaintId: randomUUID(), payload: { department: 'claims' } });
    await t.env.publish(next);
    expect((await t.caseOf(next.complaintId)).handlerId).toBe(handlerId);
  });

  it('reopens the decided case for round 2 with the same handler, and a second decision emits round 2', async () => {
    const first = await t.caseOf(withSummary.complaintId);
    const round1 = await investigated(withSummary.complaintId, 1);
    const reopenedAt = clock.now().toISOString();
    const reopened = aReopenedEvent({
      ...causedBy(round1),
      payload: { reopenCount: 1, reopenedAt },
    });
    await t.env.publish(reopened);

    const again = await t.caseOf(withSummary.complaintId, (c) => c.status === 'reopened');
    expect(again).toMatchObject({
      caseId: first.caseId,
      round: 2,
      reopenCount: 1,
      handlerId: first.handlerId,
    });
    expect(again).not.toHaveProperty('decidedAt');
    expect(Date.parse(again.decisionDueAt) - Date.parse(reopenedAt)).toBe(30 * DAY_MS);
    const [assigned] = await t.events(ASSIGNED, (e) => e.causationId === reopened.eventId);
    expect(assigned.payload).toMatchObject({
      cause: 'reopened',
      handlerId: first.handlerId,
      previousHandlerId: first.handlerId,
      department: 'claims',
      previousDepartment: 'claims',
    });

    clock.advance(DAY_MS);
    const decided = await t.as(
      first.handlerId,
      'POST',
      `/v1/cases/${withSummary.complaintId}/decision`,
      aDecision({ outcome: 'upheld', compensation: undefined }),
    );
    expect(decided.statusCode).toBe(201);
    const second = await investigated(withSummary.complaintId, 2);
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
    expect((await t.caseOf(withSummary.complaintId)).decisions.map((d) => d.round)).toEqual([1, 2]);
  });

  it('dead-letters a reopening for a complaint that never reached investigation', async () => {
    const stray = aReopenedEvent({ complaintId: randomUUID() });
    await t.env.publish(stray);
    const dlq = t.env.prefix + dlqTopic(TOPICS.reopened);
    const messages = await readTopics(
      t.env.brokers,
      [dlq],
      (m) => m.some((x) => x.key === stray.complaintId),
      WAIT_MS,
    );
    const dead = messages.find((m) => m.key === stray.complaintId);
    expect(dead?.headers['dlq-error-code']).toBe('CASE.NOT_FOUND');
    expect((await t.as('officer', 'GET', `/v1/cases/${stray.complaintId}`)).statusCode).toBe(404);
  });
});
