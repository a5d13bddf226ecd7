import { ApiProperty } from '@nestjs/swagger';
import { EVENT_TYPES, LIFECYCLE_EVENT_TYPES } from '@complaints/contracts';

const TIMELINE_TYPES = [
  ...LIFECYCLE_EVENT_TYPES,
  EVENT_TYPES.assigned,
  EVENT_TYPES.reclassified,
  EVENT_TYPES.audited,
] as const;

/**
 * A recorded event (lifecycle, assignment, correction of the class) or audit entry: the
 * envelope as published, its payload pseudonymised.
 */
export class TimelineEventDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ enum: TIMELINE_TYPES })
  type: (typeof TIMELINE_TYPES)[number];

  @ApiProperty({ minimum: 1 })
  version: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ example: 'intake' })
  producer: string;

  @ApiProperty({ format: 'uuid' })
  correlationId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  causationId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The event's payload with personal data removed: the customer and policy number become customerPseudonym " +
      'and policyPseudonym; description, desired outcome, response body, feedback comment, staff name and ' +
      'attachment names are dropped; subject, summary, root cause, remedy and reopen reason are masked. ' +
      'Handlers and acting staff appear as keyed hashes (handlerId, handlerRef, actorRef) with their roles; ' +
      'reasons for reassignments and corrections, usernames, addresses and user agents are never shown.',
  })
  payload: object;
}
