import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConsumerHost } from '@complaints/messaging';
import { CLOCK_INPUT_TYPES } from './clock-inputs';
import { ClockStore } from './clock-store.service';

/**
 * One group over the lifecycle, assignment, acknowledgement and clock topics; a change of a
 * complaint's clocks is published as complaints.deadline-changed.v1 with the event's inbox row.
 */
@Injectable()
export class ClockEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly store: ClockStore,
  ) {}

  onModuleInit(): void {
    this.consumers.register('clocks', CLOCK_INPUT_TYPES, async (event, tx) => {
      await this.store.record(event, tx.manager, (changed) => tx.publish(changed));
    });
  }
}
