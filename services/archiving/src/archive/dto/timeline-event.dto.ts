import { ApiProperty } from '@nestjs/swagger';
import { LIFECYCLE_EVENT_TYPES } from '@complaints/contracts';
import type { LifecycleEventType } from '@complaints/contracts';

/** A recorded lifecycle event: the envelope as published, its payload pseudonymised. */
export class TimelineEventDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ enum: LIFECYCLE_EVENT_TYPES })
  type: LifecycleEventType;

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
      'attachment names are dropped; subject, summary, root cause, remedy and reopen reason are masked.',
  })
  payload: object;
}
