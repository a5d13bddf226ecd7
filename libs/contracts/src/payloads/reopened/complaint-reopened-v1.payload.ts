import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { ReviewRequest } from '../review/review-request.payload';

/**
 * `complaints.reopened.v1`: the customer was not satisfied (or asked for internal review), so
 * the complaint goes back to investigation for another round.
 */
export class ComplaintReopenedV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  /** How many times this complaint has been reopened, this time included (>= 1). */
  @Min(1)
  @IsInt()
  reopenCount: number;

  /** UTC. */
  @IsUtcTimestamp()
  reopenedAt: string;

  /**
   * Present when this reopening is the customer's internal review (optional: added after v1
   * shipped); absent when a complaints officer reopened the case after a dissatisfied answer.
   */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ReviewRequest)
  review?: ReviewRequest;
}
