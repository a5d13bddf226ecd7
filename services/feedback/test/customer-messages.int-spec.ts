import { randomUUID } from 'crypto';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { aClockEvent, anInvestigatedEvent } from '@complaints/contracts/testing';
import { waitFor } from '@complaints/testing';
import { contentHash } from '../src/messages/message-address';
import {
  aPhone,
  anEmail,
  CALLBACK_TOKEN,
  mailTo,
  MessagesWorld,
  messagesWorld,
  smsTo,
} from './customer-messages.kit';

jest.setTimeout(90_000);

describe('feedback: messages reach customers on their channel, with proof (real SMTP server, SMS gateway stand-in, Kafka, PostgreSQL)', () => {
  let world: MessagesWorld;

  beforeAll(async () => {
    world = await messagesWorld();
  });
  afterAll(() => world?.close());

  const arrived = (address: string, n = 1) =>
    waitFor(`${n} e-mail(s) to the test address`, async () => {
      const mail = await mailTo(address);
      return mail.length >= n ? mail : undefined;
    });

  it('acknowledges a routed complaint by e-mail with its reference, what happens next and the due date, and publishes the acknowledgement with the proof id', async () => {
    const email = anEmail();
    const { complaintId, reference } = await world.complain({ email, channel: 'web' });

    const [mail] = await arrived(email);
    expect(mail?.subject).toContain(reference);
    expect(mail?.text).toContain(`投诉编号为${reference}`);
    expect(mail?.text).toContain('接下来');
    // decisionDueAt 2026-01-17T01:00Z is 17 January in Beijing
    expect(mail?.text).toContain('2026年1月17日前作出处理决定');

    const [ack] = await world.messages(complaintId, (ms) => ms[0]?.status === 'told');
    const proof = ack?.proofs[0];
    expect(ack).toMatchObject({
      kind: 'acknowledgement',
      templateId: 'acknowledgement',
      templateVersion: 1,
    });
    expect(proof).toMatchObject({ channel: 'email', deliveryStatus: 'sent', attempt: 1 });
    expect(proof?.maskedAddress).toMatch(/^c\*\*\*@e\*\*\*\.test$/);
    expect(proof?.providerMessageId).toMatch(/^<.+>$/);
    // The hash proves what the customer got: it is the hash of what the SMTP server holds.
    expect(proof?.contentHash).toBe(contentHash(mail?.subject ?? '', (mail?.text ?? '').trimEnd()));

    const event = await world.acknowledged(complaintId);
    expect(event).toMatchObject({ channel: 'email', proofId: proof?.id });
  });

  it('sends a decision letter stating the findings, the basis and reasons, and every remedy left, with the regulator line', async () => {
    const email = anEmail();
    const { complaintId, summary, reference } = await world.complain({ email, language: 'en' });
    await arrived(email);
    await world.env.publish(
      anInvestigatedEvent({
        complaintId,
        payload: {
          complaint: summary,
          outcome: 'upheld',
          summary:
            'The claim was complete on 11 February and payment was held by a missing approval.',
          rootCause:
            'Clause 7.2 of the policy requires payment within 10 days of a complete claim.',
        },
      }),
    );
    const letter = (await arrived(email, 2)).find((m) => m.subject.includes('decision'));
    expect(letter?.subject).toBe(`Our decision on your complaint ${reference}`);
    const text = letter?.text ?? '';
    expect(text).toContain('2. What we found\nThe claim was complete on 11 February');
    expect(text).toContain('3. The basis and reasons for our decision\nClause 7.2');
    expect(text).toContain('internal review within 30 days');
    expect(text).toMatch(/mediation.*arbitration.*courts/s);
    expect(text).toContain('consumer complaint line, 12378');

    const messages = await world.messages(complaintId, (ms) =>
      ms.some((m) => m.kind === 'decision' && m.status === 'told'),
    );
    const decision = messages.find((m) => m.kind === 'decision');
    expect(decision).toMatchObject({ templateId: 'decision-letter', templateVersion: 3 });
    expect(decision?.proofs[0]?.contentHash).toBe(
      contentHash(letter?.subject ?? '', text.trimEnd()),
    );
  });

  it('refuses a decision letter whose findings are blank: nothing is sent, no response is recorded, officers see the refusal', async () => {
    const email = anEmail();
    const { complaintId, summary } = await world.complain({ email });
    await arrived(email);
    await world.env.publish(
      anInvestigatedEvent({ complaintId, payload: { complaint: summary, summary: '   ' } }),
    );
    const messages = await world.messages(complaintId, (ms) =>
      ms.some((m) => m.kind === 'decision'),
    );
    expect(messages.find((m) => m.kind === 'decision')).toMatchObject({
      status: 'refused',
      lastError: 'MESSAGE.MISSING_PART:findings',
      proofs: [],
    });
    const officer = await world.headers('officer');
    const response = await world.app.inject({
      method: 'GET',
      url: `/v1/responses/${complaintId}`,
      headers: officer,
    });
    expect(response.statusCode).toBe(404);
    const untold = await world.app.inject({
      method: 'GET',
      url: '/v1/messages/untold',
      headers: officer,
    });
    expect((untold.json() as { complaintId: string }[]).map((m) => m.complaintId)).toContain(
      complaintId,
    );
    // Several sweeps later only the acknowledgement has reached the customer.
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('falls back to SMS when the e-mail bounces for good, and the gateway receipt marks the text delivered', async () => {
    const email = anEmail('bounce');
    const phone = aPhone();
    const { complaintId, reference } = await world.complain({ email, phone, channel: 'web' });

    const [sms] = await waitFor('the text', async () =>
      (await smsTo(phone)).length ? smsTo(phone) : undefined,
    );
    expect(sms?.text).toContain(reference);
    const [ack] = await world.messages(
      complaintId,
      (ms) =>
        ms[0]?.proofs.some((p) => p.channel === 'sms' && p.deliveryStatus === 'delivered') ?? false,
    );
    expect(ack?.proofs.map((p) => [p.channel, p.deliveryStatus, p.error])).toEqual([
      ['email', 'bounced', 'SMTP_550'],
      ['sms', 'delivered', undefined],
    ]);
    expect(ack?.proofs[1]?.maskedAddress).toBe(`*********${phone.slice(-4)}`);
    expect(await world.acknowledged(complaintId)).toMatchObject({ channel: 'sms' });
  });

  it('retries a transient e-mail failure with backoff, then moves on to SMS after the attempts allowed', async () => {
    const { complaintId } = await world.complain({ email: anEmail('defer'), phone: aPhone() });
    const [ack] = await world.messages(complaintId, (ms) => ms[0]?.status === 'told');
    const proofs = ack?.proofs ?? [];
    expect(
      proofs.slice(0, 2).map((p) => [p.channel, p.attempt, p.deliveryStatus, p.error]),
    ).toEqual([
      ['email', 1, 'deferred', 'SMTP_451'],
      ['email', 2, 'bounced', 'SMTP_451'],
    ]);
    expect(proofs[2]).toMatchObject({ channel: 'sms', attempt: 1 });
    // The stand-in's receipt may already have come back.
    expect(['sent', 'delivered']).toContain(proofs[2]?.deliveryStatus);
    // The second attempt waited at least the backoff (100 ms) after the first.
    expect(
      Date.parse(proofs[1]?.sentAt ?? '') - Date.parse(proofs[0]?.sentAt ?? ''),
    ).toBeGreaterThanOrEqual(100);
  });

  it('lists a complaint whose customer could not be told on any channel for officers (masked addresses only) and counts it for operators', async () => {
    const email = anEmail('bounce');
    const { complaintId } = await world.complain({ email });
    const officer = await world.headers('officer');
    const listed = await waitFor('the untold complaint', async () => {
      const res = await world.app.inject({
        method: 'GET',
        url: '/v1/messages/untold',
        headers: officer,
      });
      return (res.json() as { complaintId: string; status: string }[]).find(
        (m) => m.complaintId === complaintId,
      );
    });
    expect(listed).toMatchObject({ status: 'undeliverable', kind: 'acknowledgement' });
    expect(JSON.stringify(listed)).not.toContain(email);
    for (const role of ['operator', 'analyst'] as const) {
      const res = await world.app.inject({
        method: 'GET',
        url: '/v1/messages/untold',
        headers: await world.headers(role),
      });
      expect(res.statusCode).toBe(403);
    }
    const metrics = await world.app.inject({ method: 'GET', url: '/metrics' });
    const line = metrics.body
      .split('\n')
      .find((l) =>
        l.startsWith('complaints_customer_messages{kind="acknowledgement",status="undeliverable"}'),
      );
    expect(Number(line?.split(' ').pop())).toBeGreaterThanOrEqual(1);
    expect(metrics.body).not.toContain(email);
  });

  it('records a call that told a customer no text could reach: the proof is on the phone channel, the acknowledgement follows', async () => {
    const landline = `+8621${String(Date.now()).slice(-4)}0000`;
    const { complaintId } = await world.complain({ phone: landline, channel: 'phone' });
    await world.messages(complaintId, (ms) => ms[0]?.status === 'undeliverable');
    const officer = await world.headers('officer');
    const call = (payload: object) =>
      world.app.inject({
        method: 'POST',
        url: `/v1/messages/${complaintId}/calls`,
        headers: officer,
        payload,
      });
    const future = await call({
      kind: 'acknowledgement',
      outcome: 'reached',
      calledAt: '2999-01-01T00:00:00Z',
    });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('calledAt');
    const bad = await call({
      kind: 'acknowledgement',
      outcome: 'maybe',
      calledAt: new Date().toISOString(),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('outcome');
    const calledAt = new Date(Date.now() - 60_000).toISOString();
    const made = await call({
      kind: 'acknowledgement',
      outcome: 'reached',
      calledAt,
      note: 'Told of the reference',
    });
    expect(made.statusCode).toBe(201);

    const [ack] = await world.messages(complaintId, (ms) => ms[0]?.status === 'told');
    expect(ack?.proofs.find((p) => p.channel === 'phone')).toMatchObject({
      channel: 'phone',
      deliveryStatus: 'delivered',
      sentAt: calledAt,
      maskedAddress: '********0000',
    });
    expect(await world.acknowledged(complaintId)).toMatchObject({
      channel: 'phone',
      acknowledgedAt: calledAt,
    });
  });

  it('tells the customer of an approved extension with its reason and new date', async () => {
    const email = anEmail();
    const { complaintId } = await world.complain({ email });
    const [ackMail] = await arrived(email);
    expect(ackMail).toBeDefined();
    const reason = 'Medical records from two hospitals are needed';
    await world.env.publish(
      aClockEvent({ complaintId, payload: { action: 'extension-approved', reason } }),
    );
    const notice = (await arrived(email, 2)).find((m) => m.subject.includes('延长'));
    expect(notice?.text).toContain(`延期原因：${reason}`);
    // 30 days from receipt (2 January, 01:00 UTC)
    expect(notice?.text).toContain('新的处理期限：2026年2月1日');
  });

  it('lists what the mail sink received for officers and auditors ("sent mail"), answer-link tokens hidden; analysts and operators get 403', async () => {
    const email = anEmail();
    const { complaintId, summary, reference } = await world.complain({ email });
    await arrived(email);
    await world.env.publish(anInvestigatedEvent({ complaintId, payload: { complaint: summary } }));
    const [letter] = (await arrived(email, 2)).filter((m) => m.subject.includes('决定书'));
    expect(letter?.text).toMatch(/\/answer#t=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    const res = await world.app.inject({
      method: 'GET',
      url: `/v1/sent-mail?to=${encodeURIComponent(email)}`,
      headers: await world.headers('officer'),
    });
    expect(res.statusCode).toBe(200);
    const listed = res.json() as { to: string[]; subject: string; text: string }[];
    expect(listed.map((m) => m.subject)).toEqual([
      `投诉处理决定书（投诉编号：${reference}）`,
      `投诉受理通知（投诉编号：${reference}）`,
    ]);
    expect(listed[0]?.to).toEqual([email]);
    expect(listed[0]?.text).toContain('/answer#t=…');
    expect(listed[0]?.text).not.toMatch(/#t=[A-Za-z0-9_-]+\./);
    const bad = await world.app.inject({
      method: 'GET',
      url: '/v1/sent-mail?to=not-an-address',
      headers: await world.headers('officer'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('to');
    for (const role of ['operator', 'analyst'] as const) {
      const refused = await world.app.inject({
        method: 'GET',
        url: '/v1/sent-mail',
        headers: await world.headers(role),
      });
      expect(refused.statusCode).toBe(403);
    }
  });

  it('sends the decision letter to every channel the customer gave (e-mail and text, each with its proof and receipt), the acknowledgement and notices on the preferred one only', async () => {
    const email = anEmail();
    const phone = aPhone();
    const { complaintId, summary, reference } = await world.complain({
      email,
      phone,
      language: 'en',
    });
    await arrived(email);
    await world.env.publish(
      aClockEvent({ complaintId, payload: { action: 'extension-approved', reason: 'Records' } }),
    );
    await arrived(email, 2);
    await world.env.publish(anInvestigatedEvent({ complaintId, payload: { complaint: summary } }));
    const letter = (await arrived(email, 3)).find((m) => m.subject.includes('decision'));
    expect(letter?.subject).toBe(`Our decision on your complaint ${reference}`);
    const texts = await waitFor('the decision by text', async () => {
      const got = await smsTo(phone);
      return got.length > 0 ? got : undefined;
    });
    // Only the letter went by text: the acknowledgement and the notice stayed on e-mail.
    expect(texts).toHaveLength(1);
    expect(texts[0]?.text).toContain(`Our decision on your complaint ${reference}`);
    // The same letter, the same answer link, on both.
    const link = /\/answer#t=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/.exec(letter?.text ?? '')?.[0];
    expect(link).toBeDefined();
    expect(texts[0]?.text).toContain(link);

    const messages = await world.messages(complaintId, (ms) =>
      ms.some(
        (m) =>
          m.kind === 'decision' &&
          m.status === 'told' &&
          m.proofs.some((p) => p.channel === 'sms' && p.deliveryStatus === 'delivered'),
      ),
    );
    const byKind = Object.fromEntries(
      messages.map((m) => [m.kind, m.proofs.map((p) => [p.channel, p.deliveryStatus])]),
    );
    expect(byKind).toEqual({
      acknowledgement: [['email', 'sent']],
      extension: [['email', 'sent']],
      decision: [
        ['email', 'sent'],
        ['sms', 'delivered'],
      ],
    });
    const decision = messages.find((m) => m.kind === 'decision');
    expect(decision?.proofs[1]?.maskedAddress).toBe(`*********${phone.slice(-4)}`);
    expect(decision?.proofs[1]?.contentHash).toBe(decision?.proofs[0]?.contentHash);
  });

  it('sends a letter for every channel on the one left when the e-mail bounces, and tells the customer once', async () => {
    const phone = aPhone();
    const { complaintId, summary } = await world.complain({ email: anEmail('bounce'), phone });
    await world.env.publish(anInvestigatedEvent({ complaintId, payload: { complaint: summary } }));
    const messages = await world.messages(complaintId, (ms) =>
      ms.some((m) => m.kind === 'decision' && m.status === 'told'),
    );
    const decision = messages.find((m) => m.kind === 'decision');
    expect(decision?.proofs.map((p) => [p.channel, p.error ?? null])).toEqual([
      ['email', 'SMTP_550'],
      ['sms', null],
    ]);
    expect((await smsTo(phone)).filter((m) => m.text.includes('决定书'))).toHaveLength(1);
  });

  it('refuses a receipt without the callback token, for an unknown message or with a status out of the list', async () => {
    const post = (headers: Record<string, string>, payload: object) =>
      world.app.inject({ method: 'POST', url: '/v1/deliveries/sms', headers, payload });
    const token = { 'x-callback-token': CALLBACK_TOKEN };
    expect((await post({}, { messageId: 'x', status: 'delivered' })).statusCode).toBe(401);
    // The token is checked before the body: without it, even an empty body is 401.
    expect((await post({ authorization: 'Bearer x' }, {})).statusCode).toBe(401);
    expect(
      (
        await post(
          { 'x-callback-token': 'forged-token-forged' },
          { messageId: 'x', status: 'delivered' },
        )
      ).statusCode,
    ).toBe(401);
    // A receipt for a send not recorded (yet) is held, not refused: see the early-receipt suite.
    const early = await post(token, { messageId: `no-such-id-${Date.now()}`, status: 'delivered' });
    expect(early.statusCode).toBe(202);
    expect(early.json()).toEqual({ receipt: 'held' });
    const bad = await post(token, { messageId: 'x', status: 'read' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('status');
  });
});

/**
 * A gateway that calls back before it answers the send (as a fast real one can: its receipt
 * overtakes the sender's commit). The receipt must not be lost: feedback holds it and applies
 * it when the proof is written.
 */
describe('feedback: a delivery receipt that arrives before its send is recorded (a gateway that calls back first, over real HTTP)', () => {
  let world: MessagesWorld;
  let gateway: Server;
  const callbacks: { status: number; body: string }[] = [];

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const sent = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          callbackUrl: string;
          callbackToken: string;
        };
        const messageId = `gw-${randomUUID()}`;
        // The receipt first, answered, and only then the send's own answer.
        fetch(sent.callbackUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-callback-token': sent.callbackToken },
          body: JSON.stringify({ messageId, status: 'delivered', at: new Date().toISOString() }),
        })
          .then(async (r) => callbacks.push({ status: r.status, body: await r.text() }))
          .finally(() => {
            res.writeHead(202, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ messageId }));
          });
      });
    });
    await new Promise<void>((done) => gateway.listen(0, '127.0.0.1', done));
    const { port } = gateway.address() as AddressInfo;
    world = await messagesWorld({ SMS_GATEWAY_URL: `http://127.0.0.1:${port}/sms/v1/messages` });
  });
  afterAll(async () => {
    await world?.close();
    await new Promise((done) => gateway?.close(done));
  });

  it('holds the early receipt and marks the text delivered once the send is recorded', async () => {
    const { complaintId } = await world.complain({ phone: aPhone(), channel: 'phone' });
    const [ack] = await world.messages(
      complaintId,
      (ms) => ms[0]?.proofs[0]?.deliveryStatus === 'delivered',
    );
    expect(callbacks[0]).toEqual({ status: 202, body: JSON.stringify({ receipt: 'held' }) });
    expect(ack?.proofs).toEqual([
      expect.objectContaining({ channel: 'sms', deliveryStatus: 'delivered', attempt: 1 }),
    ]);
    expect(ack?.proofs[0]?.providerMessageId).toMatch(/^gw-/);
    expect(ack?.status).toBe('told');
  });
});
