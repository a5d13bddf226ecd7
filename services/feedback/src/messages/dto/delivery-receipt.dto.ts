import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export const RECEIPT_STATUSES = ['delivered', 'bounced', 'failed'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/** What a gateway reports about a message it accepted. */
export class DeliveryReceiptDto {
  @ApiProperty({ description: "The gateway's id for the message (from its send answer)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  messageId: string;

  @ApiProperty({ enum: RECEIPT_STATUSES })
  @IsIn(RECEIPT_STATUSES)
  status: ReceiptStatus;

  @ApiPropertyOptional({ description: 'When the gateway learnt it (ISO 8601); absent: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}
