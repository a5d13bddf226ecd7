import { TOPICS, validateEnvelope } from '@complaints/contracts';
import { readTopics } from '@complaints/testing';
import { aComplaintRequest } from './support/complaint-requests';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(120_000);

const REPEAT_KEY = 'repeat-key-for-this-test-only-0123456789abcdef';

/** The keyed hash investigation matches repeats on, as intake publishes it. */
describe('intake: the repeat key on complaints.received.v1 (real Kafka and PostgreSQL)', () => {
  let intake: IntakeTestApp;
  let key: string;

  beforeAll(async () => {
    intake = await startIntake('intake-repeat-key', { REPEAT_KEY });
    key = (await intake.newKey('web-portal')).key;
  });
  afterAll(() => intake?.close());

  const published = async (ids: string[]) => {
    const messages = await readTopics(
      intake.env.brokers,
      [intake.env.prefix + TOPICS.received],
      (m) => ids.every((id) => m.some((x) => x.key === id)),
    );
    return ids.map((id) => {
      const result = validateEnvelope(
        JSON.parse(messages.find((m) => m.key === id)?.value ?? ''),
        'produce',
      );
      if (!result.ok) throw new Error('the published event is not valid');
      return result.envelope.payload as { repeatKey?: string };
    });
  };

  it('gives one customer on one policy the same key, another policy or another customer another key, and never the identity', async () => {
    const customer = { name: 'Wang Fang', phone: '+86 139 1234 5678' };
    const requests = [
      aComplaintRequest({ customer, policyNumber: 'PA-2026-778812' }),
      aComplaintRequest({
        customer: { ...customer, phone: '13912345678' },
        policyNumber: 'PA-2026-778812',
      }),
      aComplaintRequest({ customer, policyNumber: 'PA-2026-000001' }),
      aComplaintRequest({
        customer: { name: 'Wang Fang', email: 'another.wang@example.cn' },
        policyNumber: 'PA-2026-778812',
      }),
    ];
    // Submitted at once, so they share the group commit's transaction.
    const answers = await Promise.all(requests.map((r) => intake.submit(r, key)));
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202, 202]);
    const [a, b, other, someoneElse] = await published(answers.map((a) => a.json().id as string));
    expect(a.repeatKey).toMatch(/^[0-9a-f]{64}$/);
    expect(b.repeatKey).toBe(a.repeatKey);
    expect(other.repeatKey).toMatch(/^[0-9a-f]{64}$/);
    expect(other.repeatKey).not.toBe(a.repeatKey);
    expect(someoneElse.repeatKey).toMatch(/^[0-9a-f]{64}$/);
    expect(someoneElse.repeatKey).not.toBe(a.repeatKey);
    expect(a.repeatKey).not.toContain('13912345678');
  });
});
