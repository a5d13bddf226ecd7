import { AnyEventEnvelope, ComplaintSummary, EVENT_TYPES } from '@complaints/contracts';
import { maskWithin } from './personal-data.masker';
import { Pseudonymiser } from './pseudonymiser';
import { sanitisePeopleEvent } from './people-event-sanitiser';
import { StoredEvent, StoredPayloadMap, StoredSummary } from './stored-event.types';

/** Contract caps of the fields masked here, in characters. */
const MAX = { subject: 200, summary: 4000, rootCause: 2000, remedy: 2000, reason: 2000 } as const;

/**
 * The form in which the archive keeps a timeline event: identifiers pseudonymised, free text
 * the customer wrote or was sent dropped, short analytical text masked. Runs before anything is
 * stored, so personal data never reaches the archive's tables.
 */
export function sanitiseLifecycleEvent(
  event: AnyEventEnvelope,
  pseudonymiser: Pseudonymiser,
): StoredEvent {
  const header = {
    eventId: event.eventId,
    complaintId: event.complaintId,
    version: event.version,
    occurredAt: event.occurredAt,
    producer: event.producer,
    correlationId: event.correlationId,
    causationId: event.causationId,
  };
  switch (event.type) {
    case EVENT_TYPES.received: {
      const p = event.payload;
      // The customer's own details, masked wherever the subject repeats them.
      const known = [
        p.customer.customerId,
        p.customer.name,
        p.customer.phone,
        p.customer.email,
        p.customer.idNumber,
        p.policyNumber,
        p.complainedAbout?.staffName,
      ].filter((v): v is string => typeof v === 'string');
      const payload: StoredPayloadMap['complaint.received'] = {
        referenceNumber: p.referenceNumber,
        channel: p.channel,
        callerSystem: p.callerSystem,
        externalReference: p.externalReference,
        customerPseudonym: pseudonymiser.customer(p.customer),
        ...(p.policyNumber ? { policyPseudonym: pseudonymiser.policy(p.policyNumber) } : {}),
        ...(p.complainedAbout?.unit ? { complainedAboutUnit: p.complainedAbout.unit } : {}),
        productLine: p.productLine,
        // An age band and a flag only: the segment, never the customer.
        ...(p.customerSegment ? { customerSegment: { ...p.customerSegment } } : {}),
        subject: maskWithin(p.subject, MAX.subject, known),
        ...(p.incidentOccurredAt ? { incidentOccurredAt: p.incidentOccurredAt } : {}),
        language: p.language,
        attachments: p.attachments.map((a) => ({
          mediaType: a.mediaType,
          sizeBytes: a.sizeBytes,
          sha256: a.sha256,
        })),
        receivedAt: p.receivedAt,
      };
      return { ...header, type: event.type, payload };
    }
    case EVENT_TYPES.routed: {
      const { complaint, ...rest } = event.payload;
      return { ...header, type: event.type, payload: { ...plain(rest), ...summaryOf(complaint) } };
    }
    case EVENT_TYPES.investigated: {
      const { complaint, summary, rootCause, remedy, handlerId, ...rest } = event.payload;
      return {
        ...header,
        type: event.type,
        payload: {
          ...plain(rest),
          // The handler id is their username: kept only as the handler's pseudonym.
          handlerId: pseudonymiser.handler(handlerId),
          summary: maskWithin(summary, MAX.summary),
          rootCause: maskWithin(rootCause, MAX.rootCause),
          ...(remedy !== undefined ? { remedy: maskWithin(remedy, MAX.remedy) } : {}),
          ...summaryOf(complaint),
        },
      };
    }
    case EVENT_TYPES.responded: {
      return { ...header, type: event.type, payload: without(event.payload, 'body') };
    }
    case EVENT_TYPES.feedbackReceived: {
      return { ...header, type: event.type, payload: without(event.payload, 'comment') };
    }
    case EVENT_TYPES.reopened: {
      const p = event.payload;
      return {
        ...header,
        type: event.type,
        payload: { ...plain(p), reason: maskWithin(p.reason, MAX.reason) },
      };
    }
    case EVENT_TYPES.closed:
      return { ...header, type: event.type, payload: plain(event.payload) };
    case EVENT_TYPES.assigned:
    case EVENT_TYPES.reclassified:
      return sanitisePeopleEvent(event, header, pseudonymiser);
    default:
      throw new Error(`${event.type} is not a lifecycle event`);
  }
}

function summaryOf(complaint: ComplaintSummary | undefined): { complaint?: StoredSummary } {
  if (!complaint) return {};
  const kept = without(complaint, 'description');
  return { complaint: { ...kept, subject: maskWithin(kept.subject, MAX.subject) } };
}

/** A plain copy of `o` without `key`: dropped, not blanked, so nothing of it is stored. */
function without<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  const copy: Partial<T> = plain(o);
  delete copy[key];
  return copy as Omit<T, K>;
}

/**
 * A plain-object copy without undefined members: consumed payloads are class instances, and
 * optional fields must be absent in what is stored and sealed, never undefined or null.
 */
function plain<T extends object>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}
