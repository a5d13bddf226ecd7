import { TOPICS, validateEnvelope } from '@complaints/contracts';
import { aClosedEvent, aFeedbackReceivedEvent, aRoutedEvent } from '@complaints/contracts/testing';
import { readTopics, waitFor } from '@complaints/testing';
import { aComplaintRequest } from './support/complaint-requests';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(60_000);

describe('intake: submitting and following a complaint (real Kafka, real PostgreSQL)', () => {
  let intake: IntakeTestApp;
  let key: string;

  beforeAll(async () => {
    intake = await startIntake('intake');
    key = (await intake.newKey('web-portal')).key;
  });

  afterAll(async () => {
    await intake?.close();
  });

  const statusOf = async (id: string) => (await intake.get(`/v1/complaints/${id}`, key)).json();

  it('accepts a complaint with 202, a reference number and a due date, and publishes complaint.received', async () => {
    const request = aComplaintRequest();
    const res = await intake.submit(request, key);
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'received',
      referenceNumber: expect.stringMatching(/^CMP-\d{4}-\d{7}$/),
    });
    expect(res.headers['location']).toBe(`/v1/complaints/${body.id}`);
    const dueInDays = (Date.parse(body.decisionDueAt) - Date.parse(body.receivedAt)) / 86_400_000;
    expect(dueInDays).toBe(15);

    const [message] = await readTopics(
      intake.env.brokers,
      [intake.env.prefix + TOPICS.received],
      (m) => m.some((x) => x.key === body.id),
    );
    expect(message.key).toBe(body.id);
    const event = validateEnvelope(JSON.parse(message.value ?? ''), 'produce');
    expect(event.ok).toBe(true);
    expect(event.ok && event.envelope.payload).toMatchObject({
      referenceNumber: body.referenceNumber,
      callerSystem: 'web-portal',
      language: 'zh',
      customer: request['customer'],
      externalReference: request['externalReference'],
    });
  });

  it('treats the same caller reference as the same complaint and publishes it once', async () => {
    const request = aComplaintRequest({ language: 'zh' });
    const [first, second] = await Promise.all([
      intake.submit(request, key),
      intake.submit(request, key),
    ]);
    const third = await intake.submit(
      { ...request, subject: 'Sent again with another subject' },
      key,
    );
    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([202, 202, 202]);
    expect(new Set([first.json().id, second.json().id, third.json().id]).size).toBe(1);

    const id = first.json().id;
    const [{ rows }] = await intake.db.query(
      'SELECT count(*)::int AS rows FROM outbox_message WHERE message_key = $1',
      [id],
    );
    expect(rows).toBe(1);
    const markerId = (await intake.submit(aComplaintRequest(), key)).json().id;
    const seen = await readTopics(
      intake.env.brokers,
      [intake.env.prefix + TOPICS.received],
      (m) => m.some((x) => x.key === markerId) && m.some((x) => x.key === id),
    );
    expect(seen.filter((m) => m.key === id)).toHaveLength(1);
  });

  it('finds a complaint by the caller reference, with its status and stage times', async () => {
    const request = aComplaintRequest();
    const accepted = (await intake.submit(request, key)).json();
    const ref = encodeURIComponent(String(request['externalReference']));
    const res = await intake.get(`/v1/complaints?externalReference=${ref}`, key);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      ...accepted,
      externalReference: request['externalReference'],
      stageTimes: { received: accepted.receivedAt },
    });
    const missing = await intake.get('/v1/complaints?externalReference=NOPE-1', key);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'COMPLAINT.NOT_FOUND' });
  });

  it('shows a calling system only its own complaints; the same reference in two systems is two complaints', async () => {
    const other = (await intake.newKey('call-centre')).key;
    const request = aComplaintRequest();
    const mine = (await intake.submit(request, key)).json();
    const theirs = (await intake.submit(request, other)).json();
    expect(theirs.id).not.toBe(mine.id);

    const peek = await intake.get(`/v1/complaints/${mine.id}`, other);
    expect(peek.statusCode).toBe(404);
    expect(peek.headers['content-type']).toContain('application/problem+json');
    expect(peek.json()).toMatchObject({ code: 'COMPLAINT.NOT_FOUND', status: 404 });
    const ref = encodeURIComponent(String(request['externalReference']));
    expect((await intake.get(`/v1/complaints?externalReference=${ref}`, other)).json().id).toBe(
      theirs.id,
    );
  });

  it('answers 404 problem+json for an unknown complaint and 400 for an id that is no UUID', async () => {
    const res = await intake.get('/v1/complaints/7d1f7a2e-2b7e-4a53-9a55-0f7f5e1f3b11', key);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'COMPLAINT.NOT_FOUND', status: 404 });
    const bad = await intake.get('/v1/complaints/not-a-uuid', key);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'id' }] });
  });

  it('keeps the status view current from lifecycle events', async () => {
    const id = (await intake.submit(aComplaintRequest(), key)).json().id;
    await intake.env.publish(
      aRoutedEvent({
        complaintId: id,
        occurredAt: new Date().toISOString(),
        payload: { department: 'claims', decisionDueAt: '2030-01-01T00:00:00.000Z' },
      }),
    );
    const status = await waitFor<{ department: string; stageTimes: object }>(
      'the complaint routed',
      async () => {
        const body = await statusOf(id);
        return body.status === 'routed' ? body : undefined;
      },
    );
    expect(status).toMatchObject({
      department: 'claims',
      decisionDueAt: '2030-01-01T00:00:00.000Z',
    });
    expect(Object.keys(status.stageTimes).sort()).toEqual(['received', 'routed']);
  });

  it('keeps the later stage when two events share an instant and arrive in reverse order', async () => {
    const id = (await intake.submit(aComplaintRequest(), key)).json().id;
    const at = new Date(Date.now() + 1000).toISOString();
    await intake.env.publish(aClosedEvent({ complaintId: id, occurredAt: at }));
    await waitFor('the complaint closed', async () => (await statusOf(id)).status === 'closed');
    await intake.env.publish(aFeedbackReceivedEvent({ complaintId: id, occurredAt: at }));
    await waitFor(
      'the feedback time recorded',
      async () => (await statusOf(id)).stageTimes.feedback_received === at,
    );
    expect((await statusOf(id)).status).toBe('closed');
  });
});
