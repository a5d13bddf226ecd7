import type { EventEnvelope } from './envelope/event-envelope';
import { EVENT_TYPES, EventType } from './event-types';
import { ComplaintArchivedV1 } from './payloads/archived/complaint-archived-v1.payload';
import { ComplaintClosedV1 } from './payloads/closed/complaint-closed-v1.payload';
import { FeedbackReceivedV1 } from './payloads/feedback-received/feedback-received-v1.payload';
import { ComplaintInvestigatedV1 } from './payloads/investigated/complaint-investigated-v1.payload';
import { ComplaintReceivedV1 } from './payloads/received/complaint-received-v1.payload';
import { ComplaintReopenedV1 } from './payloads/reopened/complaint-reopened-v1.payload';
import { ComplaintRespondedV1 } from './payloads/responded/complaint-responded-v1.payload';
import { ComplaintRoutedV1 } from './payloads/routed/complaint-routed-v1.payload';
import { ComplaintAssignedV1 } from './payloads/assigned/complaint-assigned-v1.payload';
import { ComplaintAuditedV1 } from './payloads/audited/complaint-audited-v1.payload';
import { FeedbackSubmittedV1 } from './payloads/feedback-submitted/feedback-submitted-v1.payload';
import { ComplaintReclassifiedV1 } from './payloads/reclassified/complaint-reclassified-v1.payload';
import { ComplaintAcknowledgedV1 } from './payloads/clock/complaint-acknowledged-v1.payload';
import { ClockChangedV1 } from './payloads/clock/clock-changed-v1.payload';
import { DeadlineBreachedV1 } from './payloads/clock/deadline-breached-v1.payload';
import { DeadlineChangedV1 } from './payloads/clock/deadline-changed-v1.payload';
import { DeadlineWarningV1 } from './payloads/clock/deadline-warning-v1.payload';
import { MajorIncidentV1 } from './payloads/major/major-incident-v1.payload';
import { TOPICS, TopicName } from './topics';

export type PayloadClass<T = object> = new () => T;

/** What the pipeline publishes for one event type at one version. */
export interface EventDefinition<K extends EventType = EventType, P = object> {
  type: K;
  /** Payload major version; equals the `vN` suffix of `topic`. */
  version: number;
  topic: TopicName;
  payload: PayloadClass<P>;
}

/**
 * The current version of every event. A new major version means a new topic and a new entry
 * in `EVENT_DEFINITIONS` below (the old one stays while anyone still consumes it).
 */
