import { IsIn, IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import {
  REVIEW_OUTCOMES,
  REVIEW_REQUEST_CHANNELS,
  ReviewOutcome,
  ReviewRequestChannel,
} from '../review/review.vocabulary';

/** One internal review on the sealed record: asked, by whom it was decided, and what it found. */
export class ArchivedReview {
  /** The round whose decision was reviewed, >= 1. */
  @Min(1)
  @IsInt()
  reviewedRound: number;

  /** The round the review was handled in, >= 2. */
  @Min(2)
  @IsInt()
  reviewRound: number;

  @IsIn(REVIEW_REQUEST_CHANNELS)
  requestedThrough: ReviewRequestChannel;

  /** UTC. */
  @IsUtcTimestamp()
  requestedAt: string;

  /** Absent while undecided (a record sealed before the review was decided). */
  @OptionalNotNull()
  @IsIn(REVIEW_OUTCOMES)
  outcome?: ReviewOutcome;

  /** UTC. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  decidedAt?: string;

  /** Keyed pseudonym of the reviewer (never the same person as the reviewed decision's). */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  reviewerPseudonym?: string;
}
