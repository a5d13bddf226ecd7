/**
 * The `type` strings of the envelope, one per event. Kept apart from `events.ts` (which imports
 * every payload class) so payload classes can refer to event types without an import cycle.
 */
export const EVENT_TYPES = {
  received: 'complaint.received',
  routed: 'complaint.routed',
  investigated: 'complaint.investigated',
  responded: 'complaint.responded',
  feedbackReceived: 'complaint.feedback-received',
  reopened: 'complaint.reopened',
  closed: 'complaint.closed',
  archived: 'complaint.archived',
  assigned: 'complaint.assigned',
  reclassified: 'complaint.reclassified',
  feedbackSubmitted: 'complaint.feedback-submitted',
  audited: 'complaint.audited',
  clockChanged: 'complaint.clock-changed',
  deadlineWarning: 'complaint.deadline-warning',
  deadlineBreached: 'complaint.deadline-breached',
  deadlineChanged: 'complaint.deadline-changed',
  acknowledged: 'complaint.acknowledged',
  majorIncident: 'complaint.major-incident',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

/** The events that make up a complaint's lifecycle: everything except the archive record. */
export const LIFECYCLE_EVENT_TYPES = [
  EVENT_TYPES.received,
  EVENT_TYPES.routed,
  EVENT_TYPES.investigated,
  EVENT_TYPES.responded,
  EVENT_TYPES.feedbackReceived,
  EVENT_TYPES.reopened,
  EVENT_TYPES.closed,
] as const;
export type LifecycleEventType = (typeof LIFECYCLE_EVENT_TYPES)[number];
