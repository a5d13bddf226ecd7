import { Injectable, OnModuleInit } from '@nestjs/common';
import { causedBy, EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, PermanentEventError, Transaction } from '@complaints/messaging';
import { Clock } from '@complaints/platform';
import { CustomerContact } from './customer-contact.entity';
import { CustomerMessage } from './customer-message.entity';
import { MessageQueue } from './message-queue.service';
import { MessageTemplates } from './templates/message-templates';

const DAY_MS = 24 * 60 * 60 * 1000;
/** ms a clock event waits for the complaint's intake record before it is a dead letter */
const CONTACT_WAIT_MS = 10 * 60 * 1000;
/** Days from receipt the decision may take after each granted extension (China, 2020 rules). */
const EXTENDED_DAYS = [30, 60];

/**
 * Tells the customer of each granted extension (its reason and new date), each pause (its
 * reason and what it waits for) and each merge of a repeat complaint into their earlier one
 * (both references), from complaints.clock.v1. The new date is the rules' period
 * from receipt in natural days; the deadlines service keeps the clock itself.
 */
@Injectable()
export class ClockChangedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly queue: MessageQueue,
    private readonly templates: MessageTemplates,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.consumers.register('clock-notices', [EVENT_TYPES.clockChanged], (event, tx) =>
      this.apply(event, tx),
    );
  }

  async apply(event: EnvelopeOf<'complaint.clock-changed'>, tx: Transaction): Promise<void> {
    const p = event.payload;
    if (p.action !== 'extension-approved' && p.action !== 'paused' && p.action !== 'merged') return;
    const contact = await tx.manager.findOneBy(CustomerContact, { complaintId: event.complaintId });
    if (!contact) {
      // The intake record precedes every clock action, on another consumer that may lag: retry
      // for a while; a complaint older than this service's contacts goes to the dead letters.
      const age = this.clock.now().getTime() - Date.parse(event.occurredAt);
      if (age > CONTACT_WAIT_MS) {
        throw new PermanentEventError('FEEDBACK.NO_CONTACT', 'no intake record for this complaint');
      }
      throw new Error('the intake record of this complaint has not arrived yet');
    }
    const message = {
      cause: causedBy(event),
      dedupeKey: `clock:${event.eventId}`,
      language: contact.language,
    };
    if (p.action === 'merged' && p.mergedInto) {
      const earlier = await tx.manager.findOneBy(CustomerContact, { complaintId: p.mergedInto });
      // A merge joins the same customer's earlier complaint: its intake record came first.
      if (!earlier)
        throw new Error('the intake record of the earlier complaint has not arrived yet');
      await this.queue.queue(
        tx,
        { ...message, kind: 'merge' },
        this.templates.mergeNotice(
          contact.language,
          contact.referenceNumber,
          p.reason,
          earlier.referenceNumber,
        ),
      );
      return;
    }
    if (p.action === 'paused' && p.pauseKind) {
      await this.queue.queue(
        tx,
        { ...message, kind: 'pause' },
        this.templates.pauseNotice(
          contact.language,
          contact.referenceNumber,
          p.reason,
          p.pauseKind,
        ),
      );
      return;
    }
    const granted = await tx.manager.countBy(CustomerMessage, {
      complaintId: event.complaintId,
      kind: 'extension',
    });
    const days = EXTENDED_DAYS[Math.min(granted, EXTENDED_DAYS.length - 1)] ?? 60;
    const dueAt = new Date(contact.receivedAt.getTime() + days * DAY_MS);
    await this.queue.queue(
      tx,
      { ...message, kind: 'extension' },
      this.templates.extensionNotice(contact.language, contact.referenceNumber, p.reason, dueAt),
    );
  }
}
