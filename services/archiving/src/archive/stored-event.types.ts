import type {
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

/** Keyed by envelope `type` (EVENT_TYPES values). */
export interface StoredPayloadMap {
  'complaint.received': StoredReceived;
  'complaint.routed': StoredRouted;
  'complaint.investigated': StoredInvestigated;
  'complaint.responded': StoredResponded;
  'complaint.feedback-received': StoredFeedback;
  'complaint.reopened': StoredReopened;
  'complaint.closed': StoredClosed;
}

/** One event of a complaint's timeline as the archive keeps it. */
export interface StoredEventOf<K extends LifecycleEventType> {
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
export type StoredEvent = { [K in LifecycleEventType]: StoredEventOf<K> }[LifecycleEventType];
