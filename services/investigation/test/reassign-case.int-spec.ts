import { randomUUID } from 'crypto';
import { AnyEventEnvelope } from '@complaints/contracts';
import { aReclassifiedEvent, aRoutedEvent } from '@complaints/contracts/testing';
import { ManualClock } from '@complaints/platform/testing';
import { waitFor } from '@complaints/testing';
import { DataSource } from 'typeorm';
import {
  aDecision,
  ASSIGNED,
  AUDIT,
  InvestigationUnderTest,
  investigationUnderTest,
  subjectOf,
  WAIT_MS,
} from './investigation-test-kit';

jest.setTimeout(120_000);

const action = (e: AnyEventEnvelope) => (e.payload as { action?: string }).action;
const cause = (e: AnyEventEnvelope) => (e.payload as { cause?: string }).cause;

describe('investigation: reassignment and reclassification (real Kafka, PostgreSQL, Keycloak)', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let t: InvestigationUnderTest;
  const claims = aRoutedEvent({ complaintId: randomUUID(), payload: { department: 'claims' } });
  const moved = aRoutedEvent({ complaintId: randomUUID(), payload: { department: 'claims' } });
  const assignment = (complaintId: string) => `/v1/cases/${complaintId}/assignment`;

  beforeAll(async () => {
    t = await investigationUnderTest('investigation-assign', clock);
    await t.env.publish(claims, moved);
    await Promise.all([t.caseOf(claims.complaintId), t.caseOf(moved.complaintId)]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets a supervisor give a case to another handler of the department, with a reason', async () => {
    const before = await t.caseOf(claims.complaintId);
    const to = before.handlerId === 'h-claims-03' ? 'h-claims-02' : 'h-claims-03';
    const reason = 'Annual leave from tomorrow';
    const res = await t.as('sup-claims', 'POST', assignment(claims.complaintId), {
      handlerId: to,
      reason,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ handlerId: to, department: 'claims' });
    expect((await t.caseOf(claims.complaintId)).handlerId).toBe(to);

    const supervisor = subjectOf(t.identity, 'sup-claims');
    const [assigned] = await t.events(
      ASSIGNED,
      (e) => e.complaintId === claims.complaintId && cause(e) === 'reassigned',
    );
    expect(assigned).toMatchObject({ producer: 'investigation', causationId: claims.eventId });
    expect({ ...assigned.payload }).toEqual({
      department: 'claims',
      handlerId: to,
      previousHandlerId: before.handlerId,
      previousDepartment: 'claims',
      cause: 'reassigned',
      reason,
      assignedBy: expect.objectContaining({
        subject: supervisor,
        username: 'sup-claims',
        department: 'claims',
      }),
      assignedAt: clock.now().toISOString(),
    });
    const [audit] = await t.events(
      AUDIT,
      (e) => e.complaintId === claims.complaintId && action(e) === 'case.reassigned',
    );
    expect(audit.payload).toMatchObject({
      kind: 'change',
      actor: { subject: supervisor, username: 'sup-claims' },
      details: { handlerId: to, previousHandlerId: before.handlerId, reason },
    });
    expect(audit.causationId).toBe(assigned.eventId);

    // The new holder decides; the old one no longer may.
    const url = `/v1/cases/${claims.complaintId}/decision`;
    expect((await t.as(before.handlerId, 'POST', url, aDecision())).statusCode).toBe(403);
  });

  it("refuses a supervisor's reassignment outside the department, to unknown handlers, or without a reason", async () => {
    const url = assignment(moved.complaintId);
    const cases: [object, number, string][] = [
      [
        { handlerId: 'h-policy-01', reason: 'Knows policies' },
        422,
        'ASSIGNMENT.OUTSIDE_DEPARTMENT',
      ],
      [
        { handlerId: 'h-claims-02', reason: 'Move', department: 'policy-services' },
        422,
        'ASSIGNMENT.OUTSIDE_DEPARTMENT',
      ],
      [{ handlerId: 'h-claims-99', reason: 'New colleague' }, 422, 'HANDLER.NOT_FOUND'],
      [{ handlerId: 'h-claims-02' }, 400, 'REQUEST.INVALID'],
      [{ handlerId: 'h-claims-02', reason: '' }, 400, 'REQUEST.INVALID'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.as('sup-claims', 'POST', url, body);
      expect({ body, status: res.statusCode, code: res.json().code }).toEqual({
        body,
        status,
        code,
      });
    }
    const { handlerId } = await t.caseOf(moved.complaintId);
    const same = await t.as('sup-claims', 'POST', url, { handlerId, reason: 'Again' });
    expect(same.json()).toMatchObject({ status: 409, code: 'CASE.ALREADY_ASSIGNED' });
    for (const user of [handlerId, 'approver', 'auditor', 'operator']) {
      const res = await t.as(user, 'POST', url, { handlerId: 'h-claims-02', reason: 'x' });
      expect({ user, status: res.statusCode }).toEqual({ user, status: 403 });
    }
  });

  it('lets a complaints officer move a case to another department and its handler', async () => {
    const url = assignment(moved.complaintId);
    const mismatch = await t.as('officer', 'POST', url, {
      handlerId: 'h-claims-01',
      department: 'policy-services',
      reason: 'Policy wording',
    });
    expect(mismatch.json()).toMatchObject({ status: 422, code: 'HANDLER.NOT_IN_DEPARTMENT' });

    const res = await t.as('officer', 'POST', url, {
      handlerId: 'h-policy-02',
      department: 'policy-services',
      reason: 'About the policy wording, not the claim',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ department: 'policy-services', handlerId: 'h-policy-02' });
    const [assigned] = await t.events(
      ASSIGNED,
      (e) => e.complaintId === moved.complaintId && cause(e) === 'reassigned',
    );
    expect(assigned.payload).toMatchObject({
      department: 'policy-services',
      previousDepartment: 'claims',
      assignedBy: { username: 'officer', subject: subjectOf(t.identity, 'officer') },
    });
    // Now the policy department's: claims people no longer see it.
    expect((await t.as('sup-claims', 'GET', `/v1/cases/${moved.complaintId}`)).statusCode).toBe(
      404,
    );
    const policyQueue = await t.as('sup-policy', 'GET', '/v1/cases');
    expect(policyQueue.json().items.map((c: { complaintId: string }) => c.complaintId)).toEqual([
      moved.complaintId,
    ]);
    const decided = await t.as(
      'h-policy-02',
      'POST',
      `/v1/cases/${moved.complaintId}/decision`,
      aDecision(),
    );
    expect(decided.statusCode).toBe(201);
    const late = await t.as('officer', 'POST', url, { handlerId: 'h-policy-01', reason: 'Late' });
    expect(late.json()).toMatchObject({ status: 409, code: 'CASE.ALREADY_DECIDED' });
  });

  it('moves a reclassified case to the new department and its least loaded handler', async () => {
    const routed = aRoutedEvent({ complaintId: randomUUID(), payload: { department: 'claims' } });
    await t.env.publish(routed);
    const before = await t.caseOf(routed.complaintId);
    const reclassified = aReclassifiedEvent({
      complaintId: routed.complaintId,
      correlationId: routed.correlationId,
      causationId: routed.eventId,
      payload: {
        category: 'product_service',
        subcategory: 'product_design',
        department: 'product-management',
        previousCategory: before.category as 'business_handling',
        previousSubcategory: before.subcategory,
        previousDepartment: 'claims',
      },
    });
    await t.env.publish(reclassified);
    const after = await t.caseOf(routed.complaintId, (c) => c.department !== 'claims');
    expect(after).toMatchObject({
      caseId: before.caseId,
      department: 'product-management',
      routedDepartment: 'product-management',
      handlerId: 'h-product-01',
      category: 'product_service',
      subcategory: 'product_design',
      status: 'open',
    });
    const [assigned] = await t.events(ASSIGNED, (e) => e.causationId === reclassified.eventId);
    expect({ ...assigned.payload }).toEqual({
      department: 'product-management',
      handlerId: 'h-product-01',
      previousHandlerId: before.handlerId,
      previousDepartment: 'claims',
      cause: 'reclassified',
      assignedAt: clock.now().toISOString(),
    });

    // The same correction again under a new event id changes nothing and publishes nothing.
    const again = aReclassifiedEvent({
      complaintId: routed.complaintId,
      correlationId: routed.correlationId,
      payload: { ...reclassified.payload },
    });
    await t.env.publish(again);
    await waitFor(
      'the repeated correction to be applied',
      async () =>
        (
          await t.app
            .get(DataSource)
            .query('SELECT 1 FROM inbox_message WHERE event_id = $1', [again.eventId])
        ).length > 0,
      WAIT_MS,
    );
    expect(await t.caseOf(routed.complaintId)).toEqual(after);
    const all = await t.events(ASSIGNED, (e) => e.complaintId === routed.complaintId, 2);
    expect(all.map(cause)).toEqual(['routed', 'reclassified']);
  });
});
