import {
  createEnvelope,
  EVENT_TYPES,
  NotificationProof,
  validateEnvelope,
  verifySeal,
} from '@complaints/contracts';
import { aClosedEvent, testTime } from '@complaints/contracts/testing';
import {
  aFullLifecycle,
  CUSTOMER,
  PERSONAL_STRINGS,
  sanitised,
} from '../../test/complaint-lifecycles';
import { proofsOfNotification, withProofs } from '../../test/notification-proofs.fixture';
import { buildArchiveRecord } from './archive-record.builder';

describe('the sealed record holds the proofs of notification feedback carried on the closure', () => {
  it('lists every proof, oldest first, in a record the archived contract accepts and whose seal verifies', () => {
    const record = buildArchiveRecord(
      sanitised(withProofs(aFullLifecycle(), proofsOfNotification())),
      new Date(testTime(7.02)),
    );
    expect(record.notifications?.map((p) => [p.messageKind, p.channel, p.deliveryStatus])).toEqual([
      ['acknowledgement', 'email', 'sent'],
      ['decision', 'sms', 'delivered'],
      ['decision', 'post', 'sent'],
    ]);
    expect(record.notifications?.[2]).toMatchObject({
      providerMessageId: 'EA123456785CN',
      contentHash: 'c'.repeat(64),
      templateVersion: 3,
    });
    expect(verifySeal(record)).toBe(true);
    const wire = JSON.stringify(
      createEnvelope({
        type: EVENT_TYPES.archived,
        complaintId: record.complaintId,
        producer: 'archiving',
        payload: record,
      }),
    );
    const checked = validateEnvelope(JSON.parse(wire), 'produce');
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    for (const leak of PERSONAL_STRINGS) expect(wire).not.toContain(leak);
  });

  it('leaves the section out when the closure carried no proofs (records keep their old shape)', () => {
    const record = buildArchiveRecord(sanitised(aFullLifecycle()), new Date(testTime(7.02)));
    expect(record).not.toHaveProperty('notifications');
  });

  it('refuses a closure that carries an address in clear: the contract only takes masked ones', () => {
    for (const address of [CUSTOMER.email, CUSTOMER.phone, '13800138000']) {
      const proof = proofsOfNotification()[0] as NotificationProof;
      const closed = aClosedEvent({
        payload: {
          closedAt: testTime(7),
          resolution: 'satisfied',
          finalOutcome: 'upheld',
          messageProofs: [{ ...proof, maskedAddress: address }],
        },
      });
      const result = validateEnvelope(JSON.parse(JSON.stringify(closed)), 'consume');
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result.ok ? [] : result.errors)).toContain('maskedAddress');
    }
  });
});
