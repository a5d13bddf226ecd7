import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EVENT_TYPES } from '@complaints/contracts';
import type { EnvelopeOf } from '@complaints/contracts';
import { ConsumerHost, Transaction } from '@complaints/messaging';
import { ClassificationService } from './classification.service';

/**
 * Classifies and routes each received complaint. Runs in the inbox transaction, so the stored
 * classification, the queued routed event and the inbox row commit together or not at all.
 */
@Injectable()
export class ComplaintReceivedConsumer implements OnModuleInit {
  private readonly logger = new Logger(ComplaintReceivedConsumer.name);

  constructor(
    private readonly consumers: ConsumerHost,
    private readonly classifications: ClassificationService,
  ) {}

  onModuleInit(): void {
    this.consumers.register('router', [EVENT_TYPES.received], (event, tx) => this.apply(event, tx));
  }

  async apply(event: EnvelopeOf<'complaint.received'>, tx: Transaction): Promise<void> {
    const trace = {
      complaintId: event.complaintId,
      eventId: event.eventId,
      correlationId: event.correlationId,
    };
    const stored = await this.classifications.classifyReceived(event, tx);
    if (!stored) {
      this.logger.warn(trace, 'complaint already classified; the first classification stands');
      return;
    }
    // Ids and verdict only: the complaint's words may name people.
    this.logger.log(
      {
        ...trace,
        category: stored.category,
        subcategory: stored.subcategory,
        severity: stored.severity,
        priority: stored.priority,
        greenChannel: stored.greenChannel,
        department: stored.department,
        matchedRuleIds: stored.matchedRuleIds,
      },
      'complaint classified and routed',
    );
  }
}
