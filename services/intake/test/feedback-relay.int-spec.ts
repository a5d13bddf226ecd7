import { TOPICS } from '@complaints/contracts';
import { aFeedbackReceivedEvent } from '@complaints/contracts/testing';
import { waitFor } from '@complaints/testing';
import { anAssignedComplaint, auditPayloads, eventsOn, respond } from './support/case-events';
import { aComplaintRequest } from './support/complaint-requests';
import { intakeKeyCli } from './support/intake-key-cli';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(120_000);

describe("intake: calling systems relay the customer's survey answer (real Kafka, PostgreSQL)", () => {
  let intake: IntakeTestApp;
  /** call-centre: complaints and feedback */
  let key: string;

  beforeAll(async () => {
    intake = await startIntake('intake_feedback');
    key = (
      await intake.newKey('call-centre', ['complaints:write', 'complaints:read', 'feedback:write'])
    ).key;
  });

  afterAll(async () => {
    await intake?.close();
  });

  const relay = (id: string, body: unknown, withKey = key, headers: Record<string, string> = {}) =>
    intake.inject({
      method: 'POST',
      url: `/v1/complaints/${id}/feedback`,
      payload: JSON.stringify(body),
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${withKey}`,
        ...headers,
      },
    });
  const responded = async () => {
    const id = await anAssignedComplaint(intake, key, 'claims', 'h-claims-01');
    await respond(intake, id);
    return id;
  };
  const answer = { rating: 4, solved: true, comment: 'Paid in full, thank you' };

  it('answers 202 with the status link, publishes complaint.feedback-submitted and audits the relay', async () => {
    const id = await responded();
    const res = await relay(id, answer);
    expect(res.statusCode).toBe(202);
    expect(res.headers['location']).toBe(`/v1/complaints/${id}`);
    expect(res.json()).toMatchObject({ complaintId: id, statusUrl: `/v1/complaints/${id}` });

    const [event] = await eventsOn(intake, TOPICS.feedbackSubmitted, id, (e) => e.length > 0);
    expect(event).toMatchObject({ type: 'complaint.feedback-submitted', producer: 'intake' });
    // It names the round of the letter it answers (intake saw complaint.responded round 1).
    expect(event.payload).toEqual({
      ...answer,
      callerSystem: 'call-centre',
      round: 1,
      submittedAt: res.json().submittedAt,
    });

    const [entry] = auditPayloads(
      await eventsOn(intake, TOPICS.audit, id, (e) =>
        auditPayloads(e).some((p) => p.action === 'feedback.relayed'),
      ),
    );
    expect(entry).toMatchObject({
      action: 'feedback.relayed',
      kind: 'change',
      callerSystem: 'call-centre',
    });
    expect(entry.actor).toBeUndefined();
    expect(JSON.stringify(entry)).not.toContain(answer.comment);
  });

  it('takes one answer per response: a second is 409 FEEDBACK.ALREADY_SUBMITTED; the same Idempotency-Key and body replay the first', async () => {
    const id = await responded();
    const first = await relay(id, answer, key, { 'idempotency-key': 'survey-1' });
    expect(first.statusCode).toBe(202);
    const retry = await relay(id, answer, key, { 'idempotency-key': 'survey-1' });
    expect(retry.statusCode).toBe(202);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(
      (await relay(id, { ...answer, rating: 1 }, key, { 'idempotency-key': 'survey-1' })).json(),
    ).toMatchObject({
      code: 'IDEMPOTENCY.KEY_REUSED',
    });
    const second = await relay(id, { rating: 1, solved: false });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'FEEDBACK.ALREADY_SUBMITTED' });
    const [{ n }] = await intake.db.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE message_key = $1 AND topic LIKE '%feedback-submitted%'`,
      [id],
    );
    expect(n).toBe(1);
  });

  it('answers 409 FEEDBACK.NOT_AWAITED before a response and once feedback was received', async () => {
    const id = await anAssignedComplaint(intake, key, 'claims', 'h-claims-01');
    const early = await relay(id, answer);
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json()).toMatchObject({
      code: 'FEEDBACK.NOT_AWAITED',
      detail: expect.stringContaining('routed'),
    });

    await respond(intake, id);
    await intake.env.publish(
      aFeedbackReceivedEvent({
        complaintId: id,
        occurredAt: new Date(Date.now() + 60_000).toISOString(),
      }),
    );
    await waitFor('feedback received', async () => {
      const [row] = await intake.db.query(`SELECT status FROM complaint WHERE id = $1`, [id]);
      return row.status === 'feedback_received';
    });
    expect((await relay(id, answer)).json()).toMatchObject({ code: 'FEEDBACK.NOT_AWAITED' });
  });

  it("needs the feedback:write scope (403) and answers 404 for another system's complaint", async () => {
    const id = await responded();
    const plain = (await intake.newKey('web-portal')).key;
    const refused = await relay(id, answer, plain);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'AUTH.SCOPE_MISSING' });

    const other = (await intake.newKey('branch-desk', ['complaints:write', 'feedback:write'])).key;
    const theirs = await relay(id, answer, other);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toMatchObject({ code: 'COMPLAINT.NOT_FOUND' });
    expect((await relay('7d1f7a2e-2b7e-4a53-9a55-0f7f5e1f3b11', answer)).statusCode).toBe(404);
  });

  it.each([
    [{ solved: true }, 'rating'],
    [{ rating: 6, solved: true }, 'rating'],
    [{ rating: 2.5, solved: true }, 'rating'],
    [{ rating: '4', solved: true }, 'rating'],
    [{ rating: 4 }, 'solved'],
    [{ rating: 4, solved: 'yes' }, 'solved'],
    [{ rating: 4, solved: true, comment: 'x'.repeat(2001) }, 'comment'],
    [{ rating: 4, solved: true, comment: '  ' }, 'comment'],
    [{ rating: 4, solved: true, handlerId: 'h-claims-01' }, 'handlerId'],
  ])('refuses %j with 400 problem+json naming %s', async (body, field) => {
    const id = (await intake.submit(aComplaintRequest(), key)).json().id;
    const res = await relay(id, body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'REQUEST.INVALID',
      errors: [expect.objectContaining({ field })],
    });
  });

  it('grants feedback:write from the command line only when asked', async () => {
    const env = { DATABASE_URL: intake.env.databaseUrl, DATABASE_SCHEMA: intake.env.schema };
    const granted = JSON.parse(
      await intakeKeyCli(
        ['create', '--system', 'survey-tool', '--scopes', 'feedback:write', '--json'],
        env,
      ),
    );
    expect(granted.scopes).toEqual(['feedback:write']);
    const plain = JSON.parse(
      await intakeKeyCli(['create', '--system', 'survey-tool', '--json'], env),
    );
    expect(plain.scopes).toEqual(['complaints:read', 'complaints:write']);
    await expect(
      intakeKeyCli(['create', '--system', 'survey-tool', '--scopes', 'feedback:read'], env),
    ).rejects.toMatchObject({ code: 1 });
  });
});
