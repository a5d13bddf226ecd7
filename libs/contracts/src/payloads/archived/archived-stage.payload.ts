import { IsIn, Matches } from 'class-validator';
import { LIFECYCLE_EVENT_TYPES, LifecycleEventType } from '../../event-types';
import { IsUtcTimestamp } from '../../validation/contract.decorators';
import { UUID_V7_PATTERN } from '../../validation/contract.patterns';
import { LIFECYCLE_STAGES, LifecycleStage } from '../complaint.vocabulary';

/** One step of the complaint's timeline: which event, when, and its id for tracing back. */
export class ArchivedStage {
  @IsIn(LIFECYCLE_STAGES)
  stage: LifecycleStage;

  @IsIn(LIFECYCLE_EVENT_TYPES)
  eventType: LifecycleEventType;

  /** The event envelope's `occurredAt` (UTC). */
  @IsUtcTimestamp()
  occurredAt: string;

  @Matches(UUID_V7_PATTERN, { message: '$property must be a UUID version 7' })
  eventId: string;
}
