import { Injectable, OnModuleInit } from '@nestjs/common';
import { causedBy, EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, PermanentEventError, Transaction } from '@complaints/messaging';
import { CustomerContact } from './customer-contact.entity';
import { MessageQueue } from './message-queue.service';
import { MessageTemplates } from './templates/message-templates';

/**
 * Acknowledges each complaint once it is routed: its reference number, what happens next and
 * the date the decision is due. Sent on the customer's channel; the acknowledgement event
 * (which meets the deadlines service's acknowledgement clock) follows once it was sent.
 */
@Injectable()
export class RoutedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly queue: MessageQueue,
    private readonly templates: MessageTemplates,
  ) {}

  onModuleInit(): void {
    this.consumers.register('acknowledgements', [EVENT_TYPES.routed], (event, tx) =>
      this.apply(event, tx),
    );
  }

  async apply(event: EnvelopeOf<'complaint.routed'>, tx: Transaction): Promise<void> {
    const contact = await tx.manager.findOneBy(CustomerContact, { complaintId: event.complaintId });
    const reference = event.payload.complaint?.referenceNumber ?? contact?.referenceNumber;
    const language = event.payload.complaint?.language ?? contact?.language;
    if (!reference || !language) {
      throw new PermanentEventError(
        'FEEDBACK.NO_REFERENCE',
        'the routed event carries no complaint summary and the intake record has not arrived',
      );
    }
    await this.queue.queue(
      tx,
      { cause: causedBy(event), kind: 'acknowledgement', dedupeKey: 'acknowledgement', language },
      this.templates.acknowledgement(language, reference, new Date(event.payload.decisionDueAt)),
    );
  }
}
