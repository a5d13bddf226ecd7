import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_TYPES } from '@complaints/contracts';
import type { EnvelopeOf, ReviewRequestChannel } from '@complaints/contracts';
import { ConsumerHost, Transaction } from '@complaints/messaging';
import { Clock, DomainError, ROOT_LOGGER } from '@complaints/platform';
import { ReviewRequests } from '../reviews/review-requests.service';
import { REVIEW_REFUSALS } from '../reviews/review.errors';
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
    private readonly reviews: ReviewRequests,
    private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.consumers.register('survey-relay', [EVENT_TYPES.feedbackSubmitted], (event, tx) =>
      this.apply(event, tx),
    );
  }

  async apply(event: EnvelopeOf<'complaint.feedback-submitted'>, tx: Transaction): Promise<void> {
    const { rating, solved, comment, round, reviewRequested } = event.payload;
    try {
      if (reviewRequested) {
        const refused = await this.refusedReview(tx, event);
        if (refused) return;
      }
      // The answer continues the letter's chain of causes (feedback-received is caused by the
      // responded event, as for an officer's answer), so the archive finds the closure's whole
      // chain among the lifecycle events; the relay itself is in intake's audit entry.
      await this.feedback.apply(tx, event.complaintId, {
        rating,
        solved,
        ...(comment ? { comment } : {}),
        ...(round !== undefined ? { round } : {}),
        ...(reviewRequested ? { reviewRequested: true } : {}),
        through: throughOf(event.payload.callerSystem),
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

  /**
   * A review asked too late or a second time is refused: the refusal is kept with its reason
   * and the answer applies as an answer without a request. True when so handled.
   */
  private async refusedReview(
    tx: Transaction,
    event: EnvelopeOf<'complaint.feedback-submitted'>,
  ): Promise<boolean> {
    const { rating, solved, comment, round } = event.payload;
    const response = await this.feedback.latestLocked(tx, event.complaintId);
    if (!response) return false;
    try {
      await this.reviews.check(tx, response, this.clock.now());
      return false;
    } catch (err) {
      if (!(err instanceof DomainError) || !REVIEW_REFUSALS.includes(err.code)) throw err;
      await this.reviews.refuse(
        tx,
        response,
        this.clock.now(),
        throughOf(event.payload.callerSystem),
        err.code,
      );
      this.logger.warn(
        {
          complaintId: event.complaintId,
          eventId: event.eventId,
          correlationId: event.correlationId,
          code: err.code,
        },
        'internal review refused; the answer applies without it',
      );
    }
    await this.feedback.apply(tx, event.complaintId, {
      rating,
      solved,
      ...(comment ? { comment } : {}),
      ...(round !== undefined ? { round } : {}),
      through: throughOf(event.payload.callerSystem),
    });
    return true;
  }
}

/** The answer link publishes as the calling system `answer-link`; any other is a calling system. */
function throughOf(callerSystem: string): ReviewRequestChannel {
  return callerSystem === 'answer-link' ? 'answer-link' : 'calling-system';
}
