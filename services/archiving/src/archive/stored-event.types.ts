import type {
  AssignmentCause,
  ComplaintCategory,
  ComplaintClosedV1,
  ComplaintInvestigatedV1,
  ComplaintReceivedV1,
  ComplaintReopenedV1,
  ComplaintRespondedV1,
  ComplaintRoutedV1,
  ComplaintSummary,
  FeedbackReceivedV1,
  LifecycleEventType,
} from '@complaints/contracts';

/**
 * The shapes the archive keeps: each lifecycle payload with personal data pseudonymised or
 * dropped at ingestion. Free text written by or to the customer (description, desired outcome,
 * response body, feedback comment) is dropped; short analytical text is kept masked.
 */

/** The complaint summary without its free-text description. */
export type StoredSummary = Omit<ComplaintSummary, 'description'>;

/** A file reference without its name and location, which may identify the customer. */
export interface StoredAttachment {
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

export type StoredReceived = Omit<
  ComplaintReceivedV1,
  'customer' | 'policyNumber' | 'complainedAbout' | 'description' | 'desiredOutcome' | 'attachments'
> & {
  /** HMAC of the customer identity, hex. */
  customerPseudonym: string;
  policyPseudonym?: string;
  complainedAboutUnit?: string;
  attachments: StoredAttachment[];
};

export type StoredRouted = Omit<ComplaintRoutedV1, 'complaint'> & { complaint?: StoredSummary };

export type StoredInvestigated = Omit<ComplaintInvestigatedV1, 'complaint'> & {
  complaint?: StoredSummary;
};

export type StoredResponded = Omit<ComplaintRespondedV1, 'body'>;

export type StoredFeedback = Omit<FeedbackReceivedV1, 'comment'>;

export type StoredReopened = ComplaintReopenedV1;

export type StoredClosed = ComplaintClosedV1;

/**
 * A `complaints.assigned.v1` event, pseudonymised: handlers as keyed hashes, no reason (a
 * reason for a reassignment may name people), the assigner only as a pseudonym and roles.
 */
export interface StoredAssigned {
  department: string;
  handlerRef: string;
  previousHandlerRef?: string;
  previousDepartment?: string;
  cause: AssignmentCause;
  assignedByRef?: string;
  assignedByRoles?: string[];
  assignedAt: string;
}

/** A `complaints.reclassified.v1` event without its reason, the officer as a pseudonym. */
export interface StoredReclassified {
  category: ComplaintCategory;
  subcategory: string;
  department: string;
  previousCategory: ComplaintCategory;
  previousSubcategory: string;
  previousDepartment: string;
  correctedByRef: string;
  correctedAt: string;
}

/** Keyed by envelope `type` (EVENT_TYPES values). */
export interface StoredPayloadMap {
  'complaint.assigned': StoredAssigned;
  'complaint.reclassified': StoredReclassified;
  'complaint.received': StoredReceived;
  'complaint.routed': StoredRouted;
  'complaint.investigated': StoredInvestigated;
  'complaint.responded': StoredResponded;
  'complaint.feedback-received': StoredFeedback;
  'complaint.reopened': StoredReopened;
  'complaint.closed': StoredClosed;
}

/**
 * What the timeline keeps: the lifecycle events and the people events (assignment, correction
 * of the class). Only lifecycle events count towards sealing (timeline-completeness.ts).
 */
export type TimelineEventType = keyof StoredPayloadMap;

export const PEOPLE_EVENT_TYPES = ['complaint.assigned', 'complaint.reclassified'] as const;

/** One event of a complaint's timeline as the archive keeps it. */
export interface StoredEventOf<K extends TimelineEventType> {
  eventId: string;
  complaintId: string;
  type: K;
  version: number;
  /** ISO 8601 UTC. */
  occurredAt: string;
  producer: string;
  correlationId: string;
  causationId: string | null;
  payload: StoredPayloadMap[K];
}

/** Any stored event; narrow it by checking `type`. */
export type StoredEvent = { [K in TimelineEventType]: StoredEventOf<K> }[TimelineEventType];

/** A stored lifecycle event (received ... closed). */
export type StoredLifecycleEvent = {
  [K in LifecycleEventType]: StoredEventOf<K>;
}[LifecycleEventType];
