import { randomUUID } from 'crypto';
import { AGE_BANDS, computeSealHash, createEnvelope, EVENT_TYPES } from '@complaints/contracts';
import type { ComplaintArchivedV1 } from '@complaints/contracts';
import { anArchivedPayload } from '@complaints/contracts/testing';

const DAY = 86_400_000;
const START = Date.parse('2025-01-01T00:00:00.000Z');
const LINES = ['life', 'health', 'motor', 'property', 'liability', 'travel', 'other'] as const;
const CHANNELS = ['phone', 'email', 'web', 'app', 'branch', 'social'] as const;
const CAUSES = [
  'claims.delay',
  'claims.denial',
  'claims.amount',
  'sales.misrepresentation',
  'surrender.value',
  'service.process',
  'staff.attitude',
];
const OUTCOMES = ['upheld', 'partially_upheld', 'rejected'] as const;
const { sealHash: _unused, ...base } = anArchivedPayload();
void _unused;

/**
 * The i-th of n sealed archived records (as archiving publishes them) spread evenly over 2025
 * and 2026: product lines, channels, regions, branches, causes, outcomes, segments vary with i.
 * JSON, ready to produce.
 */
export function archivedRecordJson(i: number, n: number): string {
  const complaintId = randomUUID();
  const received = START + Math.floor((i / n) * 730 * DAY);
  const at = (days: number) => new Date(received + days * DAY).toISOString();
  const days = 2 + (i % 20);
  const outcome = OUTCOMES[i % 3];
  // The factory's record with this one's fields, sealed as archiving seals it.
  const unsealed: Omit<ComplaintArchivedV1, 'sealHash'> = {
    ...base,
    complaintId,
    complaint: {
      ...base.complaint,
      productLine: LINES[i % 7],
      channel: CHANNELS[(i >> 3) % 6],
      region: `cn-r${i % 31}`,
      branch: `cn-b${i % 400}`,
      receivedAt: at(0),
      incidentOccurredAt: at(-3),
      customerSegment: { ageBand: AGE_BANDS[i % 8], vulnerable: i % 17 === 0 },
    },
    classification: { ...base.classification, subcategory: i % 2 ? 'claims' : 'policy_terms' },
    timeline: [
      { ...base.timeline[0], occurredAt: at(0) },
      { ...base.timeline[1], occurredAt: at(days + 1) },
    ],
    sla: { decisionDueAt: at(15), decidedAt: at(days), met: days <= 15 },
    decisions: [
      {
        ...base.decisions[0],
        outcome,
        rootCauseCode: CAUSES[i % CAUSES.length],
        decidedAt: at(days),
      },
    ],
    feedback: [],
    closure: {
      closedAt: at(days + 1),
      resolution: 'no_feedback',
      finalOutcome: outcome,
      reopenCount: 0,
    },
    sealedAt: at(days + 1.01),
  };
  const payload: ComplaintArchivedV1 = { ...unsealed, sealHash: computeSealHash(unsealed) };
  return JSON.stringify(
    createEnvelope({ type: EVENT_TYPES.archived, complaintId, producer: 'archiving', payload }),
  );
}
