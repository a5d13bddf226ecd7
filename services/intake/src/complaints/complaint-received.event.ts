import { createEnvelope, EVENT_TYPES } from '@complaints/contracts';
import { Complaint } from './complaint.entity';
import type { RepeatKeys } from './repeat-keys';

/** complaints.received.v1 for a stored complaint: the whole intake record. */
export function complaintReceivedEvent(complaint: Complaint, repeatKeys?: RepeatKeys) {
  const repeatKey = repeatKeys?.of(complaint.customer, complaint.policyNumber);
  // The segment travels on its own (it reaches the analysts' stream); the rest is personal data.
  const { ageBand, vulnerable, ...complainant } = complaint.customer;
  const segment =
    ageBand !== undefined || vulnerable !== undefined
      ? stripEmpty({ ageBand, vulnerable })
      : undefined;
  return createEnvelope({
    type: EVENT_TYPES.received,
    complaintId: complaint.id,
    occurredAt: complaint.receivedAt,
    payload: {
      referenceNumber: complaint.referenceNumber,
      channel: complaint.channel,
      callerSystem: complaint.callerSystem,
      externalReference: complaint.externalReference,
      customer: stripEmpty(complainant),
      ...(segment ? { customerSegment: segment } : {}),
      ...(complaint.complainedAbout
        ? { complainedAbout: stripEmpty(complaint.complainedAbout) }
        : {}),
      ...(complaint.policyNumber ? { policyNumber: complaint.policyNumber } : {}),
      productLine: complaint.productLine,
      subject: complaint.subject,
      description: complaint.description,
      ...(complaint.desiredOutcome ? { desiredOutcome: complaint.desiredOutcome } : {}),
      ...(complaint.incidentOccurredAt
        ? { incidentOccurredAt: complaint.incidentOccurredAt.toISOString() }
        : {}),
      language: complaint.language,
      attachments: complaint.attachments,
      receivedAt: complaint.receivedAt.toISOString(),
      ...(repeatKey ? { repeatKey } : {}),
    },
  });
}

/** Contracts treat optional as absent, never null or empty. */
function stripEmpty<T extends object>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as T;
}