export const EVENT_CATALOG = {
  [EVENT_TYPES.received]: {
    type: EVENT_TYPES.received,
    version: 1,
    topic: TOPICS.received,
    payload: ComplaintReceivedV1,
  },
  [EVENT_TYPES.routed]: {
    type: EVENT_TYPES.routed,
    version: 1,
    topic: TOPICS.routed,
    payload: ComplaintRoutedV1,
  },
  [EVENT_TYPES.investigated]: {
    type: EVENT_TYPES.investigated,
    version: 1,
    topic: TOPICS.investigated,
    payload: ComplaintInvestigatedV1,
  },
  [EVENT_TYPES.responded]: {
    type: EVENT_TYPES.responded,
    version: 1,
    topic: TOPICS.responded,
    payload: ComplaintRespondedV1,
  },
  [EVENT_TYPES.feedbackReceived]: {
    type: EVENT_TYPES.feedbackReceived,
    version: 1,
    topic: TOPICS.feedbackReceived,
    payload: FeedbackReceivedV1,
  },
  [EVENT_TYPES.reopened]: {
    type: EVENT_TYPES.reopened,
    version: 1,
    topic: TOPICS.reopened,
    payload: ComplaintReopenedV1,
  },
  [EVENT_TYPES.closed]: {
    type: EVENT_TYPES.closed,
    version: 1,
    topic: TOPICS.closed,
    payload: ComplaintClosedV1,
  },
  [EVENT_TYPES.archived]: {
    type: EVENT_TYPES.archived,
    version: 1,
    topic: TOPICS.archived,
    payload: ComplaintArchivedV1,
  },
  [EVENT_TYPES.assigned]: {
    type: EVENT_TYPES.assigned,
    version: 1,
    topic: TOPICS.assigned,
    payload: ComplaintAssignedV1,
  },
  [EVENT_TYPES.reclassified]: {
    type: EVENT_TYPES.reclassified,
    version: 1,
    topic: TOPICS.reclassified,
    payload: ComplaintReclassifiedV1,
  },
  [EVENT_TYPES.feedbackSubmitted]: {
    type: EVENT_TYPES.feedbackSubmitted,
    version: 1,
    topic: TOPICS.feedbackSubmitted,
    payload: FeedbackSubmittedV1,
  },
  [EVENT_TYPES.audited]: {
    type: EVENT_TYPES.audited,
    version: 1,
    topic: TOPICS.audit,
    payload: ComplaintAuditedV1,
  },
  [EVENT_TYPES.clockChanged]: {
    type: EVENT_TYPES.clockChanged,
    version: 1,
    topic: TOPICS.clock,
    payload: ClockChangedV1,
  },
  [EVENT_TYPES.deadlineWarning]: {
    type: EVENT_TYPES.deadlineWarning,
    version: 1,
    topic: TOPICS.deadlineWarning,
    payload: DeadlineWarningV1,
  },
  [EVENT_TYPES.deadlineBreached]: {
    type: EVENT_TYPES.deadlineBreached,
    version: 1,
    topic: TOPICS.deadlineBreached,
    payload: DeadlineBreachedV1,
  },
  [EVENT_TYPES.deadlineChanged]: {
    type: EVENT_TYPES.deadlineChanged,
    version: 1,
    topic: TOPICS.deadlineChanged,
    payload: DeadlineChangedV1,
  },
  [EVENT_TYPES.acknowledged]: {
    type: EVENT_TYPES.acknowledged,
    version: 1,
    topic: TOPICS.acknowledged,
    payload: ComplaintAcknowledgedV1,
  },
  [EVENT_TYPES.majorIncident]: {
    type: EVENT_TYPES.majorIncident,
    version: 1,
    topic: TOPICS.majorIncident,
    payload: MajorIncidentV1,
  },
} as const satisfies { [K in EventType]: EventDefinition<K> };

/** Payload type per event type: `EventMap['complaint.received']` is `ComplaintReceivedV1`. */
export type EventMap = {
  [K in EventType]: InstanceType<(typeof EVENT_CATALOG)[K]['payload']>;
};

/** Topic per event type: `TopicOf<'complaint.received'>` is `'complaints.received.v1'`. */
export type TopicOf<K extends EventType> = (typeof EVENT_CATALOG)[K]['topic'];

/** An envelope whose `type` and `payload` agree. */
export type EnvelopeOf<K extends EventType> = EventEnvelope<EventMap[K]> & { type: K };

/** Any known envelope; narrow it by checking `type`. */
export type AnyEventEnvelope = { [K in EventType]: EnvelopeOf<K> }[EventType];

/** Every (type, version) the code can read: the current catalog plus any older versions. */
export const EVENT_DEFINITIONS: readonly EventDefinition[] = Object.values(EVENT_CATALOG);

export interface EventRegistry {
  /** type -> version -> definition */
  byType: ReadonlyMap<string, ReadonlyMap<number, EventDefinition>>;
  /** topic name (without any test prefix) -> definition */
  byTopic: ReadonlyMap<string, EventDefinition>;
}

function buildRegistry(definitions: readonly EventDefinition[]): EventRegistry {
  const byType = new Map<string, Map<number, EventDefinition>>();
  const byTopic = new Map<string, EventDefinition>();
  for (const definition of definitions) {
    const versions = byType.get(definition.type) ?? new Map<number, EventDefinition>();
    if (versions.has(definition.version) || byTopic.has(definition.topic)) {
      throw new Error(`duplicate event definition ${definition.type} v${definition.version}`);
    }
    versions.set(definition.version, definition);
    byType.set(definition.type, versions);
    byTopic.set(definition.topic, definition);
  }
  return { byType, byTopic };
}

/** Runtime lookup for consumers: which class to validate a message against. */
export const EVENT_REGISTRY: EventRegistry = buildRegistry(EVENT_DEFINITIONS);

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return EVENT_REGISTRY.byType.get(type)?.get(version);
}

/**
 * The envelope of any one of the event types K, as a union a handler narrows by `type`:
 * `EnvelopeOneOf<'complaint.routed' | 'complaint.closed'>`.
 */
export type EnvelopeOneOf<K extends EventType> = K extends EventType ? EnvelopeOf<K> : never;
