import { Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_CATALOG, LIFECYCLE_EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost } from '@complaints/messaging';
import { TimelineRecorder } from './timeline-recorder.service';

/** Every lifecycle topic: complaints.received.v1 to complaints.closed.v1, not the archive's own. */
export const LIFECYCLE_TOPICS: string[] = LIFECYCLE_EVENT_TYPES.map(
  (type) => EVENT_CATALOG[type].topic,
);

/**
 * One consumer group over all lifecycle topics. Each event is recorded and the seal check runs
 * in the event's inbox transaction, so the archived event is published exactly when, and only
 * if, the event that completed the timeline commits.
 */
@Injectable()
export class LifecycleConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly recorder: TimelineRecorder,
  ) {}

  onModuleInit(): void {
    this.consumers.register('timeline', LIFECYCLE_EVENT_TYPES, async (event, tx) => {
      await this.recorder.record(event, tx);
    });
  }
}
