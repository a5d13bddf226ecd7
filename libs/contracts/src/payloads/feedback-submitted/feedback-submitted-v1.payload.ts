import { IsBoolean, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';

/**
 * `complaints.feedback-submitted.v1`: a calling system relayed the customer's answer to the
 * survey through intake's API (API key with the `feedback:write` scope). Feedback applies it
 * as it applies an answer recorded by a complaints officer: feedback-received, then closed or
 * reopened.
 */
export class FeedbackSubmittedV1 {
  /** 1 (very dissatisfied) .. 5 (very satisfied). */
  @Max(5)
  @Min(1)
  @IsInt()
  rating: number;

  @IsBoolean()
  solved: boolean;

  /** Free text; may contain personal data. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment?: string;

  /** The calling system that relayed it (intake's API-key system name). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  callerSystem: string;

  /**
   * The letter's round the answer is for, as intake last saw it; feedback applies the answer
   * only to that round's letter. Absent when intake had not learnt the round.
   */
  @OptionalNotNull()
  @Min(1)
  @IsInt()
  round?: number;

  /** UTC. */
  @IsUtcTimestamp()
  submittedAt: string;

  /**
   * The customer asks for an internal review of the decision (optional: added after v1
   * shipped). Feedback grants it within 30 days of the decision letter, else records it refused.
   */
  @OptionalNotNull()
  @IsBoolean()
  reviewRequested?: boolean;
}
