import { Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost } from '@complaints/messaging';
import { ResponsesService } from './responses.service';

/** Answers each decision with a response to the customer, in the inbox's transaction. */
@Injectable()
export class InvestigatedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly responses: ResponsesService,
  ) {}

  onModuleInit(): void {
    this.consumers.register('responder', [EVENT_TYPES.investigated], (event, tx) =>
      this.responses.respond(event, tx),
    );
  }
}
