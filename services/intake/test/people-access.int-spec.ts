import { TOPICS } from '@complaints/contracts';
import { testIdentity, TestIdentity } from '@complaints/testing';
import { anAssignedComplaint, assign, auditPayloads, eventsOn } from './support/case-events';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(120_000);

/** People with real tokens from the identity provider (Keycloak, the demo realm). */
describe('intake: people read complaints and complainants (real Keycloak tokens)', () => {
  let intake: IntakeTestApp;
  let identity: TestIdentity;
  let key: string;
  /** Routed to claims, assigned to h-claims-01. */
  let id: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    intake = await startIntake('intake_people');
    identity = await testIdentity();
    key = (await intake.newKey('web-portal')).key;
    id = await anAssignedComplaint(intake, key, 'claims', 'h-claims-01');
  });

  afterAll(async () => {
    await intake?.close();
  });

  const as = async (user: string, url: string) => {
    if (!tokens.has(user)) tokens.set(user, await identity.token(user));
    return intake.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${tokens.get(user)}`, 'user-agent': 'people-spec' },
    });
  };
  const complainant = (user: string, complaintId = id) =>
    as(user, `/v1/complaints/${complaintId}/complainant`);
  const status = (user: string, complaintId = id) => as(user, `/v1/complaints/${complaintId}`);

  it("gives the assigned handler the complainant's details, audited as complainant.read", async () => {
    const res = await complainant('h-claims-01');
    expect(res.statusCode).toBe(200);
    const [row] = await intake.db.query(
      `SELECT customer, policy_number, reference_number FROM complaint WHERE id = $1`,
      [id],
    );
    expect(res.json()).toMatchObject({
      complaintId: id,
      referenceNumber: row.reference_number,
      name: row.customer.name,
    });
    if (row.customer.phone) expect(res.json().phone).toBe(row.customer.phone);
    if (row.policy_number) expect(res.json().policyNumber).toBe(row.policy_number);

    const entries = auditPayloads(
      await eventsOn(intake, TOPICS.audit, id, (events) =>
        auditPayloads(events).some((e) => e.action === 'complainant.read'),
      ),
    );
    const read = entries.find((e) => e.action === 'complainant.read');
    expect(read).toMatchObject({
      kind: 'read',
      actor: { username: 'h-claims-01', roles: expect.arrayContaining(['handler']) },
      origin: { userAgent: 'people-spec' },
    });
    // The entry names the person and the complaint, never the complainant.
    expect(JSON.stringify(read)).not.toContain(row.customer.name);
  });

  it('refuses a handler of the department the case is not assigned to with 403, and audits the attempt', async () => {
    const res = await complainant('h-claims-02');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 403, code: 'COMPLAINANT.NOT_ASSIGNED' });
    const entries = auditPayloads(
      await eventsOn(intake, TOPICS.audit, id, (events) =>
        auditPayloads(events).some((e) => e.action === 'complainant.read-refused'),
      ),
    );
    expect(entries.find((e) => e.action === 'complainant.read-refused')).toMatchObject({
      actor: { username: 'h-claims-02' },
    });
    expect((await complainant('sup-claims')).json()).toMatchObject({
      code: 'COMPLAINANT.NOT_ASSIGNED',
    });
  });

  it('answers 404, as for a missing complaint, to people of another department', async () => {
    const missing = await status('h-policy-01', '7d1f7a2e-2b7e-4a53-9a55-0f7f5e1f3b11');
    for (const res of [
      await complainant('h-policy-01'),
      await status('h-policy-01'),
      await complainant('sup-policy'),
      await status('sup-policy'),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({
        ...missing.json(),
        detail: `No complaint ${id}.`,
        instance: expect.any(String),
      });
    }
  });

  it('answers 403 to operators and analysts on both routes, and to approvers on the complainant', async () => {
    for (const user of ['operator', 'analyst']) {
      expect((await status(user)).statusCode).toBe(403);
      expect((await complainant(user)).statusCode).toBe(403);
    }
    expect((await complainant('approver')).json()).toMatchObject({ code: 'AUTH.ROLE_MISSING' });
  });

  it('lets complaints officers and auditors read any complainant', async () => {
    for (const user of ['officer', 'auditor']) {
      const res = await complainant(user);
      expect(res.statusCode).toBe(200);
      expect(res.json().complaintId).toBe(id);
    }
  });

  it("shows the status to the department's people and to officers, each read audited as complaint.read", async () => {
    for (const user of ['h-claims-02', 'sup-claims', 'officer', 'auditor']) {
      const res = await status(user);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id, department: 'claims', status: 'routed' });
    }
    const entries = auditPayloads(
      await eventsOn(intake, TOPICS.audit, id, (events) =>
        auditPayloads(events).some(
          (e) => e.action === 'complaint.read' && e.actor?.username === 'auditor',
        ),
      ),
    );
    expect(
      entries.filter((e) => e.action === 'complaint.read').map((e) => e.actor?.username),
    ).toEqual(expect.arrayContaining(['h-claims-02', 'sup-claims', 'officer', 'auditor']));
  });

  it('follows a reassignment: the new handler reads the complainant, the former one no longer does', async () => {
    const other = await anAssignedComplaint(intake, key, 'claims', 'h-claims-01');
    await assign(intake, other, 'claims', 'h-claims-03');
    expect((await complainant('h-claims-03', other)).statusCode).toBe(200);
    expect((await complainant('h-claims-01', other)).statusCode).toBe(403);
    await assign(intake, other, 'policy-services', 'h-policy-01');
    expect((await complainant('h-policy-01', other)).statusCode).toBe(200);
    expect((await status('h-claims-03', other)).statusCode).toBe(404);
  });

  it("keeps API keys on the old routes and off people's", async () => {
    expect((await intake.get(`/v1/complaints/${id}`, key)).json()).toMatchObject({ id });
    const keyed = await intake.get(`/v1/complaints/${id}/complainant`, key);
    expect(keyed.statusCode).toBe(401);
    // People's tokens do not open the calling systems' routes.
    const token = await identity.token('officer');
    for (const [method, url] of [
      ['POST', '/v1/complaints'],
      ['GET', '/v1/complaints?externalReference=X-1'],
      ['POST', `/v1/complaints/${id}/feedback`],
    ] as const) {
      const res = await intake.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(method === 'POST' ? { payload: '{}' } : {}),
      });
      expect(res.statusCode).toBe(401);
    }
  });
});
