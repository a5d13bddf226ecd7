import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Producer } from 'kafkajs';
import pino from 'pino';
import { aClosedEvent, aFeedbackReceivedEvent, aRoutedEvent, TOPICS, validateEnvelope } from '@complaints/contracts';
import { createKafka, createProducer } from '@complaints/messaging';
import { createServiceApp, loadConfig } from '@complaints/platform';
import { readTopics, ServiceTestEnv, serviceTestEnv, waitFor } from '@complaints/testing';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/config/intake.config';
import { DataSource } from 'typeorm';

jest.setTimeout(60_000);

let seq = 0;
function aComplaintRequest(overrides: Record<string, unknown> = {}) {
  seq++;
  return {
    channel: 'web',
    callerSystem: 'web-portal',
    externalReference: `WEB-${Date.now()}-${seq}`,
    customer: { name: 'Wang Fang', phone: '+86 139 1234 5678', email: 'wang.fang@example.cn' },
    policyNumber: 'PA-2026-778812',
    productLine: 'motor',
    subject: '车险理赔拖延',
    description: '我三个月前提交的车险理赔至今没有结果，客服一直说在处理。',
    desiredOutcome: '尽快赔付',
    ...overrides,
  };
}

describe('intake: submitting a complaint (real Kafka, real PostgreSQL)', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let producer: Producer;

  beforeAll(async () => {
    env = await serviceTestEnv('intake');
    const config = loadConfig(IntakeConfig, env.env);
    app = await createServiceApp(AppModule.with(config), { title: 'intake', description: 'test' });
    await app.getHttpAdapter().getInstance().ready();
    producer = createProducer(createKafka({ brokers: env.brokers, clientId: 'intake-test', logger: pino({ level: 'silent' }) }));
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await env?.cleanup();
  });

  const post = (body: unknown) =>
    app.inject({ method: 'POST', url: '/v1/complaints', payload: body as object, headers: { 'content-type': 'application/json' } });

  it('accepts a complaint with 202, a reference number and a due date, and publishes complaint.received', async () => {
    const request = aComplaintRequest();
    const res = await post(request);
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toMatchObject({ status: 'received', referenceNumber: expect.stringMatching(/^CMP-\d{4}-\d{7}$/) });
    expect(res.headers['location']).toBe(`/v1/complaints/${body.id}`);
    const dueInDays = (Date.parse(body.decisionDueAt) - Date.parse(body.receivedAt)) / 86_400_000;
    expect(dueInDays).toBe(15);

    const [message] = await readTopics(env.brokers, [env.prefix + TOPICS.received], (m) => m.some((x) => x.key === body.id));
    expect(message.key).toBe(body.id);
    const event = validateEnvelope(JSON.parse(message.value ?? ''), 'produce');
    expect(event.ok).toBe(true);
    expect(event.ok && event.envelope.payload).toMatchObject({
      referenceNumber: body.referenceNumber,
      language: 'zh',
      customer: request.customer,
      externalReference: request.externalReference,
    });
  });

  it('treats the same caller reference as the same complaint and publishes it once', async () => {
    const request = aComplaintRequest({ language: 'zh' });
    const [first, second] = await Promise.all([post(request), post(request)]);
    const third = await post(request);
    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([202, 202, 202]);
    expect(new Set([first.json().id, second.json().id, third.json().id]).size).toBe(1);

    const id = first.json().id;
    const [{ rows }] = await app.get(DataSource).query(
      'SELECT count(*)::int AS rows FROM outbox_message WHERE message_key = $1',
      [id],
    );
    expect(rows).toBe(1);
    const marker = aComplaintRequest();
    const markerId = (await post(marker)).json().id;
    const seen = await readTopics(
      env.brokers,
      [env.prefix + TOPICS.received],
      (m) => m.some((x) => x.key === markerId) && m.some((x) => x.key === id),
    );
    expect(seen.filter((m) => m.key === id)).toHaveLength(1);
  });

  it('refuses an invalid complaint with problem+json naming each field, and stores nothing', async () => {
    const externalReference = `BAD-${Date.now()}`;
    const res = await post({ ...aComplaintRequest({ externalReference }), channel: 'fax', productLine: undefined, surprise: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['channel', 'productLine', 'surprise']);
    const again = await post(aComplaintRequest({ externalReference }));
    expect(again.statusCode).toBe(202);
    expect(again.json().referenceNumber).toBeDefined();
  });

  it('answers 404 problem+json for an unknown complaint', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/complaints/7d1f7a2e-2b7e-4a53-9a55-0f7f5e1f3b11' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'COMPLAINT.NOT_FOUND', status: 404 });
  });

  it('keeps the status view current from lifecycle events', async () => {
    const id = (await post(aComplaintRequest())).json().id;
    const routed = aRoutedEvent({
      complaintId: id,
      occurredAt: new Date().toISOString(),
      payload: { department: 'claims', decisionDueAt: '2030-01-01T00:00:00.000Z' },
    });
    await producer.send({
      topic: env.prefix + TOPICS.routed,
      acks: -1,
      messages: [{ key: id, value: JSON.stringify(routed) }],
    });
    const status = await waitFor<{ department: string; stageTimes: object }>('the complaint routed', async () => {
      const res = await app.inject({ method: 'GET', url: `/v1/complaints/${id}` });
      return res.json().status === 'routed' ? res.json() : undefined;
    });
    expect(status).toMatchObject({ department: 'claims', decisionDueAt: '2030-01-01T00:00:00.000Z' });
    expect(Object.keys(status.stageTimes).sort()).toEqual(['received', 'routed']);
  });

  it('keeps the later stage when two events share an instant and arrive in reverse order', async () => {
    const id = (await post(aComplaintRequest())).json().id;
    const at = new Date(Date.now() + 1000).toISOString();
    const closed = aClosedEvent({ complaintId: id, occurredAt: at });
    const feedback = aFeedbackReceivedEvent({ complaintId: id, occurredAt: at });
    await producer.send({ topic: env.prefix + TOPICS.closed, acks: -1, messages: [{ key: id, value: JSON.stringify(closed) }] });
    await waitFor('the complaint closed', async () => (await app.inject({ url: `/v1/complaints/${id}` })).json().status === 'closed');
    await producer.send({
      topic: env.prefix + TOPICS.feedbackReceived,
      acks: -1,
      messages: [{ key: id, value: JSON.stringify(feedback) }],
    });
    await waitFor(
      'the feedback time recorded',
      async () => (await app.inject({ url: `/v1/complaints/${id}` })).json().stageTimes.feedback_received === at,
    );
    expect((await app.inject({ url: `/v1/complaints/${id}` })).json().status).toBe('closed');
  });
});
