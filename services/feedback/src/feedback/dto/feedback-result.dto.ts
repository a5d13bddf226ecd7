import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLOSURE_RESOLUTIONS } from '@complaints/contracts';
import type { ClosureResolution } from '@complaints/contracts';

export class FeedbackResultDto {
  @ApiProperty({
    enum: ['closed', 'reopened', 'awaiting_officer'],
    description:
      'What the feedback did to the complaint: awaiting_officer, a dissatisfied answer without ' +
      "a review request, waits for the complaints officer's choice",
  })
  status: 'closed' | 'reopened' | 'awaiting_officer';

  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ format: 'uuid', description: 'The response the feedback rates' })
  responseId: string;

  @ApiProperty({ minimum: 1 })
  round: number;

  @ApiPropertyOptional({ enum: CLOSURE_RESOLUTIONS, description: 'Present when closed' })
  resolution?: ClosureResolution;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'Present when reopened: reopenings so far, this one included',
  })
  reopenCount?: number;
}
