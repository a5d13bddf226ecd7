import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_REQUEST_CHANNELS } from '@complaints/contracts';
import type { ReviewRequestChannel } from '@complaints/contracts';

/** The internal review the current round is. */
export class CaseReviewDto {
  @ApiProperty({ minimum: 1, description: 'The round whose decision is reviewed' })
  reviewedRound: number;

  @ApiProperty({ format: 'date-time', description: 'When the customer asked' })
  requestedAt: string;

  @ApiProperty({ format: 'date-time', description: 'When the reviewed decision was sent' })
  decisionSentAt: string;

  @ApiProperty({ enum: REVIEW_REQUEST_CHANNELS })
  requestedThrough: ReviewRequestChannel;
}
