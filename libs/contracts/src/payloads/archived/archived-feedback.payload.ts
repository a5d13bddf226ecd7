import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';

/** A satisfaction answer, without the customer's free-text comment. */
export class ArchivedFeedback {
  /** 1..5. */
  @Max(5)
  @Min(1)
  @IsInt()
  rating: number;

  @IsBoolean()
  solved: boolean;

  /** UTC. */
  @IsUtcTimestamp()
  receivedAt: string;
}
