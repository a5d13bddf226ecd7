import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTAKE_CHANNELS } from '@complaints/contracts';
import type { IntakeChannel } from '@complaints/contracts';

/** The complainant's details as intake received them: personal data, each read audited. */
export class ComplainantDto {
  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ example: 'CMP-2026-0000042' })
  referenceNumber: string;

  @ApiProperty({ enum: INTAKE_CHANNELS, description: 'How the complaint came in' })
  channel: IntakeChannel;

  @ApiProperty()
  name: string;

  @ApiPropertyOptional({ description: "The insurer's customer id, where known" })
  customerId?: string;

  @ApiPropertyOptional()
  phone?: string;

  @ApiPropertyOptional({ format: 'email' })
  email?: string;

  @ApiPropertyOptional({ description: 'National ID or passport number' })
  idNumber?: string;

  @ApiPropertyOptional()
  policyNumber?: string;

  @ApiProperty({ description: 'The language the complainant wrote in' })
  language: string;
}
