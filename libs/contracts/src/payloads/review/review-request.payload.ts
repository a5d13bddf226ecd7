import { IsIn, IsInt, Min } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';
import { REVIEW_REQUEST_CHANNELS, ReviewRequestChannel } from './review.vocabulary';

/**
 * On `complaints.reopened.v1`: this reopening is the customer's internal review of a decision
 * (asked within 30 days of it). Investigation gives the new round to a reviewer who neither
 * decided the case nor is the person complained about; the deadlines service runs the review
 * clock (30 days) from `reopenedAt`.
 */
export class ReviewRequest {
  /** The round whose decision is reviewed, >= 1. */
  @Min(1)
  @IsInt()
  reviewedRound: number;

  /** UTC: when the customer asked. */
  @IsUtcTimestamp()
  requestedAt: string;

  /** UTC: when the reviewed decision was sent (the 30 days run from it). */
  @IsUtcTimestamp()
  decisionSentAt: string;

  @IsIn(REVIEW_REQUEST_CHANNELS)
  requestedThrough: ReviewRequestChannel;
}
