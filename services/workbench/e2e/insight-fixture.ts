import { createHash } from 'crypto';
import { v4 as uuidv4 } from 'uuid';
import type { AnyEventEnvelope, ComplaintArchivedV1 } from '@complaints/contracts';
import {
  anArchivedEvent,
  anArchivedPayload,
  aReceivedEvent,
  aRoutedEvent,
} from '@complaints/contracts/testing';

const DAY = 86_400_000;
const at = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * DAY).toISOString();
const pseudonym = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A sealed record as archiving publishes it onto the analysts' stream: pseudonyms only. */
function archived(
  receivedAt: string,
  claims: boolean,
  options: {
    channel?: ComplaintArchivedV1['complaint']['channel'];
    outcome?: 'upheld' | 'rejected';
  } = {},
): AnyEventEnvelope {
  const complaintId = uuidv4();
  const outcome = options.outcome ?? 'upheld';
  const base = anArchivedPayload();
  const decidedAt = at(receivedAt, 6);
  const closedAt = at(receivedAt, 7);
  const record: ComplaintArchivedV1 = anArchivedPayload({
    complaintId,
    complaint: {
      ...base.complaint,
      customerPseudonym: pseudonym(`customer-${complaintId}`),
      productLine: claims ? 'motor' : 'health',
      channel: options.channel ?? (claims ? 'phone' : 'web'),
      receivedAt,
      incidentOccurredAt: at(receivedAt, -3),
    },
    classification: {
      ...base.classification,
      category: claims ? 'business_handling' : 'product_service',
      subcategory: claims ? 'claims' : 'policy_terms',
      department: claims ? 'claims' : 'product-management',
    },
    timeline: [
      { ...base.timeline[0], occurredAt: receivedAt },
      { ...base.timeline[1], occurredAt: closedAt },
    ],
    sla: { decisionDueAt: at(receivedAt, 15), decidedAt, met: true },
    decisions: [
      {
        round: 1,
        outcome,
        handlerId: pseudonym(claims ? 'h-claims-01' : 'h-product-01'),
        rootCause: 'Approval step had no deadline',
        rootCauseCode: 'claims.delay',
        decidedAt,
      },
    ],
    feedback: [],
    closure: { closedAt, resolution: 'no_feedback', finalOutcome: outcome, reopenCount: 0 },
    sealedAt: at(closedAt, 0.01),
  });
  return anArchivedEvent({ complaintId, payload: record });
}

/**
 * The analysts' figures: in 2026-Q3 (Shanghai calendar) 6 motor claims complaints and 3 health
 * policy-terms ones; in 2026-Q2, the period before, 2 claims ones.
 */
export const ANALYTICS_FIXTURE = {
  period: '2026-Q3',
  previous: '2026-Q2',
  claims: 6,
  policyTerms: 3,
  previousClaims: 2,
} as const;

/**
 * Fairness, built with a known bias: in 2026-Q1, 20 motor claims complaints per channel, upheld
 * 18 of 20 by phone against 8 of 20 on the web and in the app. Only the phone channel differs
 * from the rest more than chance would explain (z 3.68, p 0.0002 against α 0.05 / 3).
 */
export const FAIRNESS_FIXTURE = {
  period: '2026-Q1',
  perChannel: 20,
  upheld: { phone: 18, web: 8, app: 8 },
} as const;

export function fairnessFixture(): AnyEventEnvelope[] {
  const { perChannel, upheld } = FAIRNESS_FIXTURE;
  return (
    Object.entries(upheld) as [ComplaintArchivedV1['complaint']['channel'], number][]
  ).flatMap(([channel, n], c) =>
    Array.from({ length: perChannel }, (_, i) =>
      archived(`2026-02-${String(i + 1).padStart(2, '0')}T0${c}:00:00.000Z`, true, {
        channel,
        outcome: i < n ? 'upheld' : 'rejected',
      }),
    ),
  );
}

export function archivedFixture(): AnyEventEnvelope[] {
  const { claims, policyTerms, previousClaims } = ANALYTICS_FIXTURE;
  return [
    ...Array.from({ length: claims }, (_, i) => archived(`2026-08-0${i + 1}T02:00:00.000Z`, true)),
    ...Array.from({ length: policyTerms }, (_, i) =>
      archived(`2026-09-1${i}T02:00:00.000Z`, false),
    ),
    ...Array.from({ length: previousClaims }, (_, i) =>
      archived(`2026-05-1${i}T02:00:00.000Z`, true),
    ),
  ];
}

/**
 * A claims complaint received `daysAgo` days ago, as intake and classification publish it: the
 * deadlines service computes its 15-day clock from these (receipt, then routing).
 */
export function receivedDaysAgo(daysAgo: number): {
  complaintId: string;
  events: AnyEventEnvelope[];
} {
  const complaintId = uuidv4();
  const receivedAt = new Date(Date.now() - daysAgo * DAY).toISOString();
  const received = aReceivedEvent({
    complaintId,
    occurredAt: receivedAt,
    payload: { receivedAt, incidentOccurredAt: at(receivedAt, -5) },
  });
  const routed = aRoutedEvent({
    complaintId,
    occurredAt: at(receivedAt, 0.001),
    causationId: received.eventId,
    correlationId: received.correlationId,
    payload: {
      department: 'claims',
      greenChannel: false,
      acknowledgeDueAt: at(receivedAt, 1),
      decisionDueAt: at(receivedAt, 15),
    },
  });
  return { complaintId, events: [received, routed] };
}
