import { ComplaintAssignedV1 } from '../payloads/assigned/complaint-assigned-v1.payload';
import { ComplaintAuditedV1 } from '../payloads/audited/complaint-audited-v1.payload';
import { FeedbackSubmittedV1 } from '../payloads/feedback-submitted/feedback-submitted-v1.payload';
import { ActingPerson } from '../payloads/people/acting-person.payload';
import { ComplaintReclassifiedV1 } from '../payloads/reclassified/complaint-reclassified-v1.payload';
import { testTime } from './payload.factories';

/** A demo person as the payloads carry them (the realm file's sup-claims). */
export function anActingPerson(overrides: Partial<ActingPerson> = {}): ActingPerson {
  return {
    subject: '6f1c2a10-0000-4000-8000-00000000c001',
    username: 'sup-claims',
    roles: ['supervisor'],
    department: 'claims',
    ...overrides,
  };
}

export function anAssignedPayload(
  overrides: Partial<ComplaintAssignedV1> = {},
): ComplaintAssignedV1 {
  return {
    department: 'claims',
    handlerId: 'h-claims-01',
    cause: 'routed',
    assignedAt: testTime(0.02),
    ...overrides,
  };
}

export function aReclassifiedPayload(
  overrides: Partial<ComplaintReclassifiedV1> = {},
): ComplaintReclassifiedV1 {
  return {
    category: 'business_handling',
    subcategory: 'claims',
    department: 'claims',
    previousCategory: 'product_service',
    previousSubcategory: 'policy_terms',
    previousDepartment: 'policy-services',
    reason: 'The complaint is about a refused claim, not the policy wording',
    correctedBy: anActingPerson({ username: 'officer', roles: ['complaints_officer'] }),
    correctedAt: testTime(0.5),
    ...overrides,
  };
}

export function aFeedbackSubmittedPayload(
  overrides: Partial<FeedbackSubmittedV1> = {},
): FeedbackSubmittedV1 {
  return {
    rating: 2,
    solved: false,
    comment: 'Still waiting for the money',
    callerSystem: 'call-centre',
    submittedAt: testTime(7),
    ...overrides,
  };
}

export function anAuditedPayload(overrides: Partial<ComplaintAuditedV1> = {}): ComplaintAuditedV1 {
  return {
    action: 'case.decided',
    kind: 'change',
    actor: anActingPerson({ username: 'h-claims-01', roles: ['handler'] }),
    origin: { ip: '127.0.0.1', userAgent: 'jest' },
    details: { outcome: 'upheld' },
    at: testTime(6),
    ...overrides,
  };
}
