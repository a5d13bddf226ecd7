import { AnyEventEnvelope, causedBy, EVENT_TYPES } from '@complaints/contracts';
import {
  aClosedEvent,
  aComplaintLifecycle,
  aFeedbackReceivedEvent,
  anInvestigatedEvent,
  aReceivedEvent,
  aReopenedEvent,
  aRespondedEvent,
  aRoutedEvent,
  testTime,
} from '@complaints/contracts/testing';
import { v4 as uuidv4 } from 'uuid';
import { sanitiseLifecycleEvent } from '../src/archive/event-sanitiser';
import { Pseudonymiser } from '../src/archive/pseudonymiser';
import { StoredEvent } from '../src/archive/stored-event.types';

/** Test data for the archive: lifecycles with personal data in the places it can hide. */

export const TEST_PSEUDONYM_KEY = 'archiving-test-pseudonym-key-0123456789abcdef';

/** The customer of every test complaint: each value must never reach the archive in clear. */
export const CUSTOMER = {
  customerId: 'C-1002003',
  name: 'Li Wei',
  phone: '+86 138 0013 8000',
  email: 'li.wei@example.com',
  idNumber: '110101199003070011',
};
export const POLICY_NUMBER = 'P-MOT-2024-778899';

/** Strings that would be a leak if found anywhere in archived output. */
export const PERSONAL_STRINGS = [
  CUSTOMER.name,
  CUSTOMER.phone,
  '13800138000',
  CUSTOMER.email,
  CUSTOMER.idNumber,
  POLICY_NUMBER,
];

/** What a received complaint says about its customer, with the details repeated in the subject. */
const PERSONAL_PAYLOAD = {
  customer: CUSTOMER,
  policyNumber: POLICY_NUMBER,
  subject: `Li Wei (13800138000, ${CUSTOMER.email}) claim delayed`,
};

function aReceived(complaintId: string) {
  return aReceivedEvent({ complaintId, occurredAt: testTime(0), payload: PERSONAL_PAYLOAD });
}

/**
 * aComplaintLifecycle (received, routed, investigated, responded, feedback-received, closed)
 * with personal data planted in the subject and the root cause.
 */
export function aFullLifecycle(complaintId: string = uuidv4()): AnyEventEnvelope[] {
  const events = aComplaintLifecycle(complaintId);
  for (const event of events) {
    if (event.type === EVENT_TYPES.received) Object.assign(event.payload, PERSONAL_PAYLOAD);
    if (event.type === EVENT_TYPES.investigated)
      event.payload.rootCause = 'Adjuster did not call back on 138 0013 8000';
  }
  return events;
}

/**
 * Two rounds: the first decision is rated unsolved and the complaint is reopened; the second
 * satisfies the customer and the complaint closes.
 */
export function aReopenedLifecycle(complaintId: string = uuidv4()): AnyEventEnvelope[] {
  const received = aReceived(complaintId);
  const routed = aRoutedEvent({ ...causedBy(received), occurredAt: testTime(0.01) });
  const inv1 = anInvestigatedEvent({
    ...causedBy(routed),
    occurredAt: testTime(6),
    payload: { round: 1, outcome: 'rejected', decidedAt: testTime(6) },
  });
  // A rejected complaint gets no remedy; optional fields are absent, never undefined.
  delete inv1.payload.remedy;
  delete inv1.payload.compensation;
  const firstResponse = uuidv4();
  const resp1 = aRespondedEvent({
    ...causedBy(inv1),
    occurredAt: testTime(6.1),
    payload: { round: 1, responseId: firstResponse },
  });
  const fb1 = aFeedbackReceivedEvent({
    ...causedBy(resp1),
    occurredAt: testTime(7),
    payload: { responseId: firstResponse, rating: 1, solved: false, receivedAt: testTime(7) },
  });
  const reopened = aReopenedEvent({
    ...causedBy(fb1),
    occurredAt: testTime(7.01),
    payload: { reopenCount: 1, reopenedAt: testTime(7.01) },
  });
  const inv2 = anInvestigatedEvent({
    ...causedBy(reopened),
    occurredAt: testTime(12),
    payload: { round: 2, outcome: 'partially_upheld', decidedAt: testTime(12) },
  });
  const secondResponse = uuidv4();
  const resp2 = aRespondedEvent({
    ...causedBy(inv2),
    occurredAt: testTime(12.1),
    payload: { round: 2, responseId: secondResponse },
  });
  const fb2 = aFeedbackReceivedEvent({
    ...causedBy(resp2),
    occurredAt: testTime(13),
    payload: { responseId: secondResponse, rating: 4, solved: true, receivedAt: testTime(13) },
  });
  const closed = aClosedEvent({
    ...causedBy(fb2),
    occurredAt: testTime(13.01),
    payload: {
      closedAt: testTime(13.01),
      resolution: 'satisfied',
      finalOutcome: 'partially_upheld',
    },
  });
  return [received, routed, inv1, resp1, fb1, reopened, inv2, resp2, fb2, closed];
}

export function sanitised(events: AnyEventEnvelope[]): StoredEvent[] {
  const pseudonymiser = new Pseudonymiser(TEST_PSEUDONYM_KEY);
  return events.map((e) => sanitiseLifecycleEvent(e, pseudonymiser));
}
