import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';

/** `complaints.feedback-received.v1`: the customer rated the response. */
export class FeedbackReceivedV1 {
  /** The response being rated. */
  @IsUUID()
  responseId: string;

  /** 1 (very dissatisfied) .. 5 (very satisfied). */
  @Max(5)
  @Min(1)
  @IsInt()
  rating: number;

  /** The customer's own answer to "was your problem solved?". */
  @IsBoolean()
  solved: boolean;

  /** Free text; may contain personal data, so it is not carried into the archive. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment?: string;

  /** UTC. */
  @IsUtcTimestamp()
  receivedAt: string;
}
