import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import {
  CausationLink,
  createEnvelope,
  EnvelopeOf,
  EVENT_TYPES,
  ReviewRequestChannel,
} from '@complaints/contracts';
import { Transaction } from '@complaints/messaging';
import { FeedbackConfig } from '../config/feedback.config';
import { Response } from '../responses/response.entity';
import { ReviewRequestRecord } from './review-request.entity';
import { ReviewErrors } from './review.errors';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The customer's internal review (China, 2020 rules): asked within REVIEW_REQUEST_DAYS (30) of
 * the decision letter, once per complaint. Granted, it reopens the complaint with the review on
 * the event: investigation gives it to a reviewer who decided no round and is not the person
 * complained about, and the deadlines service runs the 30-day review clock from it.
 */
@Injectable()
export class ReviewRequests {
  constructor(private readonly config: FeedbackConfig) {}

  /** Throws REVIEW.TOO_LATE or REVIEW.ALREADY_REVIEWED, before anything is written. */
  async check(tx: Transaction, response: Response, now: Date): Promise<void> {
    const days = this.config.REVIEW_REQUEST_DAYS;
    if (now.getTime() > response.sentAt.getTime() + days * DAY_MS)
      throw ReviewErrors.tooLate(response.sentAt, days);
    if (
      await tx.manager.existsBy(ReviewRequestRecord, {
        complaintId: response.complaintId,
        status: 'granted',
      })
    )
      throw ReviewErrors.alreadyReviewed();
  }

  /** Records the grant and queues complaints.reopened.v1 with the review, caused by `cause`. */
  async grant(
    tx: Transaction,
    response: Response,
    cause: CausationLink,
    now: Date,
    through: ReviewRequestChannel,
    reason: string,
  ): Promise<EnvelopeOf<typeof EVENT_TYPES.reopened>> {
    await this.record(tx, response, now, through, null);
    await tx.manager.update(Response, { id: response.id }, { status: 'feedback_received' });
    const reopened = createEnvelope({
      ...cause,
      type: EVENT_TYPES.reopened,
      occurredAt: now,
      payload: {
        reason,
        reopenCount: response.reopenCount + 1,
        reopenedAt: now.toISOString(),
        review: {
          reviewedRound: response.round,
          requestedAt: now.toISOString(),
          decisionSentAt: response.sentAt.toISOString(),
          requestedThrough: through,
        },
      },
    });
    tx.publish(reopened);
    return reopened;
  }

  /** Keeps a refused request with its reason (the customer's answer applies without it). */
  async refuse(
    tx: Transaction,
    response: Response,
    now: Date,
    through: ReviewRequestChannel,
    code: string,
  ): Promise<void> {
    await this.record(tx, response, now, through, code);
  }

  private async record(
    tx: Transaction,
    response: Response,
    now: Date,
    through: ReviewRequestChannel,
    refusalCode: string | null,
  ): Promise<void> {
    await tx.manager.insert(ReviewRequestRecord, {
      id: randomUUID(),
      complaintId: response.complaintId,
      responseId: response.id,
      round: response.round,
      requestedAt: now,
      requestedThrough: through,
      status: refusalCode ? 'refused' : 'granted',
      refusalCode,
    });
  }
}
