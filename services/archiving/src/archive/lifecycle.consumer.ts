import { Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_CATALOG, EVENT_TYPES, LIFECYCLE_EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost } from '@complaints/messaging';
import { TimelineRecorder } from './timeline-recorder.service';

/** Every lifecycle topic: complaints.received.v1 to complaints.closed.v1, not the archive's own. */
export const LIFECYCLE_TOPICS: string[] = LIFECYCLE_EVENT_TYPES.map(
  (type) => EVENT_CATALOG[type].topic,
);

/** What the timeline records: the lifecycle, and the assignments and corrections of the class. */
export const TIMELINE_EVENT_TYPES = [
  ...LIFECYCLE_EVENT_TYPES,
  EVENT_TYPES.assigned,
  EVENT_TYPES.reclassified,
] as const;

export const TIMELINE_TOPICS: string[] = TIMELINE_EVENT_TYPES.map(
  (type) => EVENT_CATALOG[type].topic,
);

/**
 * One consumer group over all lifecycle topics and the people topics (assigned, reclassified). Each event is recorded and the seal check runs
 * in the event's inbox transaction, so the archived event is published exactly when, and only
 * if, the event that completed the timeline commits. Assignments and corrections are never
 * required for the seal (timeline-completeness.ts): they join the record when they are here.
 */
@Injectable()
export class LifecycleConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly recorder: TimelineRecorder,
  ) {}

  onModuleInit(): void {
    this.consumers.register('timeline', TIMELINE_EVENT_TYPES, async (event, tx) => {
      await this.recorder.record(event, tx);
    });
  }
}
