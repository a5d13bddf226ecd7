import { aClockEvent } from '@complaints/contracts/testing';
import { waitFor } from '@complaints/testing';
import { anEmail, mailTo, MessagesWorld, messagesWorld } from './customer-messages.kit';

jest.setTimeout(120_000);

/** A repeat complaint merged into the customer's earlier one: the customer is told, by e-mail. */
describe('feedback: the merge notice of a repeat complaint (real Kafka, PostgreSQL, SMTP)', () => {
  let world: MessagesWorld;

  beforeAll(async () => {
    world = await messagesWorld();
  });
  afterAll(() => world?.close());

  const arrived = (address: string, n: number) =>
    waitFor(`${n} e-mail(s) to the test address`, async () => {
      const mail = await mailTo(address);
      return mail.length >= n ? mail : undefined;
    });

  it('tells the customer the repeat is handled with the earlier complaint, naming both, once', async () => {
    const email = anEmail();
    const earlier = await world.complain({ email });
    const repeat = await world.complain({ email });
    await arrived(email, 2);
    const merged = aClockEvent({
      complaintId: repeat.complaintId,
      payload: {
        action: 'merged',
        reason: 'The same delay told again',
        mergedInto: earlier.complaintId,
        requestId: undefined,
        extensionKind: undefined,
      },
    });
    // The same event twice: one notice.
    await world.env.publish(merged, merged);
    const notice = (await arrived(email, 3)).find((m) => m.subject.includes('合并'));
    expect(notice?.subject).toContain(repeat.reference);
    expect(notice?.text).toContain(earlier.reference);
    expect(notice?.text).toContain('说明：The same delay told again');
    const messages = await world.messages(repeat.complaintId, (ms) =>
      ms.some((m) => m.kind === 'merge' && m.status === 'told'),
    );
    expect(messages.filter((m) => m.kind === 'merge')).toEqual([
      expect.objectContaining({ templateId: 'clock-notice', templateVersion: 2 }),
    ]);
  });
});
