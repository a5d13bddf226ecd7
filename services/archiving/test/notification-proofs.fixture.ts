import { AnyEventEnvelope, EVENT_TYPES, NotificationProof } from '@complaints/contracts';
import { aClosedEvent, testTime } from '@complaints/contracts/testing';

/** What feedback carries on the closure: proofs with masked addresses and hashes only. */
export function proofsOfNotification(): NotificationProof[] {
  return [
    {
      messageKind: 'decision',
      channel: 'sms',
      maskedAddress: '*******8000',
      contentHash: 'b'.repeat(64),
      templateId: 'decision-letter',
      templateVersion: 3,
      attempt: 1,
      sentAt: testTime(5.2),
      providerMessageId: 'sms-7f3a',
      deliveryStatus: 'delivered',
      statusAt: testTime(5.21),
    },
    {
      messageKind: 'acknowledgement',
      channel: 'email',
      maskedAddress: 'l***@e***.com',
      contentHash: 'a'.repeat(64),
      templateId: 'acknowledgement',
      templateVersion: 1,
      attempt: 1,
      sentAt: testTime(0.1),
      providerMessageId: '<m-1@insurer.example>',
      deliveryStatus: 'sent',
      statusAt: testTime(0.1),
    },
    {
      messageKind: 'decision',
      channel: 'post',
      maskedAddress: 'postal address on the envelope',
      contentHash: 'c'.repeat(64),
      templateId: 'decision-letter',
      templateVersion: 3,
      attempt: 1,
      sentAt: testTime(5.5),
      providerMessageId: 'EA123456785CN',
      deliveryStatus: 'sent',
      statusAt: testTime(5.6),
    },
  ];
}

export function withProofs(events: AnyEventEnvelope[], proofs: NotificationProof[]) {
  return events.map((e) =>
    e.type === EVENT_TYPES.closed
      ? aClosedEvent({ ...e, payload: { ...e.payload, messageProofs: proofs } })
      : e,
  );
}
