import { randomUUID } from 'crypto';
import { aRoutedEvent } from '@complaints/contracts/testing';
import { ManualClock } from '@complaints/platform/testing';
import {
  aDecision,
  AUDIT,
  CaseView,
  InvestigationUnderTest,
  investigationUnderTest,
  subjectOf,
} from './investigation-test-kit';

jest.setTimeout(120_000);

/** Who may do what with a case, as real Keycloak tokens of the demo users say. */
describe('investigation: permissions by role and department (real Kafka, PostgreSQL, Keycloak)', () => {
  const clock = new ManualClock('2026-02-02T09:00:00.000Z');
  let t: InvestigationUnderTest;
  let claimsCase: CaseView;
  const routed = aRoutedEvent({
    complaintId: randomUUID(),
    payload: { department: 'claims', decisionDueAt: '2026-02-04T00:00:00.000Z' },
  });
  const policy = aRoutedEvent({
    complaintId: randomUUID(),
    payload: {
      department: 'policy-services',
      greenChannel: true,
      decisionDueAt: '2026-02-20T00:00:00.000Z',
    },
  });
  const url = (suffix = '') => `/v1/cases/${routed.complaintId}${suffix}`;
  const colleague = () => (claimsCase.handlerId === 'h-claims-01' ? 'h-claims-02' : 'h-claims-01');

  beforeAll(async () => {
    t = await investigationUnderTest('investigation-perm', clock);
    await t.env.publish(routed, policy);
    claimsCase = await t.caseOf(routed.complaintId);
    await t.caseOf(policy.complaintId);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses requests without a token (401)', async () => {
    const res = await t.as(undefined, 'GET', '/v1/cases');
    expect(res.statusCode).toBe(401);
  });

  it("shows handlers and supervisors their own department's queue only, whatever they filter", async () => {
    const own = await t.as('h-claims-03', 'GET', '/v1/cases');
    expect(own.json().items.map((c: CaseView) => c.complaintId)).toEqual([routed.complaintId]);
    const widened = await t.as('sup-claims', 'GET', '/v1/cases?department=policy-services');
    expect(widened.statusCode).toBe(200);
    expect(widened.json().items).toEqual([]);
    for (const user of ['officer', 'approver', 'auditor']) {
      const all = await t.as(user, 'GET', '/v1/cases');
      expect(new Set(all.json().items.map((c: CaseView) => c.complaintId))).toEqual(
        new Set([routed.complaintId, policy.complaintId]),
      );
    }
    const filtered = await t.as('officer', 'GET', '/v1/cases?department=policy-services');
    expect(filtered.json().items.map((c: CaseView) => c.complaintId)).toEqual([policy.complaintId]);
  });

  it('refuses an operator and an analyst on the queue and the case (403)', async () => {
    for (const user of ['operator', 'analyst']) {
      for (const path of ['/v1/cases', url(), '/v1/workload']) {
        const res = await t.as(user, 'GET', path);
        expect({ user, path, status: res.statusCode }).toEqual({ user, path, status: 403 });
      }
    }
  });

  it('answers 404 CASE.NOT_FOUND to another department, exactly as for a missing case', async () => {
    const missing = await t.as('h-policy-01', 'GET', `/v1/cases/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    const strip = (b: Record<string, unknown>) => ({
      ...b,
      detail: undefined,
      instance: undefined,
    });
    for (const [user, method, path, body] of [
      ['h-policy-01', 'GET', url(), undefined],
      ['sup-policy', 'GET', url(), undefined],
      ['h-policy-01', 'POST', url('/notes'), { body: 'A note' }],
      ['sup-policy', 'POST', url('/notes'), { body: 'A note' }],
      ['h-policy-01', 'POST', url('/decision'), aDecision()],
      ['sup-policy', 'POST', url('/assignment'), { handlerId: 'h-policy-01', reason: 'Load' }],
    ] as const) {
      const res = await t.as(user, method, path, body);
      expect({ user, path, status: res.statusCode }).toEqual({ user, path, status: 404 });
      expect(res.json()).toMatchObject({ code: 'CASE.NOT_FOUND' });
      expect(Object.keys(res.json()).sort()).toEqual(Object.keys(missing.json()).sort());
      expect(strip(res.json())).toEqual(strip(missing.json()));
    }
  });

  it('audits each read of a case file with the reader (case.read)', async () => {
    const res = await t.as('auditor', 'GET', url());
    expect(res.statusCode).toBe(200);
    const [entry] = await t.events(
      AUDIT,
      (e) =>
        e.complaintId === routed.complaintId &&
        (e.payload as { action?: string; actor?: { username?: string } }).action === 'case.read' &&
        (e.payload as { actor?: { username?: string } }).actor?.username === 'auditor',
    );
    expect(entry.payload).toMatchObject({
      kind: 'read',
      actor: { subject: subjectOf(t.identity, 'auditor'), roles: ['auditor'] },
      origin: { ip: expect.any(String) },
    });
  });

  it("lets a colleague of the department read but not note or decide another handler's case (403)", async () => {
    expect((await t.as(colleague(), 'GET', url())).statusCode).toBe(200);
    for (const [path, body] of [
      [url('/notes'), { body: 'A note' }],
      [url('/decision'), aDecision()],
    ] as const) {
      const res = await t.as(colleague(), 'POST', path, body);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'CASE.NOT_ASSIGNED' });
    }
    for (const user of ['approver', 'auditor', 'sup-claims', 'officer']) {
      expect((await t.as(user, 'POST', url('/decision'), aDecision())).statusCode).toBe(403);
    }
  });

  it('takes notes from a supervisor of the department and an officer, authored by their username', async () => {
    for (const user of ['sup-claims', 'officer', claimsCase.handlerId]) {
      const res = await t.as(user, 'POST', url('/notes'), { body: `Checked by ${user}` });
      expect({ user, status: res.statusCode }).toEqual({ user, status: 201 });
      expect(res.json()).toMatchObject({ author: user });
    }
    expect((await t.as('auditor', 'POST', url('/notes'), { body: 'x' })).statusCode).toBe(403);
  });

  it('refuses a decision naming a handlerId (an unknown field: 400)', async () => {
    const res = await t.as(
      claimsCase.handlerId,
      'POST',
      url('/decision'),
      aDecision({ handlerId: claimsCase.handlerId }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['handlerId']);
  });

  it('shows workloads: a supervisor their department, an officer or auditor any', async () => {
    const sup = await t.as('sup-claims', 'GET', '/v1/workload?department=policy-services');
    expect(sup.statusCode).toBe(200);
    expect(sup.json()).toMatchObject({ department: 'claims', dueWithinDays: 3, handlers: [] });
    const own = (await t.as('sup-claims', 'GET', '/v1/workload')).json();
    expect(own.handlers.map((h: { handlerId: string }) => h.handlerId)).toEqual([
      'h-claims-01',
      'h-claims-02',
      'h-claims-03',
    ]);
    expect(
      own.handlers.find((h: { handlerId: string }) => h.handlerId === claimsCase.handlerId),
    ).toMatchObject({
      openCases: 1,
      greenChannelCases: 0,
      nearestDueAt: '2026-02-04T00:00:00.000Z',
    });
    expect(own.dueSoon).toEqual([
      expect.objectContaining({ complaintId: routed.complaintId, handlerId: claimsCase.handlerId }),
    ]);
    const policyLoad = (
      await t.as('officer', 'GET', '/v1/workload?department=policy-services')
    ).json();
    expect(
      policyLoad.handlers.reduce(
        (n: number, h: { greenChannelCases: number }) => n + h.greenChannelCases,
        0,
      ),
    ).toBe(1);
    const all = (await t.as('auditor', 'GET', '/v1/workload?dueWithinDays=0')).json();
    expect(all).not.toHaveProperty('department');
    expect(new Set(all.handlers.map((h: { department: string }) => h.department)).size).toBe(7);
    expect(all.dueSoon).toEqual([]);
    expect((await t.as(claimsCase.handlerId, 'GET', '/v1/workload')).statusCode).toBe(403);
    expect((await t.as('approver', 'GET', '/v1/workload')).statusCode).toBe(403);
  });

  it('lets the assigned handler decide, audited with their subject (case.decided)', async () => {
    const res = await t.as(claimsCase.handlerId, 'POST', url('/decision'), aDecision());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ decidedBy: claimsCase.handlerId, round: 1 });
    const [entry] = await t.events(
      AUDIT,
      (e) =>
        e.complaintId === routed.complaintId &&
        (e.payload as { action?: string }).action === 'case.decided',
    );
    expect(entry.payload).toMatchObject({
      kind: 'change',
      actor: { subject: subjectOf(t.identity, claimsCase.handlerId), department: 'claims' },
      details: { outcome: 'partially_upheld', round: '1' },
    });
    expect(entry.causationId).toBe(res.json().eventId);
  });
});
