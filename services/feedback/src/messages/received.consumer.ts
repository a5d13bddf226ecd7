import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, Transaction } from '@complaints/messaging';
import { ROOT_LOGGER } from '@complaints/platform';

/**
 * Keeps how to reach each complainant (e-mail, phone) from the intake record, in the inbox's
 * transaction. Only the contact details are kept; the first record wins.
 */
@Injectable()
export class ReceivedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.consumers.register('contacts', [EVENT_TYPES.received], (event, tx) =>
      this.apply(event, tx),
    );
  }

  async apply(event: EnvelopeOf<'complaint.received'>, tx: Transaction): Promise<void> {
    const p = event.payload;
    await tx.manager.query(
      `INSERT INTO customer_contact (complaint_id, reference_number, language, intake_channel, email,
         phone, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (complaint_id) DO NOTHING`,
      [
        event.complaintId,
        p.referenceNumber,
        p.language,
        p.channel,
        p.customer.email ?? null,
        p.customer.phone ?? null,
        new Date(p.receivedAt),
      ],
    );
    // Which channels exist, never what they are.
    this.logger.info(
      {
        complaintId: event.complaintId,
        eventId: event.eventId,
        correlationId: event.correlationId,
        hasEmail: Boolean(p.customer.email),
        hasPhone: Boolean(p.customer.phone),
      },
      'customer contact noted',
    );
  }
}
