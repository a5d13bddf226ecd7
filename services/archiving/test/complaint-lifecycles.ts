import { AnyEventEnvelope, causedBy, EVENT_TYPES } from '@complaints/contracts';
import {
  aClosedEvent,
  aComplaintLifecycle,
  anActingPerson,
  anAssignedEvent,
  anAuditedEvent,
  aReclassifiedEvent,
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

/** The staff of staffedLifecycle: their names, addresses and reasons must stay off the archived stream. */
export const STAFF = {
  handler: anActingPerson({
    subject: '6f1c2a10-0000-4000-8000-00000000a001',
    username: 'h-claims-01',
    roles: ['handler'],
  }),
  supervisor: anActingPerson({
    subject: '6f1c2a10-0000-4000-8000-00000000a002',
    username: 'sup-claims',
    roles: ['supervisor'],
  }),
  officer: anActingPerson({
    subject: '6f1c2a10-0000-4000-8000-00000000a003',
    username: 'officer',
    roles: ['complaints_officer'],
    department: 'complaints-office',
  }),
};
const STAFF_IP = '10.20.30.40';
const STAFF_AGENT = 'Mozilla/5.0 (StaffWorkstation WS-4411)';
const REASSIGN_REASON = 'Zhang San is on leave; Wang Fang knows the garage';
const CORRECTION_REASON = 'Refused claim, not the policy wording (checked with Zhao Lei)';

/** Strings of staffedLifecycle that would be a leak on the archived stream. */
export const STAFF_STRINGS = [
  STAFF.handler.subject,
  STAFF.handler.username,
  STAFF.supervisor.subject,
  STAFF.supervisor.username,
  STAFF.officer.subject,
  'h-claims-02',
  'H-2001',
  STAFF_IP,
  STAFF_AGENT,
  REASSIGN_REASON,
  CORRECTION_REASON,
  'Zhang San',
];

/**
 * aFullLifecycle with the people around it: assigned on routing, reassigned by the supervisor
 * (with a reason naming people), the class corrected by the officer, and audit entries of the
 * handler's decision and the supervisor's read of the complainant's details.
 */
export function staffedLifecycle(complaintId: string = uuidv4()) {
  const lifecycle = aFullLifecycle(complaintId);
  const routed = lifecycle[1];
  const investigated = lifecycle[2];
  const origin = { ip: STAFF_IP, userAgent: STAFF_AGENT };
  const people = [
    anAssignedEvent({
      ...causedBy(routed),
      producer: 'investigation',
      occurredAt: testTime(0.02),
      payload: { handlerId: 'h-claims-02', cause: 'routed', assignedAt: testTime(0.02) },
    }),
    anAssignedEvent({
      ...causedBy(routed),
      producer: 'investigation',
      occurredAt: testTime(1),
      payload: {
        handlerId: STAFF.handler.username,
        previousHandlerId: 'h-claims-02',
        cause: 'reassigned',
        reason: REASSIGN_REASON,
        assignedBy: STAFF.supervisor,
        assignedAt: testTime(1),
      },
    }),
    aReclassifiedEvent({
      ...causedBy(routed),
      producer: 'classification',
      occurredAt: testTime(0.5),
      payload: {
        reason: CORRECTION_REASON,
        correctedBy: STAFF.officer,
        correctedAt: testTime(0.5),
      },
    }),
  ];
  const audit = [
    anAuditedEvent({
      ...causedBy(investigated),
      producer: 'investigation',
      occurredAt: testTime(6),
      payload: {
        action: 'case.decided',
        kind: 'change',
        actor: STAFF.handler,
        origin,
        details: { outcome: 'upheld' },
        at: testTime(6),
      },
    }),
    anAuditedEvent({
      ...causedBy(routed),
      producer: 'intake',
      occurredAt: testTime(1.5),
      payload: {
        action: 'complainant.read',
        kind: 'read',
        actor: STAFF.supervisor,
        origin,
        details: { reason: REASSIGN_REASON },
        at: testTime(1.5),
      },
    }),
  ];
  return { lifecycle, people, audit };
}
