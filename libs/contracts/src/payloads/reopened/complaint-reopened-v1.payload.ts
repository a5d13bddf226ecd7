import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';

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
}
