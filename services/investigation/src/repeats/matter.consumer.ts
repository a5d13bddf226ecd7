import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, Transaction } from '@complaints/messaging';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { MajorDetector } from '../major/major-detector';
import { ComplaintFingerprint } from './complaint-fingerprint.entity';
import { RepeatDetector } from './repeat-detector';
import { gramsOf } from './text-grams';

/**
 * Matches each routed complaint against the others: records its fingerprint, proposes it as a
 * repeat of the customer's open complaint, and gathers it into a major complaint. Its own
 * consumer group, so case opening never waits for matching. A redelivered event is a no-op (the
 * inbox); a replay under a new event id finds the fingerprint and changes nothing. A routed event
 * without the complaint's summary (older producers) has nothing to match on and is left alone.
 */
@Injectable()
export class MatterConsumer implements OnModuleInit {
  private readonly log: Logger;

  constructor(
    private readonly consumers: ConsumerHost,
    private readonly repeats: RepeatDetector,
    private readonly major: MajorDetector,
    private readonly clock: Clock,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'matter-consumer' });
  }

  onModuleInit(): void {
    this.consumers.register('matters', [EVENT_TYPES.routed], (event, tx) => this.apply(event, tx));
  }

  async apply(event: EnvelopeOf<'complaint.routed'>, tx: Transaction): Promise<void> {
    const summary = event.payload.complaint;
    if (!summary) return;
    const fingerprint = tx.manager.create(ComplaintFingerprint, {
      complaintId: event.complaintId,
      repeatKey: summary.repeatKey ?? null,
      productLine: summary.productLine,
      department: event.payload.department,
      receivedAt: new Date(summary.receivedAt),
      grams: gramsOf(`${summary.subject}\n${summary.description}`),
      recordedAt: this.clock.now(),
    });
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(ComplaintFingerprint)
      .values(fingerprint)
      .orIgnore()
      .returning('complaint_id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return;
    const link = await this.repeats.consider(tx, fingerprint);
    await this.major.consider(tx, fingerprint, {
      correlationId: event.correlationId,
      causationId: event.eventId,
    });
    if (link)
      this.log.info(
        {
          eventId: event.eventId,
          correlationId: event.correlationId,
          complaintId: event.complaintId,
          earlierComplaintId: link.earlierComplaintId,
          similarity: link.similarity,
        },
        'proposed as a repeat',
      );
  }
}
