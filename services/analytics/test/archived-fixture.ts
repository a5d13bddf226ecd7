import { createHash } from 'crypto';
import { v4 as uuidv4 } from 'uuid';
import type { ComplaintArchivedV1, CustomerSegment } from '@complaints/contracts';
import { anArchivedEvent, anArchivedPayload } from '@complaints/contracts/testing';

const DAY = 86_400_000;
const at = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();
const pseudonym = (s: string) => createHash('sha256').update(s).digest('hex');

export interface FixtureComplaint {
  receivedAt: string;
  productLine: 'motor' | 'health';
  region?: string;
  branch?: string;
  rootCauseCode?: string;
  rootCause: string;
  slaMet: boolean;
  daysToDecision: number;
  answered: boolean;
  outcome: 'upheld' | 'rejected';
  reopened: boolean;
  channel?: 'phone' | 'web' | 'branch';
  /** the deciding handler's username (pseudonymised here as archiving does) */
  handler?: string;
  compensationMinor?: number;
  /** the customer segment intake took (age band, vulnerable) */
  customerSegment?: CustomerSegment;
}

/** A sealed record as archiving publishes it: pseudonyms only, a seal that verifies. */
export function archivedRecord(c: FixtureComplaint, complaintId = uuidv4()): ComplaintArchivedV1 {
  const base = anArchivedPayload();
  const decidedAt = at(c.receivedAt, c.daysToDecision);
  const closedAt = at(c.receivedAt, c.daysToDecision + 1);
  const claims = c.productLine === 'motor';
  return anArchivedPayload({
    complaintId,
    complaint: {
      ...base.complaint,
      customerPseudonym: pseudonym(`customer-${complaintId}`),
      productLine: c.productLine,
      channel: c.channel ?? (claims ? 'phone' : 'web'),
      receivedAt: c.receivedAt,
      incidentOccurredAt: at(c.receivedAt, -3),
      ...(c.region ? { region: c.region } : {}),
      ...(c.branch ? { branch: c.branch } : {}),
      ...(c.customerSegment ? { customerSegment: c.customerSegment } : {}),
    },
    classification: {
      ...base.classification,
      category: claims ? 'business_handling' : 'product_service',
      subcategory: claims ? 'claims' : 'policy_terms',
      department: claims ? 'claims' : 'product-management',
    },
    timeline: [
      { ...base.timeline[0], occurredAt: c.receivedAt },
      { ...base.timeline[1], occurredAt: closedAt },
    ],
    sla: {
      decisionDueAt: at(c.receivedAt, c.slaMet ? 15 : c.daysToDecision - 1),
      decidedAt,
      met: c.slaMet,
    },
    decisions: [
      {
        round: 1,
        outcome: c.outcome,
        handlerId: pseudonym(c.handler ?? (claims ? 'h-claims-01' : 'h-product-01')),
        rootCause: c.rootCause,
        ...(c.rootCauseCode ? { rootCauseCode: c.rootCauseCode } : {}),
        ...(c.compensationMinor
          ? { compensation: { amountMinor: c.compensationMinor, currency: 'CNY' } }
          : {}),
        decidedAt,
      },
    ],
    feedback: c.answered ? [{ rating: 4, solved: true, receivedAt: at(closedAt, -0.5) }] : [],
    closure: {
      closedAt,
      resolution: c.answered ? 'satisfied' : 'no_feedback',
      finalOutcome: c.outcome,
      reopenCount: c.reopened ? 1 : 0,
    },
    sealedAt: at(closedAt, 0.01),
  });
}

export function archivedEventOf(record: ComplaintArchivedV1) {
  return anArchivedEvent({ complaintId: record.complaintId, payload: record });
}

const times = (n: number, make: (i: number) => FixtureComplaint) =>
  Array.from({ length: n }, (_, i) => make(i));

/**
 * The known fixture. 2026-Q1: 10 motor claims and 4 health policy-terms complaints. 2026-Q2:
 * 30 motor (a spike; one received 2026-03-31T16:30Z, which is 1 April in Shanghai), 25 of them
 * in region cn-sh / branch cn-sh-pudong; 20 chose claims.delay, 10 explain a denial in free
 * text (derived claims.denial); 3 missed the deadline, 2 were reopened; and 5 health ones with
 * an explanation no keyword matches (unclassified), decided in 10 days, rejected, unanswered.
 */
export function knownFixture(): FixtureComplaint[] {
  const motor = (receivedAt: string, i: number): FixtureComplaint => ({
    receivedAt,
    productLine: 'motor',
    ...(i < 25 ? { region: 'cn-sh', branch: 'cn-sh-pudong' } : {}),
    ...(i < 20
      ? { rootCauseCode: 'claims.delay', rootCause: 'Approval step had no deadline' }
      : { rootCause: 'The claim was denied without a reason given' }),
    slaMet: i >= 3,
    daysToDecision: 6,
    answered: true,
    outcome: 'upheld',
    reopened: i === 5 || i === 6,
  });
  const health = (receivedAt: string): FixtureComplaint => ({
    receivedAt,
    productLine: 'health',
    rootCause: 'Customer changed their mind',
    slaMet: true,
    daysToDecision: 10,
    answered: false,
    outcome: 'rejected',
    reopened: false,
  });
  return [
    ...times(10, (i) => ({
      ...motor(`2026-02-${String(i + 1).padStart(2, '0')}T02:00:00.000Z`, 30),
      rootCauseCode: 'claims.delay',
    })),
    ...times(4, (i) => health(`2026-01-${String(i + 10)}T03:00:00.000Z`)),
    motor('2026-03-31T16:30:00.000Z', 0),
    ...times(29, (i) => motor(`2026-05-${String(i + 1).padStart(2, '0')}T01:00:00.000Z`, i + 1)),
    ...times(5, (i) => health(`2026-06-${String(i + 10)}T04:00:00.000Z`)),
  ];
}

/**
 * Data built to show a known bias (2025-Q3): 40 phone complaints decided by h-claims-01, 30
 * upheld; 40 web ones by h-claims-02, 28 upheld; 20 branch ones by h-claims-03, only 4 upheld.
 * Every upheld complaint is offered CNY 500.00, except the branch ones: CNY 100.00.
 */
export function biasFixture(): FixtureComplaint[] {
  const group = (
    n: number,
    upheld: number,
    channel: 'phone' | 'web' | 'branch',
    handler: string,
    comp: number,
  ) =>
    times(
      n,
      (i): FixtureComplaint => ({
        receivedAt: `2025-08-${String((i % 28) + 1).padStart(2, '0')}T03:00:00.000Z`,
        productLine: 'motor',
        rootCause: 'Approval step had no deadline',
        slaMet: true,
        daysToDecision: 6,
        answered: true,
        outcome: i < upheld ? 'upheld' : 'rejected',
        reopened: false,
        channel,
        handler,
        ...(i < upheld ? { compensationMinor: comp } : {}),
      }),
    );
  return [
    ...group(40, 30, 'phone', 'h-claims-01', 50_000),
    ...group(40, 28, 'web', 'h-claims-02', 50_000),
    ...group(20, 4, 'branch', 'h-claims-03', 10_000),
  ];
}
