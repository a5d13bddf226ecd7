import { AnyEventEnvelope, EVENT_TYPES, EventType } from '@complaints/contracts';

/** Every event a clock is computed from: the lifecycle, assignments, acknowledgements and clock actions. */
export const CLOCK_INPUT_TYPES = [
  EVENT_TYPES.received,
  EVENT_TYPES.routed,
  EVENT_TYPES.assigned,
  EVENT_TYPES.investigated,
  EVENT_TYPES.responded,
  EVENT_TYPES.reopened,
  EVENT_TYPES.closed,
  EVENT_TYPES.acknowledged,
  EVENT_TYPES.clockChanged,
] as const satisfies readonly EventType[];

/**
 * The few facts of an event a clock reads. Lifecycle payloads carry personal data (the
 * complainant on complaints.received.v1); none of it is kept here.
 */
export function clockFacts(event: AnyEventEnvelope): Record<string, unknown> {
  switch (event.type) {
    case EVENT_TYPES.received:
      return { receivedAt: event.payload.receivedAt, callerSystem: event.payload.callerSystem };
    case EVENT_TYPES.routed:
      return { department: event.payload.department, greenChannel: event.payload.greenChannel };
    case EVENT_TYPES.assigned:
      return { department: event.payload.department };
    case EVENT_TYPES.investigated:
      return { decidedAt: event.payload.decidedAt, round: event.payload.round };
    case EVENT_TYPES.reopened:
      return { reopenedAt: event.payload.reopenedAt, reopenCount: event.payload.reopenCount };
    case EVENT_TYPES.closed:
      return { closedAt: event.payload.closedAt };
    case EVENT_TYPES.acknowledged:
      return { acknowledgedAt: event.payload.acknowledgedAt };
    case EVENT_TYPES.clockChanged:
      return { ...event.payload };
    default:
      return {};
  }
}
