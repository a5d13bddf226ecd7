import {
  ArchivedClockHistory,
  ArchivedDecision,
  ArchivedMajorIncident,
  ArchivedStage,
  ComplaintArchivedV1,
  computeSealHash,
  EVENT_TYPES,
  LIFECYCLE_STAGES,
  LifecycleEventType,
  LifecycleStage,
  UnsealedArchive,
} from '@complaints/contracts';
import { assignmentsOf, correctedClassification } from './archive-people.builder';
import { maskWithin } from './personal-data.masker';
import { StoredEvent, StoredEventOf, StoredLifecycleEvent } from './stored-event.types';
import { isLifecycle, latest, missingForSeal, ofType } from './timeline-completeness';

const STAGE_OF: Record<LifecycleEventType, LifecycleStage> = {
  [EVENT_TYPES.received]: 'received',
  [EVENT_TYPES.routed]: 'routed',
  [EVENT_TYPES.investigated]: 'investigated',
  [EVENT_TYPES.responded]: 'responded',
  [EVENT_TYPES.feedbackReceived]: 'feedback_received',
  [EVENT_TYPES.reopened]: 'reopened',
  [EVENT_TYPES.closed]: 'closed',
};

/** Pseudonymised audit entries of the complaint, as the record carries them. */
export type ArchivedAuditEntries = NonNullable<ComplaintArchivedV1['audit']>;

/** Contract caps, in characters. */
const MAX_SUBJECT = 200;
const MAX_DECISION_TEXT = 2000;

/**
 * The sealed record of a complete timeline (see `missingForSeal`), built only from what the
 * archive stored: pseudonymised facts, the classification, every stage in order, the SLA
 * outcome of the first decision, one decision per round, the survey answers and the closure;
 * with the assignments, the corrected class and the audit entries recorded so far (`audit`,
 * oldest first, already pseudonymised). Text fields are masked again here so the record is
 * safe whatever fed the builder. Deterministic for the same events, audit entries and `sealedAt`.
 */
export function buildArchiveRecord(
  events: readonly StoredEvent[],
  sealedAt: Date,
  audit: ArchivedAuditEntries = [],
  clockHistory?: ArchivedClockHistory,
  majorIncident?: ArchivedMajorIncident,
): ComplaintArchivedV1 {
  const missing = missingForSeal(events);
  if (missing.length > 0)
    throw new Error(`the timeline is incomplete: missing ${missing.join(', ')}`);
  const received = required(earliest(ofType(events, EVENT_TYPES.received)));
  const routed = required(latest(ofType(events, EVENT_TYPES.routed)));
  const closed = required(latest(ofType(events, EVENT_TYPES.closed)));
  const decisions = decisionsByRound(ofType(events, EVENT_TYPES.investigated));
  const first = decisions[0];
  const r = received.payload;
  const c = routed.payload;

  const unsealed: UnsealedArchive = {
    complaintId: received.complaintId,
    complaint: {
      referenceNumber: r.referenceNumber,
      channel: r.channel,
      callerSystem: r.callerSystem,
      customerPseudonym: r.customerPseudonym,
      ...(r.policyPseudonym ? { policyPseudonym: r.policyPseudonym } : {}),
      ...(r.complainedAboutUnit ? { complainedAboutUnit: r.complainedAboutUnit } : {}),
      productLine: r.productLine,
      ...(r.customerSegment ? { customerSegment: r.customerSegment } : {}),
      subject: maskWithin(r.subject, MAX_SUBJECT),
      language: r.language,
      attachmentCount: r.attachments.length,
      ...(r.incidentOccurredAt ? { incidentOccurredAt: r.incidentOccurredAt } : {}),
      receivedAt: r.receivedAt,
    },
    classification: correctedClassification(
      {
        category: c.category,
        subcategory: c.subcategory,
        severity: c.severity,
        priority: c.priority,
        greenChannel: c.greenChannel,
        department: c.department,
        slaPolicyId: c.slaPolicyId,
      },
      events,
    ),
    timeline: inOrder(lifecycleOnly(events)).map(
      (e): ArchivedStage => ({
        stage: STAGE_OF[e.type],
        eventType: e.type,
        occurredAt: e.occurredAt,
        eventId: e.eventId,
      }),
    ),
    sla: {
      decisionDueAt: c.decisionDueAt,
      decidedAt: first.decidedAt,
      met: Date.parse(first.decidedAt) <= Date.parse(c.decisionDueAt),
    },
    decisions,
    feedback: ofType(events, EVENT_TYPES.feedbackReceived)
      .slice()
      .sort(
        (a, b) =>
          Date.parse(a.payload.receivedAt) - Date.parse(b.payload.receivedAt) || byTime(a, b),
      )
      .map((e) => ({
        rating: e.payload.rating,
        solved: e.payload.solved,
        receivedAt: e.payload.receivedAt,
      })),
    closure: {
      closedAt: closed.payload.closedAt,
      resolution: closed.payload.resolution,
      finalOutcome: closed.payload.finalOutcome,
      reopenCount: new Set(ofType(events, EVENT_TYPES.reopened).map((e) => e.payload.reopenCount))
        .size,
    },
    ...withEntries('assignments', assignmentsOf(events)),
    ...withEntries('audit', audit),
    ...(clockHistory ? { clockHistory } : {}),
    ...withReviews(reviewsOf(events)),
    ...(majorIncident
      ? { majorIncident: { incidentId: majorIncident.incidentId, trigger: majorIncident.trigger } }
      : {}),
    ...notificationsOf(closed.payload),
    sealedAt: sealedAt.toISOString(),
  };
  return { ...unsealed, sealHash: computeSealHash(unsealed) };
}

