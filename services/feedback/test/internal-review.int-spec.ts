import { Client } from 'pg';
import { AnyEventEnvelope, EVENT_TYPES, TOPICS, validateEnvelope } from '@complaints/contracts';
import { aFeedbackSubmittedEvent, anInvestigatedEvent } from '@complaints/contracts/testing';
import { ManualClock } from '@complaints/platform/testing';
import { readTopics, waitFor } from '@complaints/testing';
import {
  aPhone,
  anEmail,
  mailTo,
  MessagesWorld,
  messagesWorld,
  smsTo,
} from './customer-messages.kit';

jest.setTimeout(180_000);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The customer's internal review: asked within 30 days of the decision letter, reopening the
 * complaint with the review on the event (investigation gives it to someone else), answered by
 * its own letter through the real SMTP sink; a late request refused with its reason; a
 * dissatisfied answer without a request waits for the complaints officer's choice.
 */
describe('feedback: internal review (real Kafka, PostgreSQL, Keycloak, SMTP sink)', () => {
  const clock = new ManualClock('2026-01-05T09:00:00.000Z');
  let w: MessagesWorld;

  beforeAll(async () => {
    // A survey window longer than the review period, so a late request meets an open letter.
    w = await messagesWorld({ SURVEY_WINDOW_HOURS: String(40 * 24) }, clock);
  });

  afterAll(async () => {
    await w?.close();
  });

  const officer = async () => ({
    ...(await w.headers('officer')),
    'content-type': 'application/json',
  });
  const post = async (url: string, body: object) =>
    w.app.inject({ method: 'POST', url, payload: body, headers: await officer() });

  const decided = async (email: string, phone?: string) => {
    const c = await w.complain({ email, phone, language: 'en', channel: 'email' });
    const investigated = anInvestigatedEvent({
      complaintId: c.complaintId,
      payload: { round: 1, outcome: 'rejected', complaint: c.summary },
    });
    await w.env.publish(investigated);
    await waitFor('the decision letter', async () => {
      const res = await w.app.inject({
        method: 'GET',
        url: `/v1/responses/${c.complaintId}`,
        headers: await officer(),
      });
      return res.statusCode === 200 ? true : undefined;
    });
    return { ...c, investigated };
  };

  const eventsOf = async (complaintId: string, type: AnyEventEnvelope['type'], count = 1) => {
    const parse = (ms: { key: string | null; value: string | null }[]) =>
      ms
        .filter((m) => m.key === complaintId)
        .map((m) => validateEnvelope(JSON.parse(m.value ?? ''), 'produce'))
        .flatMap((r) => (r.ok && r.envelope.type === type ? [r.envelope] : []));
    const topics = [TOPICS.reopened, TOPICS.closed, TOPICS.feedbackReceived].map(
      (t) => w.env.prefix + t,
    );
    return parse(await readTopics(w.env.brokers, topics, (ms) => parse(ms).length >= count));
  };

  async function rows(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    const client = new Client({
      connectionString: w.env.databaseUrl,
      options: `-c search_path="${w.env.schema}"`,
    });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  it('reopens for review when asked in time, and sends the review decision in its own letter, by e-mail and by text, with an answer link that closes the complaint', async () => {
    const email = anEmail();
    const phone = aPhone();
    const c = await decided(email, phone);
    const res = await post(`/v1/feedback/${c.complaintId}`, {
      rating: 1,
      solved: false,
      comment: 'Please have someone else look at it',
      reviewRequested: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reopened', reopenCount: 1 });
    const [reopened] = await eventsOf(c.complaintId, EVENT_TYPES.reopened);
    expect(reopened?.payload).toMatchObject({
      reopenCount: 1,
      review: { reviewedRound: 1, requestedThrough: 'officer' },
    });
    // A second request for the same complaint is refused: the review is spent.
    const again = await post(`/v1/feedback/${c.complaintId}`, {
      rating: 1,
      solved: false,
      reviewRequested: true,
    });
    expect(again.statusCode).toBeGreaterThanOrEqual(400);

    // The reviewer (investigation) overturns the decision.
    const requestedAt = (reopened?.payload as { reopenedAt: string }).reopenedAt;
    await w.env.publish(
      anInvestigatedEvent({
        complaintId: c.complaintId,
        correlationId: c.investigated.correlationId,
        payload: {
          round: 2,
          handlerId: 'h-claims-03',
          outcome: 'upheld',
          summary: 'The claim was complete on 3 January; the delay was ours.',
          rootCause: 'The approval step had no deadline',
          remedy: 'Claim paid with interest',
          complaint: c.summary,
          review: { outcome: 'overturned', reviewedRound: 1, requestedAt },
        },
      }),
    );
    const mail = await waitFor('the review decision e-mail', async () => {
      const got = (await mailTo(email)).find((m) => m.subject.includes('internal review'));
      return got;
    });
    expect(mail.subject).toBe(
      `The internal review of our decision on your complaint ${c.reference}`,
    );
    for (const part of [
      'overturned',
      'The claim was complete on 3 January',
      'The approval step had no deadline',
      'Claim paid with interest',
      'mediation',
      'arbitration',
      'courts',
    ])
      expect(mail.text).toContain(part);
    expect(mail.text).not.toContain('internal review within 30 days');
    const messages = await w.messages(c.complaintId, (m) =>
      m.some((x) => x.kind === 'review-decision' && x.status === 'told'),
    );
    const letter = messages.find((m) => m.kind === 'review-decision');
    expect(letter).toMatchObject({ templateId: 'review-decision', templateVersion: 2 });
    // The letter goes to every channel the customer gave, each send with its own proof.
    expect(letter?.proofs.map((p) => [p.channel, p.templateId])).toEqual([
      ['email', 'review-decision'],
      ['sms', 'review-decision'],
    ]);
    const [text] = (await smsTo(phone)).filter((m) =>
      m.text.startsWith('The internal review of our decision'),
    );
    expect(text?.text).toContain('Claim paid with interest');

    // Its answer link: the customer rates the review and says it is solved; the complaint closes.
    const token = /\/answer#t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(text?.text).toContain(`/answer#t=${token}`);
    const answered = await w.app.inject({
      method: 'POST',
      url: '/v1/answers',
      headers: { 'content-type': 'application/json' },
      payload: { token, rating: 4, solved: true },
    });
    expect(answered.statusCode).toBe(202);
    expect(answered.json()).toMatchObject({ round: 2, status: 'received' });
    const [closed] = await eventsOf(c.complaintId, EVENT_TYPES.closed);
    expect(closed?.payload).toMatchObject({ resolution: 'satisfied' });
    // The closure carries every proof to the archive: both letters on both channels.
    const proofs = (
      closed?.payload as { messageProofs?: { messageKind: string; channel: string }[] }
    ).messageProofs;
    // (The manual clock sends both at one instant: compared in any order.)
    for (const kind of ['decision', 'review-decision'])
      expect(
        proofs
          ?.filter((p) => p.messageKind === kind)
          .map((p) => p.channel)
          .sort(),
      ).toEqual(['email', 'sms']);
  });

  it('refuses a review asked more than 30 days after the letter, with the reason, and changes nothing', async () => {
    const c = await decided(anEmail());
    clock.advance(31 * DAY_MS);
    try {
      const res = await post(`/v1/feedback/${c.complaintId}`, {
        rating: 1,
        solved: false,
        reviewRequested: true,
      });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'REVIEW.TOO_LATE',
        errors: [{ field: 'reviewRequested' }],
      });
      expect(
        await rows(`SELECT status FROM response WHERE complaint_id = $1`, [c.complaintId]),
      ).toEqual([{ status: 'awaiting_feedback' }]);

      // Relayed by a calling system: the refusal is kept with its reason, the answer applies
      // without it, and a dissatisfied answer no longer reopens by itself.
      await w.env.publish(
        aFeedbackSubmittedEvent({
          complaintId: c.complaintId,
          payload: { rating: 1, solved: false, reviewRequested: true, round: 1 },
        }),
      );
      await waitFor('the refusal recorded', async () => {
        const found = await rows(
          `SELECT status, refusal_code FROM review_request WHERE complaint_id = $1`,
          [c.complaintId],
        );
        return found.length > 0 ? found : undefined;
      });
      expect(
        await rows(`SELECT status, refusal_code FROM review_request WHERE complaint_id = $1`, [
          c.complaintId,
        ]),
      ).toEqual([{ status: 'refused', refusal_code: 'REVIEW.TOO_LATE' }]);
      // The review period is over and nobody reopened it: it closes as escalated.
      const [closed] = await eventsOf(c.complaintId, EVENT_TYPES.closed);
      expect(closed?.payload).toMatchObject({ resolution: 'escalated' });
      expect(
        await rows(`SELECT status FROM response WHERE complaint_id = $1`, [c.complaintId]),
      ).toEqual([{ status: 'closed' }]);
    } finally {
      clock.advance(-31 * DAY_MS);
    }
  });

  it('leaves a dissatisfied answer without a review request to the complaints officer, who may reopen it', async () => {
    const c = await decided(anEmail());
    const res = await post(`/v1/feedback/${c.complaintId}`, { rating: 2, solved: false });
    expect(res.json()).toMatchObject({ status: 'awaiting_officer' });
    expect(
      await rows(`SELECT status FROM response WHERE complaint_id = $1`, [c.complaintId]),
    ).toEqual([{ status: 'awaiting_officer' }]);

    const blank = await post(`/v1/feedback/${c.complaintId}/reopen`, { reason: '' });
    expect(blank.statusCode).toBe(400);
    const reopen = await post(`/v1/feedback/${c.complaintId}/reopen`, {
      reason: 'The customer raised a point the letter did not answer',
    });
    expect(reopen.statusCode).toBe(200);
    expect(reopen.json()).toMatchObject({ status: 'reopened', reopenCount: 1 });
    const [reopened] = await eventsOf(c.complaintId, EVENT_TYPES.reopened);
    expect(reopened?.payload).toMatchObject({
      reopenCount: 1,
      reason: 'The customer raised a point the letter did not answer',
    });
    // No review: investigation gives it back to the handler who decided.
    expect((reopened?.payload as { review?: unknown }).review).toBeUndefined();
    const twice = await post(`/v1/feedback/${c.complaintId}/reopen`, { reason: 'Again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'FEEDBACK.NOT_AWAITING_OFFICER' });
  });
});
