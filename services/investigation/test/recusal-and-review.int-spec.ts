import { randomUUID } from 'crypto';
import { AnyEventEnvelope, TOPICS } from '@complaints/contracts';
import { aReopenedEvent, aRoutedEvent } from '@complaints/contracts/testing';
import { ManualClock } from '@complaints/platform/testing';
import {
  aDecision,
  ASSIGNED,
  AUDIT,
  CaseView,
  InvestigationUnderTest,
  investigationUnderTest,
} from './investigation-test-kit';

jest.setTimeout(180_000);

/** Employee numbers of the realm's demo people (the staff identity seed and `staff_id`). */
const STAFF = { 'h-claims-01': 'E-1001', 'h-claims-02': 'E-1002', approver: 'E-3001' } as const;
const CLAIMS = ['h-claims-01', 'h-claims-02', 'h-claims-03'];

interface CaseWithReview extends CaseView {
  review?: { reviewedRound: number; requestedThrough: string };
}

describe('investigation: recusal of the person complained about, conflicts of interest, internal review (real Kafka, PostgreSQL, Keycloak)', () => {
  const clock = new ManualClock('2026-04-01T02:00:00.000Z');
  let t: InvestigationUnderTest;

  beforeAll(async () => {
    t = await investigationUnderTest('investigation-recusal', clock);
  });

  afterAll(async () => {
    await t?.close();
  });

  const routedAbout = (staffId: string | undefined) =>
    aRoutedEvent({
      complaintId: randomUUID(),
      payload: {
        department: 'claims',
        decisionDueAt: '2026-04-30T00:00:00.000Z',
        ...(staffId ? { complainedAbout: { staffId, unit: 'Claims centre, Shanghai' } } : {}),
      },
    });

  const assignedOf = (complaintId: string, count = 1) =>
    t.events(ASSIGNED, (e) => e.complaintId === complaintId, count);

  it('never assigns a case to the staff member it is about, though they are the least loaded', async () => {
    // On a fresh schema every claims handler carries nothing: ties go to h-claims-01 by id.
    const about = routedAbout(STAFF['h-claims-01']);
    const control = routedAbout(undefined);
    await t.env.publish(about);
    const held = await t.caseOf(about.complaintId);
    expect(held.handlerId).not.toBe('h-claims-01');
    expect(CLAIMS).toContain(held.handlerId);
    const [assigned] = await assignedOf(about.complaintId);
    expect(assigned?.payload).toMatchObject({ handlerId: held.handlerId, cause: 'routed' });

    // The same moment without anyone named: h-claims-01 is still the least loaded and takes it.
    await t.env.publish(control);
    expect((await t.caseOf(control.complaintId)).handlerId).toBe('h-claims-01');

    // A supervisor cannot hand it to them either.
    const res = await t.as('sup-claims', 'POST', `/v1/cases/${about.complaintId}/assignment`, {
      handlerId: 'h-claims-01',
      reason: 'Knows the branch',
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'RECUSAL.HANDLER_EXCLUDED',
      errors: [{ field: 'handlerId', reason: 'complained about' }],
    });
    expect((await t.caseOf(about.complaintId)).handlerId).toBe(held.handlerId);
  });

  it('refuses the approval of an extension by the approver the complaint is about', async () => {
    const about = routedAbout(STAFF.approver);
    await t.env.publish(about);
    const held = await t.caseOf(about.complaintId);
    const asked = await t.as(held.handlerId, 'POST', `/v1/cases/${about.complaintId}/extensions`, {
      kind: 'complex',
      reason: 'Two hospitals must send records',
    });
    expect(asked.statusCode).toBe(201);
    const requestId = asked.json().requestId as string;

    const refused = await t.as(
      'approver',
      'POST',
      `/v1/cases/${about.complaintId}/extensions/${requestId}/decision`,
      { outcome: 'approved', reason: 'Records are needed' },
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'RECUSAL.COMPLAINED_ABOUT' });
    expect(refused.json().detail).toContain('complaint is about you');
    // Nothing changed: the request still waits for an approver who may decide it.
    const clockEvents = await t.events(TOPICS.clock, (e) => e.complaintId === about.complaintId, 1);
    expect(clockEvents.map((e) => (e.payload as { action: string }).action)).toEqual([
      'extension-requested',
    ]);
  });

  it('reassigns a case whose handler declares a conflict of interest, for good, with an event and an audit entry', async () => {
    const about = routedAbout(STAFF['h-claims-02']);
    await t.env.publish(about);
    const held = await t.caseOf(about.complaintId);
    const url = `/v1/cases/${about.complaintId}/conflict-of-interest`;

    const colleague = CLAIMS.find((h) => h !== held.handlerId && h !== 'h-claims-02') as string;
    const notHers = await t.as(colleague, 'POST', url, { reason: 'My cousin' });
    expect(notHers.json()).toMatchObject({ code: 'CASE.NOT_ASSIGNED' });
    const blank = await t.as(held.handlerId, 'POST', url, { reason: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors.map((e: { field: string }) => e.field)).toEqual(['reason']);

    const declared = await t.as(held.handlerId, 'POST', url, {
      reason: 'The complainant is my neighbour',
    });
    expect(declared.statusCode).toBe(200);
    const next = declared.json().handlerId as string;
    // Neither the declarer nor the person complained about (h-claims-02): the third one.
    expect(next).not.toBe(held.handlerId);
    expect(next).not.toBe('h-claims-02');
    expect(CLAIMS).toContain(next);

    const events = await assignedOf(about.complaintId, 2);
    expect(events[1]?.payload).toMatchObject({
      handlerId: next,
      previousHandlerId: held.handlerId,
      cause: 'reassigned',
      conflictOfInterest: true,
      assignedBy: { username: held.handlerId },
    });
    const [audit] = await t.events(
      AUDIT,
      (e) =>
        e.complaintId === about.complaintId &&
        (e.payload as { action: string }).action === 'case.conflict-declared',
    );
    expect(audit?.payload).toMatchObject({ actor: { username: held.handlerId } });

    // The declarer no longer decides it; a second declaration leaves nobody in claims who may
    // hold it, so it goes to the fallback department.
    const decide = await t.as(
      held.handlerId,
      'POST',
      `/v1/cases/${about.complaintId}/decision`,
      aDecision(),
    );
    expect(decide.json()).toMatchObject({ code: 'CASE.NOT_ASSIGNED' });
    const again = await t.as(next, 'POST', url, { reason: 'Also conflicted' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ department: 'complaints-office' });
    expect(again.json().handlerId).toMatch(/^h-office-/);
    // Now another department's case to the claims handler: not even visible.
    const twice = await t.as(next, 'POST', url, { reason: 'Again' });
    expect(twice.json()).toMatchObject({ code: 'CASE.NOT_FOUND' });
  });

  const reviewOf = async (outcome: 'upheld' | 'overturned') => {
    const routed = routedAbout(STAFF['h-claims-01']);
    await t.env.publish(routed);
    const first = await t.caseOf(routed.complaintId);
    const decided = await t.as(
      first.handlerId,
      'POST',
      `/v1/cases/${routed.complaintId}/decision`,
      {
        ...aDecision({ outcome: 'rejected' }),
        reviewOutcome: 'upheld',
      },
    );
    // A first decision is no review: a finding on it is refused, nothing recorded.
    expect(decided.statusCode).toBe(422);
    expect(decided.json()).toMatchObject({
      code: 'REVIEW.NOT_A_REVIEW',
      errors: [{ field: 'reviewOutcome' }],
    });
    const ok = await t.as(
      first.handlerId,
      'POST',
      `/v1/cases/${routed.complaintId}/decision`,
      aDecision({ outcome: 'rejected' }),
    );
    expect(ok.statusCode).toBe(201);

    const requestedAt = clock.now().toISOString();
    await t.env.publish(
      aReopenedEvent({
        complaintId: routed.complaintId,
        correlationId: routed.correlationId,
        payload: {
          reason: 'internal review requested',
          reopenCount: 1,
          reopenedAt: requestedAt,
          review: {
            reviewedRound: 1,
            requestedAt,
            decisionSentAt: requestedAt,
            requestedThrough: 'calling-system',
          },
        },
      }),
    );
    const reviewing = (await t.caseOf(routed.complaintId, (c) => c.round === 2)) as CaseWithReview;
    // Not the decider of round 1, not the person complained about.
    expect(reviewing.handlerId).not.toBe(first.handlerId);
    expect(reviewing.handlerId).not.toBe('h-claims-01');
    expect(reviewing.review).toMatchObject({
      reviewedRound: 1,
      requestedThrough: 'calling-system',
    });
    const [, reopenedAssignment] = await assignedOf(routed.complaintId, 2);
    expect(reopenedAssignment?.payload).toMatchObject({
      cause: 'reopened',
      handlerId: reviewing.handlerId,
    });

    // The first decider cannot decide the review.
    const byDecider = await t.as(
      first.handlerId,
      'POST',
      `/v1/cases/${routed.complaintId}/decision`,
      aDecision(),
    );
    expect(byDecider.json()).toMatchObject({ code: 'CASE.NOT_ASSIGNED' });
    const reviewed = await t.as(
      reviewing.handlerId,
      'POST',
      `/v1/cases/${routed.complaintId}/decision`,
      outcome === 'upheld'
        ? aDecision({ outcome: 'rejected' })
        : { ...aDecision({ outcome: 'upheld' }), reviewOutcome: 'overturned' },
    );
    expect(reviewed.statusCode).toBe(201);
    const [event] = await t.events(
      TOPICS.investigated,
      (e) => e.complaintId === routed.complaintId && (e.payload as { round: number }).round === 2,
    );
    return { event: event as AnyEventEnvelope, reviewer: reviewing.handlerId, requestedAt };
  };

  it('gives an internal review to someone else, who upholds the decision', async () => {
    const { event, reviewer, requestedAt } = await reviewOf('upheld');
    expect(event.payload).toMatchObject({
      handlerId: reviewer,
      outcome: 'rejected',
      review: { outcome: 'upheld', reviewedRound: 1, requestedAt },
    });
  });

  it('gives an internal review to someone else, who overturns the decision', async () => {
    const { event, reviewer } = await reviewOf('overturned');
    expect(event.payload).toMatchObject({
      handlerId: reviewer,
      outcome: 'upheld',
      review: { outcome: 'overturned', reviewedRound: 1 },
    });
  });
});