type ArchivedReviews = NonNullable<ComplaintArchivedV1['reviews']>;

/**
 * The internal reviews the customer asked for, oldest first: each reopening that carried a review
 * request is a review round (a reopening makes round reopenCount + 1); its decision, when the
 * round was decided before the seal, gives the outcome, when, and the reviewer (the stored
 * decision's handler id is already the handler's pseudonym).
 */
export function reviewsOf(events: readonly StoredEvent[]): ArchivedReviews {
  const decided = new Map<number, StoredEventOf<'complaint.investigated'>>();
  for (const e of inOrder(ofType(events, EVENT_TYPES.investigated)))
    if (e.payload.review) decided.set(e.payload.round, e);
  const byRound = new Map<number, ArchivedReviews[number]>();
  for (const { payload: p } of inOrder(ofType(events, EVENT_TYPES.reopened))) {
    if (!p.review || byRound.has(p.reopenCount + 1)) continue;
    const reviewRound = p.reopenCount + 1;
    const decision = decided.get(reviewRound)?.payload;
    byRound.set(reviewRound, {
      reviewedRound: p.review.reviewedRound,
      reviewRound,
      requestedThrough: p.review.requestedThrough,
      requestedAt: p.review.requestedAt,
      ...(decision?.review
        ? {
            outcome: decision.review.outcome,
            decidedAt: decision.decidedAt,
            reviewerPseudonym: decision.handlerId,
          }
        : {}),
    });
  }
  return [...byRound.values()].sort((a, b) => a.reviewRound - b.reviewRound);
}

function withReviews(reviews: ArchivedReviews): { reviews?: ArchivedReviews } {
  return reviews.length > 0 ? { reviews } : {};
}

/**
 * The proofs of notification feedback carried on the closure (masked addresses and hashes only),
 * oldest first; absent when it carried none.
 */
function notificationsOf(closed: StoredEventOf<'complaint.closed'>['payload']): {
  notifications?: NonNullable<ComplaintArchivedV1['notifications']>;
} {
  const proofs = closed.messageProofs ?? [];
  if (proofs.length === 0) return {};
  return {
    notifications: proofs
      .map((p) => ({ ...p }))
      .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt)),
  };
}

/** An optional list is absent when empty, so records without such entries keep their shape. */
function withEntries<K extends 'assignments' | 'audit', V extends unknown[]>(
  key: K,
  entries: V,
): Partial<Record<K, V>> {
  return entries.length > 0 ? ({ [key]: entries } as Record<K, V>) : {};
}

function lifecycleOnly(events: readonly StoredEvent[]): StoredLifecycleEvent[] {
  return events.filter(isLifecycle);
}

/** Lifecycle stages in their order; assignments and corrections after the stage of their instant. */
function rank(e: StoredEvent): number {
  return isLifecycle(e) ? LIFECYCLE_STAGES.indexOf(STAGE_OF[e.type]) : LIFECYCLE_STAGES.length;
}

/** By time, then by stage (a decision and its response can share a millisecond), then by id. */
export function inOrder<E extends StoredEvent>(events: readonly E[]): E[] {
  return events.slice().sort(byTime);
}

function byTime(a: StoredEvent, b: StoredEvent): number {
  return (
    Date.parse(a.occurredAt) - Date.parse(b.occurredAt) ||
    rank(a) - rank(b) ||
    (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)
  );
}

/** One decision per round, round 1 first; a round decided twice keeps its latest decision. */
function decisionsByRound(events: StoredEventOf<'complaint.investigated'>[]): ArchivedDecision[] {
  const byRound = new Map<number, StoredEventOf<'complaint.investigated'>>();
  for (const e of inOrder(events)) byRound.set(e.payload.round, e);
  return [...byRound.values()]
    .sort((a, b) => a.payload.round - b.payload.round)
    .map(({ payload: p }) => ({
      round: p.round,
      outcome: p.outcome,
      handlerId: p.handlerId,
      rootCause: maskWithin(p.rootCause, MAX_DECISION_TEXT),
      ...(p.rootCauseCode !== undefined ? { rootCauseCode: p.rootCauseCode } : {}),
      ...(p.remedy !== undefined ? { remedy: maskWithin(p.remedy, MAX_DECISION_TEXT) } : {}),
      ...(p.compensation
        ? {
            compensation: {
              amountMinor: p.compensation.amountMinor,
              currency: p.compensation.currency,
            },
          }
        : {}),
      decidedAt: p.decidedAt,
    }));
}

function earliest<E extends StoredEvent>(events: readonly E[]): E | undefined {
  return inOrder(events)[0];
}

function required<E>(event: E | undefined): E {
  if (!event) throw new Error('a complete timeline lacks an event it requires');
  return event;
}
