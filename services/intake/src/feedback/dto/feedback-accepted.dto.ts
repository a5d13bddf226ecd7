import { ApiProperty } from '@nestjs/swagger';

/** The relayed answer was accepted: feedback applies it; the status URL shows the outcome. */
export class FeedbackAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ example: 'CMP-2026-0000042' })
  referenceNumber: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;

  @ApiProperty({
    example: '/v1/complaints/0b6f1f8e-6a8a-4a77-9a36-3f4c8f0e9d21',
    description: 'Where the complaint status (feedback_received, then closed or reopened) is read',
  })
  statusUrl: string;
}
