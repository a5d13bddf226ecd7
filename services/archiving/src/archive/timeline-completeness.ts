import { EVENT_TYPES, LIFECYCLE_EVENT_TYPES } from '@complaints/contracts';
import {
  StoredEvent,
  StoredEventOf,
  StoredLifecycleEvent,
  TimelineEventType,
} from './stored-event.types';

/**
 * What the timeline still lacks before its record may be sealed; empty when it is complete.
 * Topics are ordered only within themselves, so `closed` can arrive before the last `responded`
 * (or a whole reopened round) when one topic lags: sealing then would freeze a partial record
 * forever on a compacted topic. Complete means:
 * - received, routed and closed are present;
 * - the reopenings are numbered 1..k without a gap, and the decisions are rounds 1..k+1
 *   (investigated == reopened + 1);
 * - every decided round was also responded to (responded == investigated);
 * - a `satisfied` closure rests on the customer's answer: the feedback on the last response
 *   is present;
 * - the chain of causes from the closure back to the first event is all here. Counting alone
 *   cannot see a whole reopened round that lags behind `closed` (round 1 then looks complete);
 *   the closure's cause (the last survey answer) and its causes name that round's events.
 * Rounds are compared as sets, so an event republished under a new id does not block sealing.
 * Assignments and corrections of the class are never required: they join the record when they
 * are here at the seal. They are links of the chain only if a lifecycle event names one as
 * its cause, and then the chain needs them like any other link.
 * Reasons name event types and rounds only, never personal data, so they can be logged.
 */
export function missingForSeal(events: readonly StoredEvent[]): string[] {
  const missing: string[] = [];
  for (const type of [EVENT_TYPES.received, EVENT_TYPES.routed, EVENT_TYPES.closed]) {
    if (!events.some((e) => e.type === type)) missing.push(type);
  }
  const reopenings = new Set(
    ofType(events, EVENT_TYPES.reopened).map((e) => e.payload.reopenCount),
  );
  const decided = new Set(ofType(events, EVENT_TYPES.investigated).map((e) => e.payload.round));
  const responded = ofType(events, EVENT_TYPES.responded);
  const answered = new Set(responded.map((e) => e.payload.round));
  // Whichever of the three shows the most rounds sets how many there were.
  const lastRound = Math.max(1, ...[...reopenings].map((n) => n + 1), ...decided, ...answered);
  for (let round = 1; round <= lastRound; round++) {
    if (round > 1 && !reopenings.has(round - 1))
      missing.push(`${EVENT_TYPES.reopened} #${round - 1}`);
    if (!decided.has(round)) missing.push(`${EVENT_TYPES.investigated} round ${round}`);
    if (!answered.has(round)) missing.push(`${EVENT_TYPES.responded} round ${round}`);
  }

  const closed = latest(ofType(events, EVENT_TYPES.closed));
  if (closed?.payload.resolution === 'satisfied') {
    const lastResponses = new Set(
      responded.filter((e) => e.payload.round === lastRound).map((e) => e.payload.responseId),
    );
    const answeredLast = ofType(events, EVENT_TYPES.feedbackReceived).some((e) =>
      lastResponses.has(e.payload.responseId),
    );
    if (!answeredLast) missing.push(`${EVENT_TYPES.feedbackReceived} on round ${lastRound}`);
  }
  if (closed) missing.push(...missingCauses(events, closed));
  return missing;
}

/** The causes of `from`, back to the first event, that the timeline does not hold yet. */
function missingCauses(events: readonly StoredEvent[], from: StoredEvent): string[] {
  const byId = new Map(events.map((e) => [e.eventId, e]));
  const seen = new Set<string>();
  let current: StoredEvent | undefined = from;
  while (current?.causationId && !seen.has(current.eventId)) {
    seen.add(current.eventId);
    const cause = byId.get(current.causationId);
    if (!cause) return [`the cause of ${current.type}`];
    current = cause;
  }
  return [];
}

export function isTimelineComplete(events: readonly StoredEvent[]): boolean {
  return missingForSeal(events).length === 0;
}

/** The events of one type; `type` is checked at run time, so the cast holds. */
export function ofType<K extends TimelineEventType>(
  events: readonly StoredEvent[],
  type: K,
): StoredEventOf<K>[] {
  return events.filter((e) => e.type === type) as unknown as StoredEventOf<K>[];
}

/** The event that happened last (a republished correction supersedes what it corrects). */
export function latest<E extends StoredEvent>(events: readonly E[]): E | undefined {
  let found: E | undefined;
  for (const e of events)
    if (!found || Date.parse(e.occurredAt) >= Date.parse(found.occurredAt)) found = e;
  return found;
}

/** Received ... closed, not an assignment or a correction of the class. */
export function isLifecycle(e: StoredEvent): e is StoredLifecycleEvent {
  return (LIFECYCLE_EVENT_TYPES as readonly string[]).includes(e.type);
}
