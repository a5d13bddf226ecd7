import { ApiProperty } from '@nestjs/swagger';
import { LIFECYCLE_STAGES } from '@complaints/contracts';
import type { LifecycleStage } from '@complaints/contracts';

export class ComplaintAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'CMP-2026-0000042', description: 'Quote this reference to the insurer' })
  referenceNumber: string;

  @ApiProperty({ enum: LIFECYCLE_STAGES })
  status: LifecycleStage;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ format: 'date-time', description: 'The date by which a decision is due' })
  decisionDueAt: string;
}
