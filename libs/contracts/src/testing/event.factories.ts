import { v4 as uuidv4 } from 'uuid';
import { causedBy, createEnvelope } from '../envelope/create-envelope';
import { EventEnvelope } from '../envelope/event-envelope';
import { EVENT_TYPES, EventType } from '../event-types';
import { AnyEventEnvelope, EnvelopeOf, EventMap } from '../events';
import {
  aClosedPayload,
  aFeedbackReceivedPayload,
  aReceivedPayload,
  aReopenedPayload,
  aRespondedPayload,
  aRoutedPayload,
  anArchivedPayload,
  anInvestigatedPayload,
  testTime,
} from './payload.factories';
import {
  aFeedbackSubmittedPayload,
  aReclassifiedPayload,
  anAssignedPayload,
  anAuditedPayload,
} from './people.factories';

/**
 * Valid envelopes for tests. Envelope fields given in `overrides` replace the generated ones
 * after creation, so a test can also plant an invalid `eventId` or `occurredAt`; `payload` is
 * merged shallowly into the valid default payload. Spread `causedBy(parent)` in to chain events.
 */
export type EventOverrides<K extends EventType> = Partial<
  Omit<EventEnvelope<EventMap[K]>, 'payload'>
> & { payload?: Partial<EventMap[K]> };

/** The service that produces each event, per DESIGN.md. */
const PRODUCERS: Record<EventType, string> = {
  [EVENT_TYPES.received]: 'intake',
  [EVENT_TYPES.routed]: 'classification',
  [EVENT_TYPES.investigated]: 'investigation',
  [EVENT_TYPES.responded]: 'feedback',
  [EVENT_TYPES.feedbackReceived]: 'feedback',
  [EVENT_TYPES.reopened]: 'feedback',
  [EVENT_TYPES.closed]: 'feedback',
  [EVENT_TYPES.archived]: 'archiving',
  [EVENT_TYPES.assigned]: 'investigation',
  [EVENT_TYPES.reclassified]: 'classification',
  [EVENT_TYPES.feedbackSubmitted]: 'intake',
  [EVENT_TYPES.audited]: 'investigation',
  [EVENT_TYPES.clockChanged]: 'investigation',
  [EVENT_TYPES.deadlineWarning]: 'deadlines',
  [EVENT_TYPES.deadlineBreached]: 'deadlines',
  [EVENT_TYPES.deadlineChanged]: 'deadlines',
  [EVENT_TYPES.acknowledged]: 'feedback',
  [EVENT_TYPES.majorIncident]: 'investigation',
};

function anEvent<K extends EventType>(
  type: K,
  payload: EventMap[K],
  overrides: EventOverrides<K>,
): EnvelopeOf<K> {
  const fields: Partial<EventEnvelope> = { ...overrides };
  delete fields.payload;
  const envelope = createEnvelope({
    type,
    complaintId: overrides.complaintId ?? uuidv4(),
    producer: PRODUCERS[type],
    payload,
    occurredAt: new Date(testTime()),
  });
  return Object.assign(envelope, fields);
}

export function aReceivedEvent(overrides: EventOverrides<'complaint.received'> = {}) {
  return anEvent(EVENT_TYPES.received, aReceivedPayload(overrides.payload), overrides);
}

export function aRoutedEvent(overrides: EventOverrides<'complaint.routed'> = {}) {
  return anEvent(EVENT_TYPES.routed, aRoutedPayload(overrides.payload), overrides);
}

export function anInvestigatedEvent(overrides: EventOverrides<'complaint.investigated'> = {}) {
  return anEvent(EVENT_TYPES.investigated, anInvestigatedPayload(overrides.payload), overrides);
}

export function aRespondedEvent(overrides: EventOverrides<'complaint.responded'> = {}) {
  return anEvent(EVENT_TYPES.responded, aRespondedPayload(overrides.payload), overrides);
}

export function aFeedbackReceivedEvent(
  overrides: EventOverrides<'complaint.feedback-received'> = {},
) {
  const payload = aFeedbackReceivedPayload(overrides.payload);
  return anEvent(EVENT_TYPES.feedbackReceived, payload, overrides);
}

export function aReopenedEvent(overrides: EventOverrides<'complaint.reopened'> = {}) {
  return anEvent(EVENT_TYPES.reopened, aReopenedPayload(overrides.payload), overrides);
}

export function aClosedEvent(overrides: EventOverrides<'complaint.closed'> = {}) {
  return anEvent(EVENT_TYPES.closed, aClosedPayload(overrides.payload), overrides);
}

export function anAssignedEvent(overrides: EventOverrides<'complaint.assigned'> = {}) {
  return anEvent(EVENT_TYPES.assigned, anAssignedPayload(overrides.payload), overrides);
}

export function aReclassifiedEvent(overrides: EventOverrides<'complaint.reclassified'> = {}) {
  return anEvent(EVENT_TYPES.reclassified, aReclassifiedPayload(overrides.payload), overrides);
}

export function aFeedbackSubmittedEvent(
  overrides: EventOverrides<'complaint.feedback-submitted'> = {},
) {
  const payload = aFeedbackSubmittedPayload(overrides.payload);
  return anEvent(EVENT_TYPES.feedbackSubmitted, payload, overrides);
}

export function anAuditedEvent(overrides: EventOverrides<'complaint.audited'> = {}) {
  return anEvent(EVENT_TYPES.audited, anAuditedPayload(overrides.payload), overrides);
}

export function anArchivedEvent(overrides: EventOverrides<'complaint.archived'> = {}) {
  const complaintId = overrides.complaintId ?? uuidv4();
  const payload = anArchivedPayload({ complaintId, ...overrides.payload });
  return anEvent(EVENT_TYPES.archived, payload, { ...overrides, complaintId });
}

/**
 * One complaint's path from receipt to closure without a reopening, each event caused by the
 * previous one and a little later in time, all in one correlation chain.
 */
export function aComplaintLifecycle(complaintId: string = uuidv4()): AnyEventEnvelope[] {
  const received = aReceivedEvent({ complaintId, occurredAt: testTime(0) });
  const routed = aRoutedEvent({ ...causedBy(received), occurredAt: testTime(0.01) });
  const investigated = anInvestigatedEvent({ ...causedBy(routed), occurredAt: testTime(6) });
  const responded = aRespondedEvent({ ...causedBy(investigated), occurredAt: testTime(6.1) });
  const feedback = aFeedbackReceivedEvent({ ...causedBy(responded), occurredAt: testTime(7) });
  const closed = aClosedEvent({ ...causedBy(feedback), occurredAt: testTime(7.01) });
  return [received, routed, investigated, responded, feedback, closed];
}
