import { Injectable, OnModuleInit } from '@nestjs/common';
import { AnyEventEnvelope, EVENT_TYPES, TOPICS } from '@complaints/contracts';
import { ConsumerHost, PermanentEventError, Transaction } from '@complaints/messaging';
import { ResponsesService } from './responses.service';

/** Answers each decision with a response to the customer, in the inbox's transaction. */
@Injectable()
export class InvestigatedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly responses: ResponsesService,
  ) {}

  onModuleInit(): void {
    this.consumers.register('responder', [TOPICS.investigated], (event, tx) =>
      this.apply(event as AnyEventEnvelope, tx),
    );
  }

  async apply(event: AnyEventEnvelope, tx: Transaction): Promise<void> {
    if (event.type !== EVENT_TYPES.investigated) {
      throw new PermanentEventError(
        'FEEDBACK.UNEXPECTED_EVENT',
        `${event.type} does not belong on ${TOPICS.investigated}`,
      );
    }
    await this.responses.respond(event, tx);
  }
}
