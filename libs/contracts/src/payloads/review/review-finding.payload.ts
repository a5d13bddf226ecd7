import { IsIn, IsInt, Min } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';
import { REVIEW_OUTCOMES, ReviewOutcome } from './review.vocabulary';

/**
 * On `complaints.investigated.v1`: this decision is an internal review's. Feedback sends the
 * review-decision letter for it; archiving keeps it in the record's `reviews`.
 */
export class ReviewFinding {
  @IsIn(REVIEW_OUTCOMES)
  outcome: ReviewOutcome;

  /** The round whose decision was reviewed, >= 1. */
  @Min(1)
  @IsInt()
  reviewedRound: number;

  /** UTC: when the customer asked for the review. */
  @IsUtcTimestamp()
  requestedAt: string;
}
