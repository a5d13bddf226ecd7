import { ComplaintSummary } from '../complaint-summary.payload';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { CODE_PATTERN } from '../../validation/contract.patterns';
import { INVESTIGATION_OUTCOMES, InvestigationOutcome } from '../complaint.vocabulary';
import { ReviewFinding } from '../review/review-finding.payload';
import { MoneyAmount } from './money-amount.payload';

/**
 * `complaints.investigated.v1`: the handler's decision. It holds what the decision letter must
 * state: the findings, the cause, and the remedy offered.
 */
export class ComplaintInvestigatedV1 {
  /** Investigation's case id; a reopened complaint keeps its case. */
  @IsUUID()
  caseId: string;

  /** Employee id of the handler who decided (no name: ids are not personal data here). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  handlerId: string;

  /** 1 for the first decision, +1 each time the complaint is reopened and decided again. */
  @Min(1)
  @IsInt()
  round: number;

  @IsIn(INVESTIGATION_OUTCOMES)
  outcome: InvestigationOutcome;

  /** Findings, basis and reasons, as told to the customer. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary: string;

  /** The cause found, for root-cause statistics and fixes. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  rootCause: string;

  /**
   * The cause chosen from the controlled root-cause taxonomy (analytics publishes it at
   * GET /v1/root-causes); `rootCause` stays the explanation. Optional: added after v1 shipped.
   */
  @OptionalNotNull()
  @Matches(CODE_PATTERN, { message: '$property must be a taxonomy code such as claims.delay' })
  @MaxLength(64)
  rootCauseCode?: string;

  /** What the insurer will do to put it right, if anything. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  remedy?: string;

  @OptionalNotNull()
  @ValidateNested()
  @Type(() => MoneyAmount)
  compensation?: MoneyAmount;

  /** UTC; compared with the routed `decisionDueAt` for the SLA outcome. */
  @IsUtcTimestamp()
  decidedAt: string;

  /** What the complaint is about (optional: added after v1 shipped; absent from older events). */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ComplaintSummary)
  complaint?: ComplaintSummary;

  /** Present when this is an internal review's decision (optional: added after v1 shipped). */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ReviewFinding)
  review?: ReviewFinding;
}
