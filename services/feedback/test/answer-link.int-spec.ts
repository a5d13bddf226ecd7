import { DataSource } from 'typeorm';
import { EVENT_TYPES, TOPICS, validateEnvelope } from '@complaints/contracts';
import { anInvestigatedEvent } from '@complaints/contracts/testing';
import { ManualClock } from '@complaints/platform/testing';
import { readTopics, waitFor } from '@complaints/testing';
import { contentHash } from '../src/messages/message-address';
import { anEmail, mailTo, MessagesWorld, messagesWorld, SunkMail } from './customer-messages.kit';

jest.setTimeout(120_000);

const HOUR_MS = 60 * 60 * 1000;

describe("feedback: the customer's signed one-time answer link (real SMTP sink, Kafka, PostgreSQL)", () => {
  const clock = new ManualClock(new Date());
  let world: MessagesWorld;
  let db: DataSource;

  beforeAll(async () => {
    world = await messagesWorld({ ANSWER_LINK_TTL_HOURS: '48', SURVEY_WINDOW_HOURS: '72' }, clock);
    db = world.app.get(DataSource);
  });
  afterAll(() => world?.close());

  /** A complaint whose decision letter reached the customer's mailbox; its link's token. */
  async function aDecidedComplaint(language: 'zh' | 'en' = 'en') {
    const email = anEmail();
    const { complaintId, summary, reference } = await world.complain({ email, language });
    await world.env.publish(anInvestigatedEvent({ complaintId, payload: { complaint: summary } }));
    const mail = await waitFor('the decision letter', async () => {
      const all = await mailTo(email);
      return all.length >= 2 ? all : undefined;
    });
    // The acknowledgement and the letter race (both events are published at once): the letter
    // is the one carrying the link.
    const letter = mail.find(
      (m) => m.subject.includes(reference) && m.text.includes('/answer#t='),
    ) as SunkMail;
    const token = /\/answer#t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(letter.text)?.[1] ?? '';
    return { complaintId, reference, letter, token };
  }

  const post = (url: string, payload: object) => world.app.inject({ method: 'POST', url, payload });

  async function submittedEvents(complaintId: string) {
    const topic = world.env.prefix + TOPICS.feedbackSubmitted;
    const messages = await readTopics(world.env.brokers, [topic], (ms) =>
      ms.some((m) => m.key === complaintId),
    );
    return messages
      .filter((m) => m.key === complaintId)
      .map((m) => validateEnvelope(JSON.parse(m.value ?? ''), 'consume'))
      .flatMap((r) =>
        r.ok && r.envelope.type === EVENT_TYPES.feedbackSubmitted ? [r.envelope] : [],
      );
  }

  it('puts a link in the decision letter; the page opens it, takes one answer with a review asked for, and refuses the link again after', async () => {
    const { complaintId, reference, letter, token } = await aDecidedComplaint('en');
    expect(letter.text).toMatch(/It works once, until .+:\nhttp:\/\/127\.0\.0\.1:3004\/answer#t=/);
    expect(token).not.toBe('');

    const page = await world.app.inject({ method: 'GET', url: '/answer' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('投诉处理评价');
    expect(page.body).toContain('Rate how we handled your complaint');
    // The page itself knows nothing of any complaint.
    expect(page.body).not.toContain(reference);

    const looked = await post('/v1/answers/lookup', { token });
    expect(looked.statusCode).toBe(200);
    expect(looked.json()).toMatchObject({ referenceNumber: reference, round: 1, language: 'en' });

    const outOfRange = await post('/v1/answers', { token, rating: 6, solved: false });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.headers['content-type']).toContain('application/problem+json');
    expect(outOfRange.body).toContain('rating');
    // Refused and nothing spent: the link still opens.
    expect((await post('/v1/answers/lookup', { token })).statusCode).toBe(200);

    const taken = await post('/v1/answers', {
      token,
      rating: 2,
      solved: false,
      reviewRequested: true,
      comment: 'The delay was not explained.',
    });
    expect(taken.statusCode).toBe(202);
    expect(taken.json()).toEqual({ round: 1, status: 'received' });

    const [submitted, ...more] = await submittedEvents(complaintId);
    expect(more).toHaveLength(0);
    expect(submitted?.payload).toMatchObject({
      rating: 2,
      solved: false,
      callerSystem: 'answer-link',
      round: 1,
      reviewRequested: true,
      comment: 'The delay was not explained.',
    });
    // Applied the way a calling system's relayed answer is: the survey of round 1 is answered.
    const [survey] = await waitFor('the survey answered', async () => {
      const rows: { rating: number; solved: boolean; round: number }[] = await db.query(
        `SELECT rating, solved, round FROM survey WHERE complaint_id = $1`,
        [complaintId],
      );
      return rows.length ? rows : undefined;
    });
    expect(survey).toEqual({ rating: 2, solved: false, round: 1 });

    for (const again of [
      await post('/v1/answers', { token, rating: 5, solved: true }),
      await post('/v1/answers/lookup', { token }),
    ]) {
      expect(again.statusCode).toBe(410);
      expect(again.json()).toMatchObject({ code: 'ANSWER_LINK.USED' });
    }
    expect(await submittedEvents(complaintId)).toHaveLength(1);
  });

  it('closes on a satisfied answer given on the link, and the closure carries every proof of notification for the archive (masked addresses only)', async () => {
    const { complaintId, letter, token } = await aDecidedComplaint('zh');
    const taken = await post('/v1/answers', { token, rating: 5, solved: true });
    expect(taken.statusCode).toBe(202);
    const topic = world.env.prefix + TOPICS.closed;
    const closedOf = (ms: { key: string | null; value: string | null }[]) =>
      ms
        .filter((m) => m.key === complaintId)
        .map((m) => validateEnvelope(JSON.parse(m.value ?? ''), 'consume'))
        .flatMap((r) => (r.ok && r.envelope.type === EVENT_TYPES.closed ? [r.envelope] : []));
    const [closed] = closedOf(
      await readTopics(world.env.brokers, [topic], (ms) => closedOf(ms).length > 0),
    );
    expect(closed?.payload.resolution).toBe('satisfied');
    const proofs = closed?.payload.messageProofs ?? [];
    // Oldest first; the two were sent at about the same moment, in either order.
    expect(proofs.map((p) => [p.messageKind, p.channel, p.deliveryStatus]).sort()).toEqual([
      ['acknowledgement', 'email', 'sent'],
      ['decision', 'email', 'sent'],
    ]);
    expect(proofs.find((p) => p.messageKind === 'decision')).toMatchObject({
      templateId: 'decision-letter',
      templateVersion: 3,
      contentHash: contentHash(letter.subject, letter.text.trimEnd()),
      maskedAddress: expect.stringMatching(/^c\*\*\*@e\*\*\*\.test$/),
      providerMessageId: expect.stringMatching(/^<.+>$/),
    });
    expect(JSON.stringify(closed)).not.toContain(letter.to[0] ?? '@');
  });

  it('refuses a forged, malformed or foreign token with the same answer, and records nothing', async () => {
    const { complaintId, token } = await aDecidedComplaint('zh');
    const [id = '', signature = ''] = token.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const otherId = Buffer.from('0123456789abcdef0123456789abcdef', 'hex').toString('base64url');
    for (const forged of [
      `${id}.${flipped}`,
      `${otherId}.${signature}`,
      'not-a-token-at-all',
      `${id}`,
    ]) {
      const res = await post('/v1/answers', { token: forged, rating: 4, solved: true });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'ANSWER_LINK.INVALID' });
      expect(res.body).not.toContain(complaintId);
      expect((await post('/v1/answers/lookup', { token: forged })).statusCode).toBe(404);
    }
    const used: unknown[] = await db.query(
      `SELECT 1 FROM answer_link WHERE complaint_id = $1 AND used_at IS NOT NULL`,
      [complaintId],
    );
    expect(used).toHaveLength(0);
    // The real token still works.
    expect((await post('/v1/answers/lookup', { token })).statusCode).toBe(200);
  });

  it('refuses an expired link (ANSWER_LINK_TTL_HOURS after the letter), and records nothing', async () => {
    const { complaintId, token } = await aDecidedComplaint('en');
    clock.advance(49 * HOUR_MS);
    const res = await post('/v1/answers', { token, rating: 4, solved: true });
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ code: 'ANSWER_LINK.EXPIRED' });
    expect((await post('/v1/answers/lookup', { token })).statusCode).toBe(410);
    const surveys: unknown[] = await db.query(`SELECT 1 FROM survey WHERE complaint_id = $1`, [
      complaintId,
    ]);
    expect(surveys).toHaveLength(0);
  });
});
