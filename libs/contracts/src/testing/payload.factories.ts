import { computeSealHash } from '../payloads/archived/archive-seal';
import { ComplaintArchivedV1 } from '../payloads/archived/complaint-archived-v1.payload';
import { ComplaintClosedV1 } from '../payloads/closed/complaint-closed-v1.payload';
import { FeedbackReceivedV1 } from '../payloads/feedback-received/feedback-received-v1.payload';
import { ComplaintInvestigatedV1 } from '../payloads/investigated/complaint-investigated-v1.payload';
import { ComplaintReceivedV1 } from '../payloads/received/complaint-received-v1.payload';
import { ComplaintReopenedV1 } from '../payloads/reopened/complaint-reopened-v1.payload';
import { ComplaintRespondedV1 } from '../payloads/responded/complaint-responded-v1.payload';
import { ComplaintRoutedV1 } from '../payloads/routed/complaint-routed-v1.payload';

/**
 * Valid payloads with fixed, plausible values, for tests in any lib or service. Overrides are
 * shallow: passing `customer` replaces the whole customer.
 */

/** Fixed clock origin for test data: a Monday morning, UTC. */
export const TEST_EPOCH = Date.parse('2025-03-03T01:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO UTC string `days` (may be fractional) after TEST_EPOCH. */
export function testTime(days = 0): string {
  return new Date(TEST_EPOCH + days * DAY_MS).toISOString();
}

export function aReceivedPayload(
  overrides: Partial<ComplaintReceivedV1> = {},
): ComplaintReceivedV1 {
  return {
    referenceNumber: 'CMP-2025-000123',
    channel: 'phone',
    callerSystem: 'call-centre',
    externalReference: 'CC-88123',
    customer: {
      customerId: 'C-1002003',
      name: 'Li Wei',
      phone: '+86 138 0013 8000',
      email: 'li.wei@example.com',
      idNumber: '110101199003070011',
    },
    complainedAbout: { staffId: 'E-4411', unit: 'Claims centre, Shanghai' },
    policyNumber: 'P-MOT-2024-778899',
    productLine: 'motor',
    subject: 'Claim payment delayed',
    description: 'Accident on 2025-02-10; claim filed the next day and still not paid.',
    desiredOutcome: 'Pay the claim and explain the delay',
    incidentOccurredAt: testTime(-21),
    language: 'zh',
    attachments: [
      {
        name: 'repair-invoice.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 183_220,
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        location: 's3://complaint-attachments/2025/03/repair-invoice.pdf',
      },
    ],
    receivedAt: testTime(0),
    ...overrides,
  };
}

export function aRoutedPayload(overrides: Partial<ComplaintRoutedV1> = {}): ComplaintRoutedV1 {
  return {
    category: 'business_handling',
    subcategory: 'claims',
    severity: 'medium',
    priority: 'P2',
    greenChannel: false,
    department: 'claims',
    matchedRuleIds: ['R-CLAIMS-DELAY', 'R-MOTOR'],
    acknowledgeDueAt: testTime(1),
    decisionDueAt: testTime(15),
    slaPolicyId: 'cbirc-2020@1',
    ...overrides,
  };
}

export function anInvestigatedPayload(
  overrides: Partial<ComplaintInvestigatedV1> = {},
): ComplaintInvestigatedV1 {
  return {
    caseId: '6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4',
    handlerId: 'H-2001',
    round: 1,
    outcome: 'upheld',
    summary: 'The claim was complete on 2025-02-11; payment waited on a missing internal approval.',
    rootCause: 'Approval step had no deadline',
    remedy: 'Claim paid with interest for the delay',
    compensation: { amountMinor: 50_000, currency: 'CNY' },
    decidedAt: testTime(6),
    ...overrides,
  };
}

export function aRespondedPayload(
  overrides: Partial<ComplaintRespondedV1> = {},
): ComplaintRespondedV1 {
  return {
    responseId: '0b7e6f5d-4c3b-4a29-9e8f-1a2b3c4d5e6f',
    round: 1,
    channel: 'sms',
    language: 'zh',
    body: 'Your complaint is upheld; the claim has been paid with interest.',
    sentAt: testTime(6.1),
    surveyDueAt: testTime(13.1),
    ...overrides,
  };
}

export function aFeedbackReceivedPayload(
  overrides: Partial<FeedbackReceivedV1> = {},
): FeedbackReceivedV1 {
  return {
    responseId: '0b7e6f5d-4c3b-4a29-9e8f-1a2b3c4d5e6f',
    rating: 4,
    solved: true,
    comment: 'Resolved, but it took too long',
    receivedAt: testTime(7),
    ...overrides,
  };
}

export function aReopenedPayload(
  overrides: Partial<ComplaintReopenedV1> = {},
): ComplaintReopenedV1 {
  return {
    reason: 'Interest paid does not cover the full delay',
    reopenCount: 1,
    reopenedAt: testTime(7),
    ...overrides,
  };
}

export function aClosedPayload(overrides: Partial<ComplaintClosedV1> = {}): ComplaintClosedV1 {
  return {
    closedAt: testTime(7.01),
    resolution: 'satisfied',
    finalOutcome: 'upheld',
    ...overrides,
  };
}

/** A sealed archive record; the seal is recomputed over the overrides unless one is given. */
export function anArchivedPayload(
  overrides: Partial<ComplaintArchivedV1> = {},
): ComplaintArchivedV1 {
  const { sealHash, ...fieldOverrides } = overrides;
  const unsealed = {
    complaintId: '01956a1e-0000-7000-8000-000000000001',
    complaint: {
      referenceNumber: 'CMP-2025-000123',
      channel: 'phone',
      callerSystem: 'call-centre',
      customerPseudonym: '9f2c7a51d04e3b86a1c5f7e29d8b4306c1e5a7f92b3d6e8014c7a9f5e2b1d3c8',
      complainedAboutUnit: 'Claims centre, Shanghai',
      productLine: 'motor',
      subject: 'Claim payment delayed',
      language: 'zh',
      attachmentCount: 1,
      incidentOccurredAt: testTime(-21),
      receivedAt: testTime(0),
    },
    classification: {
      category: 'business_handling',
      subcategory: 'claims',
      severity: 'medium',
      priority: 'P2',
      greenChannel: false,
      department: 'claims',
      slaPolicyId: 'cbirc-2020@1',
    },
    timeline: [
      {
        stage: 'received',
        eventType: 'complaint.received',
        occurredAt: testTime(0),
        eventId: '01956a1e-0000-7000-8000-0000000000a1',
      },
      {
        stage: 'closed',
        eventType: 'complaint.closed',
        occurredAt: testTime(7.01),
        eventId: '01956a1e-0000-7000-8000-0000000000a7',
      },
    ],
    sla: { decisionDueAt: testTime(15), decidedAt: testTime(6), met: true },
    decisions: [
      {
        round: 1,
        outcome: 'upheld',
        handlerId: 'H-2001',
        rootCause: 'Approval step had no deadline',
        remedy: 'Claim paid with interest for the delay',
        compensation: { amountMinor: 50_000, currency: 'CNY' },
        decidedAt: testTime(6),
      },
    ],
    feedback: [{ rating: 4, solved: true, receivedAt: testTime(7) }],
    closure: {
      closedAt: testTime(7.01),
      resolution: 'satisfied',
      finalOutcome: 'upheld',
      reopenCount: 0,
    },
    sealedAt: testTime(7.02),
    ...fieldOverrides,
  } satisfies Omit<ComplaintArchivedV1, 'sealHash'>;
  return { ...unsealed, sealHash: sealHash ?? computeSealHash(unsealed) };
}
