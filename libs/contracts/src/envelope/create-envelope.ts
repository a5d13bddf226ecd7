import { v7 as uuidv7 } from 'uuid';
import { EVENT_CATALOG, EnvelopeOf, EventMap } from '../events';
import { EventType } from '../event-types';
import { EventEnvelope } from './event-envelope';

export interface CreateEnvelopeInput<K extends EventType> {
  type: K;
  /** Defaults to the version the catalog publishes for `type`. */
  version?: number;
  complaintId: string;
  /** Filled by the messaging library when the event is published (the service's name). */
  producer?: string;
  // NoInfer: K comes from `type` alone, so a payload of another event is a compile error.
  payload: NoInfer<EventMap[K]>;
  /** Omit on the first event of a chain: the new event's own id is used. */
  correlationId?: string;
  /** Omit (or pass `null`) on the first event of a chain. */
  causationId?: string | null;
  /** From the service's injectable clock; defaults to now. */
  occurredAt?: Date;
}

/** What a follow-up event inherits from the event that caused it. */
export interface CausationLink {
  complaintId: string;
  correlationId: string;
  causationId: string;
}

/**
 * Builds an envelope with a fresh UUIDv7 `eventId`. It does not validate: producers call
 * `assertValidEnvelope` before writing to the outbox, so an invalid event never leaves.
 */
export function createEnvelope<K extends EventType>(input: CreateEnvelopeInput<K>): EnvelopeOf<K> {
  const eventId = uuidv7();
  const envelope = new EventEnvelope<EventMap[K]>();
  envelope.eventId = eventId;
  envelope.type = input.type;
  envelope.version = input.version ?? EVENT_CATALOG[input.type].version;
  envelope.complaintId = input.complaintId;
  envelope.occurredAt = (input.occurredAt ?? new Date()).toISOString();
  envelope.producer = input.producer ?? '';
  envelope.correlationId = input.correlationId ?? eventId;
  envelope.causationId = input.causationId ?? null;
  envelope.payload = input.payload;
  return envelope as EnvelopeOf<K>;
}

/**
 * Links a follow-up event to its cause: same complaint, same correlation chain, and the
 * parent's `eventId` as causation. Spread it into `createEnvelope`.
 */
export function causedBy(
  parent: Pick<EventEnvelope, 'eventId' | 'complaintId' | 'correlationId'>,
): CausationLink {
  return {
    complaintId: parent.complaintId,
    correlationId: parent.correlationId,
    causationId: parent.eventId,
  };
}
