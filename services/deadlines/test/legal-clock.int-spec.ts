import { randomUUID } from 'crypto';
import { AnyEventEnvelope, causedBy, TOPICS } from '@complaints/contracts';
import type { ClockChangedV1, DeadlineChangedV1 } from '@complaints/contracts';
import {
  aClockEvent,
  aReceivedEvent,
  aReopenedEvent,
  aRespondedEvent,
  aRoutedEvent,
} from '@complaints/contracts/testing';
import { ManualClock } from '@complaints/platform/testing';
import { ClocksView, DeadlinesUnderTest, deadlinesUnderTest, personOf } from './deadlines-test-kit';

jest.setTimeout(180_000);

/** Monday 2 March 2026, 10:00 in Shanghai. */
const RECEIVED_AT = '2026-03-02T02:00:00.000Z';

describe('deadlines: the legal clock from real events (Kafka, PostgreSQL, Keycloak; time moved by hand)', () => {
  const clock = new ManualClock(RECEIVED_AT);
  let t: DeadlinesUnderTest;

  beforeAll(async () => {
    // Lead times from configuration, not the policy's 3 days and 1 day.
    t = await deadlinesUnderTest('deadlines-clock', clock, {
      DEADLINES_WARNING_LEAD_MINUTES: '3600,720',
      DEADLINES_POLICY_BY_CALLER_SYSTEM: 'uk-web=uk-fca@1',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const handler = () => personOf(t.identity, 'h-claims-01', ['handler'], 'claims');
  const approver = () => personOf(t.identity, 'approver', ['approver']);

  /** A received and routed complaint of the claims department, and clock actions on it. */
  const complaint = (...actions: Partial<ClockChangedV1>[]) => {
    const complaintId = randomUUID();
    const received = aReceivedEvent({
      complaintId,
      occurredAt: RECEIVED_AT,
      payload: { receivedAt: RECEIVED_AT },
    });
    const routed = aRoutedEvent({
      ...causedBy(received),
      occurredAt: '2026-03-02T02:00:01.000Z',
      payload: { department: 'claims', greenChannel: false },
    });
    const clockEvents = actions.map((a) =>
      aClockEvent({
        complaintId,
        occurredAt: a.at,
        payload: { actor: handler(), requestId: undefined, extensionKind: undefined, ...a },
      }),
    );
    const events: AnyEventEnvelope[] = [received, routed, ...clockEvents];
    return { complaintId, events };
  };
  const decision = (v: ClocksView) => v.clocks.filter((c) => c.kind === 'decision');

  let plain: ReturnType<typeof complaint>;
  let restarted: ReturnType<typeof complaint>;
  let lateAnswer: ReturnType<typeof complaint>;
  let withdrawn: ReturnType<typeof complaint>;

  it('gives 15 natural days from the day after receipt, in Shanghai time, and shows it to the right people', async () => {
    plain = complaint();
    await t.env.publish(...plain.events);
    const view = await t.clocksOf(plain.complaintId, (v) => v.department === 'claims');
    // Day 1 is 3 March; day 15 is 17 March, ending at 24:00 in Shanghai.
    expect(decision(view)).toMatchObject([
      { id: 'decision:1:0', status: 'open', periodDays: 15, dueAt: '2026-03-17T16:00:00.000Z' },
    ]);
    expect((await t.as('sup-claims', `/v1/deadlines/${plain.complaintId}`)).statusCode).toBe(200);
    expect((await t.as('h-claims-02', `/v1/deadlines/${plain.complaintId}`)).statusCode).toBe(200);
    const operator = await t.as('operator', `/v1/deadlines/${plain.complaintId}`);
    expect(operator.statusCode).toBe(200);
    expect(operator.body).not.toContain(handler().subject);
    const other = await t.as('sup-policy', `/v1/deadlines/${plain.complaintId}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'DEADLINES.NOT_FOUND' });
    expect((await t.as('analyst', `/v1/deadlines/${plain.complaintId}`)).statusCode).toBe(403);
    expect((await t.as(undefined, `/v1/deadlines/${plain.complaintId}`)).statusCode).toBe(401);
  });

  it("runs a UK calling system's complaint under the FCA's 8 weeks, chosen at receipt and kept", async () => {
    const complaintId = randomUUID();
    const early = aClockEvent({
      complaintId,
      occurredAt: '2026-03-03T02:00:00.000Z',
      payload: {
        action: 'paused',
        pauseKind: 'mediation',
        requestId: undefined,
        extensionKind: undefined,
        actor: handler(),
      },
    });
    const resumed = aClockEvent({
      complaintId,
      occurredAt: '2026-03-03T02:00:00.000Z',
      payload: {
        action: 'resumed',
        requestId: undefined,
        extensionKind: undefined,
        actor: handler(),
      },
    });
    const received = aReceivedEvent({
      complaintId,
      occurredAt: RECEIVED_AT,
      payload: { receivedAt: RECEIVED_AT, callerSystem: 'uk-web' },
    });
    // The clock event comes first: the policy waits for the receipt too.
    await t.env.publish(early);
    await t.clocksOf(complaintId, (v) => v.state === 'waiting');
    await t.env.publish(received, resumed);
    const view = await t.clocksOf(
      complaintId,
      (v) => v.state === 'open' && decision(v)[0]?.status === 'open',
    );
    expect(view).toMatchObject({ policy: 'uk-fca@1' });
    // 56 natural days from 3 March, without the zero-length pause.
    expect(decision(view)[0]).toMatchObject({ periodDays: 56, dueAt: '2026-04-27T16:00:00.000Z' });
  });

  it('moves the deadline to 30 days when an approver grants a complex extension; refuses the requester approving it', async () => {
    const requestId = randomUUID();
    const ownId = randomUUID();
    const request = (id: string) => ({
      action: 'extension-requested' as const,
      requestId: id,
      extensionKind: 'complex' as const,
      at: '2026-03-05T02:00:00.000Z',
      reason: 'Two hospitals must send records',
    });
    const approved = complaint(request(requestId), {
      action: 'extension-approved',
      requestId,
      actor: approver(),
      at: '2026-03-06T02:00:00.000Z',
      reason: 'Complex',
    });
    // The handler holds the approver role too, and approves their own request.
    const self = { ...handler(), roles: ['handler', 'approver'] };
    const own = complaint(request(ownId), {
      action: 'extension-approved',
      requestId: ownId,
      actor: self,
      at: '2026-03-06T02:00:00.000Z',
      reason: 'Mine',
    });
    const late = complaint({
      action: 'extension-requested',
      requestId: randomUUID(),
      extensionKind: 'complex',
      at: '2026-03-18T02:00:00.000Z',
      reason: 'Too late',
    });
    await t.env.publish(...approved.events, ...own.events, ...late.events);

    const granted = await t.clocksOf(
      approved.complaintId,
      (v) => decision(v)[0]?.extensions[0]?.status === 'approved',
    );
    expect(decision(granted)[0]).toMatchObject({
      periodDays: 30,
      dueAt: '2026-04-01T16:00:00.000Z',
    });
    const refused = await t.clocksOf(
      own.complaintId,
      (v) => decision(v)[0]?.extensions[0]?.status === 'refused',
    );
    expect(decision(refused)[0]).toMatchObject({
      periodDays: 15,
      dueAt: '2026-03-17T16:00:00.000Z',
    });
    expect(decision(refused)[0].extensions[0].refusal).toBe('EXTENSION.SELF_APPROVAL');
    const tooLate = await t.clocksOf(
      late.complaintId,
      (v) => decision(v)[0]?.extensions.length === 1,
    );
    expect(decision(tooLate)[0]).toMatchObject({
      periodDays: 15,
      dueAt: '2026-03-17T16:00:00.000Z',
    });
    expect(decision(tooLate)[0].extensions[0]).toMatchObject({
      status: 'refused',
      refusal: 'EXTENSION.AFTER_DEADLINE',
    });
  });

  it('publishes each change of the clocks, with the computed deadline, the approver and what the policy still grants', async () => {
    const requestId = randomUUID();
    const extended = complaint(
      {
        action: 'extension-requested',
        requestId,
        extensionKind: 'complex',
        at: '2026-03-05T02:00:00.000Z',
        reason: 'Two hospitals must send records',
      },
      {
        action: 'extension-approved',
        requestId,
        actor: approver(),
        at: '2026-03-06T02:00:00.000Z',
        reason: 'Complex',
      },
    );
    await t.env.publish(...extended.events);
    const mine = (e: AnyEventEnvelope) => e.complaintId === extended.complaintId;
    const changes = await t.events(TOPICS.deadlineChanged, mine, 4);
    const states = changes.map((e) => e.payload as DeadlineChangedV1);
    // Receipt, routing, the request and the approval each changed the clocks.
    expect(states.map((s) => s.basis)).toEqual([1, 2, 3, 4]);
    const decisionOf = (s: DeadlineChangedV1) => s.clocks.find((c) => c.clock === 'decision');
    expect(decisionOf(states[0])).toMatchObject({
      clockId: 'decision:1:0',
      dueAt: '2026-03-17T16:00:00.000Z',
      extensionsAvailable: ['complex'],
    });
    expect(states[3]).toMatchObject({ policy: 'cn-2020@1', department: 'claims', state: 'open' });
    expect(decisionOf(states[3])).toMatchObject({
      periodDays: 30,
      dueAt: '2026-04-01T16:00:00.000Z',
      extensionsAvailable: ['especially-complex'],
      extensions: [
        {
          requestId,
          status: 'approved',
          requestedBy: handler().subject,
          decidedBy: approver().subject,
        },
      ],
    });
    // An event that changes no clock (the routing again, under a new id) publishes nothing.
    const again = aRoutedEvent({
      complaintId: extended.complaintId,
      payload: { department: 'claims', greenChannel: false },
    });
    await t.env.publish(again);
    expect(await t.events(TOPICS.deadlineChanged, mine, 4, 3000)).toHaveLength(4);
  });

  it('does not count paused time; a restart on new facts gives 15 days again; an early clock event waits for receipt', async () => {
    const paused = complaint(
      {
        action: 'paused',
        pauseKind: 'appraisal',
        at: '2026-03-04T02:00:00.000Z',
        reason: 'Outside loss assessor',
      },
      { action: 'resumed', at: '2026-03-06T14:00:00.000Z', reason: 'Report received' },
    );
    restarted = complaint({
      action: 'restarted',
      at: '2026-03-09T02:00:00.000Z',
      reason: 'New facts: a second claim',
    });
    const early = complaint({
      action: 'paused',
      pauseKind: 'mediation',
      at: '2026-03-03T02:00:00.000Z',
      reason: 'Mediation',
    });
    const [received, routed, pause] = early.events;
    await t.env.publish(...paused.events, ...restarted.events, pause);

    const p = await t.clocksOf(
      paused.complaintId,
      (v) => decision(v)[0]?.pauses[0]?.to !== undefined,
    );
    // 2.5 days paused: 17 March 16:00 UTC + 60 h.
    expect(decision(p)[0]).toMatchObject({
      status: 'open',
      pausedMs: 60 * 3_600_000,
      dueAt: '2026-03-20T04:00:00.000Z',
    });
    const r = await t.clocksOf(restarted.complaintId, (v) => decision(v).length === 2);
    expect(decision(r).map((c) => [c.id, c.status, c.dueAt])).toEqual([
      ['decision:1:0', 'ended', '2026-03-17T16:00:00.000Z'],
      ['decision:1:1', 'open', '2026-03-24T16:00:00.000Z'],
    ]);
    const waiting = await t.clocksOf(early.complaintId);
    expect(waiting).toMatchObject({ state: 'waiting', clocks: [] });
    await t.env.publish(received, routed);
    const started = await t.clocksOf(early.complaintId, (v) => v.state === 'open');
    expect(decision(started)[0]).toMatchObject({ status: 'paused' });
    expect(decision(started)[0].dueAt).toBeUndefined();
  });

  it('meets the clock when the customer is told; a reopened round is a 30-day review; a withdrawal ends it', async () => {
    const onTime = complaint();
    const answered = (c: ReturnType<typeof complaint>, at: string) =>
      aRespondedEvent({ ...causedBy(c.events[1]), occurredAt: at });
    const toldOnTime = answered(onTime, '2026-03-10T02:00:00.000Z');
    const reopened = aReopenedEvent({
      ...causedBy(toldOnTime),
      occurredAt: '2026-03-12T02:00:00.000Z',
      payload: { reopenedAt: '2026-03-12T02:00:00.000Z', reopenCount: 1 },
    });
    lateAnswer = complaint();
    withdrawn = complaint({
      action: 'withdrawn',
      at: '2026-03-05T02:00:00.000Z',
      reason: 'By phone',
    });
    await t.env.publish(
      ...onTime.events,
      toldOnTime,
      reopened,
      ...lateAnswer.events,
      ...withdrawn.events,
    );
    // Told two days late: published after the sweep below has seen the deadline pass.
    const review = await t.clocksOf(onTime.complaintId, (v) =>
      v.clocks.some((c) => c.kind === 'review'),
    );
    expect(
      review.clocks
        .filter((c) => c.kind !== 'acknowledgement')
        .map((c) => [c.id, c.status, c.dueAt]),
    ).toEqual([
      ['decision:1:0', 'met', '2026-03-17T16:00:00.000Z'],
      ['review:2:0', 'open', '2026-04-11T16:00:00.000Z'],
    ]);
    const ended = await t.clocksOf(withdrawn.complaintId, (v) => v.state === 'ended');
    expect(ended).toMatchObject({ endReason: 'withdrawn' });
    expect(ended.clocks.every((c) => c.status === 'ended')).toBe(true);
    lateAnswer.events.push(answered(lateAnswer, '2026-03-19T02:00:00.000Z'));
  });

  const ofPlain = (e: { complaintId: string }) => e.complaintId === plain.complaintId;

  it('warns once when the deadline is near, and publishes a breach once when it passes', async () => {
    clock.set('2026-03-15T04:00:00.000Z'); // 2.5 days (3600 minutes) before 17 March 24:00
    await t.sweep();
    const [warning] = await t.events(TOPICS.deadlineWarning, ofPlain);
    expect(warning.payload).toMatchObject({
      clockId: 'decision:1:0',
      clock: 'decision',
      leadMinutes: 3600,
      dueAt: '2026-03-17T16:00:00.000Z',
      department: 'claims',
      policy: 'cn-2020@1',
    });
    await t.sweep();

    clock.set('2026-03-18T01:00:00.000Z');
    await t.sweep();
    await t.sweep();
    const breaches = await t.events(TOPICS.deadlineBreached, ofPlain);
    expect(breaches[0].payload).toMatchObject({
      clockId: 'decision:1:0',
      dueAt: '2026-03-17T16:00:00.000Z',
      breachedAt: '2026-03-18T01:00:00.000Z',
    });
    await t.sweep();
    // Exactly once each, however often the sweep ran: nothing more arrives.
    expect(await t.events(TOPICS.deadlineBreached, ofPlain, 1, 3000)).toHaveLength(1);
    // The 720-minute warning never fell due: the sweeps jumped from 2.5 days before to past due.
    expect(await t.events(TOPICS.deadlineWarning, ofPlain, 1, 1000)).toHaveLength(1);

    // A restarted clock's old period never breaches; its new one is still running.
    const ofRestarted = (e: { complaintId: string }) => e.complaintId === restarted.complaintId;
    expect(await t.events(TOPICS.deadlineBreached, ofRestarted, 0, 500)).toHaveLength(0);

    // Not breached: withdrawn before its deadline. A late answer is a breach, published once.
    const ofWithdrawn = (e: { complaintId: string }) => e.complaintId === withdrawn.complaintId;
    expect(await t.events(TOPICS.deadlineBreached, ofWithdrawn, 0, 500)).toHaveLength(0);
    const late = lateAnswer.events[lateAnswer.events.length - 1];
    await t.env.publish(late);
    await t.clocksOf(lateAnswer.complaintId, (v) => decision(v)[0]?.status === 'met');
    await t.sweep();
    const ofLate = (e: { complaintId: string }) => e.complaintId === lateAnswer.complaintId;
    expect(await t.events(TOPICS.deadlineBreached, ofLate)).toHaveLength(1);

    const view = await t.clocksOf(plain.complaintId);
    expect(decision(view)[0].breached).toBe(true);
    const list = await t.as('officer', '/v1/deadlines?status=breached');
    expect(list.json().items.map((i: { complaintId: string }) => i.complaintId)).toContain(
      plain.complaintId,
    );
    const otherDept = await t.as('sup-policy', '/v1/deadlines?status=breached');
    expect(otherDept.json().items).toEqual([]);
    const near = await t.as('operator', '/v1/deadlines?status=overdue');
    expect(
      near.json().items.find((i: { complaintId: string }) => i.complaintId === plain.complaintId),
    ).toMatchObject({ breached: true, department: 'claims' });
    expect((await t.as('sup-claims', '/v1/deadlines?department=policy-services')).statusCode).toBe(
      403,
    );
    expect((await t.as('operator', '/v1/deadlines?status=soon')).statusCode).toBe(400);

    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(
      /complaints_deadline_signals\{kind="breach",clock="decision",department="claims"\} [1-9]/,
    );
    expect(metrics.body).toMatch(/complaints_deadline_open_clocks\{/);
    expect(metrics.body).not.toContain(plain.complaintId);
    // Of the claims decisions told so far, one in time and one late.
    expect(metrics.body).toContain('complaints_deadline_met_ratio{department="claims"} 0.5');
  });

  it('rebuilds every clock from the topics alone with the same result', async () => {
    const report = await t.replay();
    expect(report.replayed).toBeGreaterThanOrEqual(11);
    expect(report).toMatchObject({ differ: 0, differing: [] });
    expect(report.match).toBe(report.replayed);
  });
});
