import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_TYPES } from '@complaints/contracts';
import type { EnvelopeOf } from '@complaints/contracts';
import { ConsumerHost, Transaction } from '@complaints/messaging';
import { DomainError, ROOT_LOGGER } from '@complaints/platform';
import { FEEDBACK_NOT_APPLICABLE } from './feedback.errors';
import { FeedbackService } from './feedback.service';

/**
 * Applies the survey answers calling systems relay through intake, in the inbox's
 * transaction, exactly as an answer an officer records. An answer that can no longer apply
 * (already answered, window ended, nothing sent) is the customer's lateness, not a fault of
 * the pipeline: it is logged and the event is done, with no retry and no dead letter.
 */
@Injectable()
export class FeedbackSubmittedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly feedback: FeedbackService,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.consumers.register('survey-relay', [EVENT_TYPES.feedbackSubmitted], (event, tx) =>
      this.apply(event, tx),
    );
  }

  async apply(event: EnvelopeOf<'complaint.feedback-submitted'>, tx: Transaction): Promise<void> {
    const { rating, solved, comment, round } = event.payload;
    try {
      // The answer continues the letter's chain of causes (feedback-received is caused by the
      // responded event, as for an officer's answer), so the archive finds the closure's whole
      // chain among the lifecycle events; the relay itself is in intake's audit entry.
      await this.feedback.apply(tx, event.complaintId, {
        rating,
        solved,
        ...(comment ? { comment } : {}),
        ...(round !== undefined ? { round } : {}),
      });
    } catch (err) {
      if (!(err instanceof DomainError) || !FEEDBACK_NOT_APPLICABLE.includes(err.code)) throw err;
      // Ids and the code only: the comment may name people.
      this.logger.warn(
        {
          complaintId: event.complaintId,
          eventId: event.eventId,
          correlationId: event.correlationId,
          callerSystem: event.payload.callerSystem,
          code: err.code,
        },
        'relayed feedback can no longer be applied; left as it is',
      );
    }
  }
}
