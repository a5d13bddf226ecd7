import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES } from '../message-proof.entity';
import type { DeliveryStatus } from '../message-proof.entity';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from '../customer-message.entity';
import type { MessageKind, MessageStatus } from '../customer-message.entity';

export class ProofDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['email', 'sms'] })
  channel: string;

  @ApiProperty({ description: 'The address, masked (z***@e***.com, *******8000)' })
  maskedAddress: string;

  @ApiProperty({ description: 'sha256 hex of the subject and body as sent' })
  contentHash: string;

  @ApiProperty()
  templateId: string;

  @ApiProperty()
  templateVersion: number;

  @ApiProperty({ minimum: 1 })
  attempt: number;

  @ApiProperty({ format: 'date-time' })
  sentAt: string;

  @ApiPropertyOptional({ description: "The provider's message id (absent when it refused)" })
  providerMessageId?: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  deliveryStatus: DeliveryStatus;

  @ApiProperty({ format: 'date-time' })
  statusAt: string;

  @ApiPropertyOptional({ description: 'Why it failed: a code, never provider text' })
  error?: string;
}

export class MessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ enum: MESSAGE_KINDS })
  kind: MessageKind;

  @ApiProperty({ enum: MESSAGE_STATUSES })
  status: MessageStatus;

  @ApiProperty()
  templateId: string;

  @ApiProperty()
  templateVersion: number;

  @ApiProperty({ description: 'sha256 hex of the subject and body' })
  contentHash: string;

  @ApiPropertyOptional({ description: 'The last failure or the refusal, as a code' })
  lastError?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When a channel first accepted it' })
  toldAt?: string;

  @ApiProperty({ type: [ProofDto] })
  proofs: ProofDto[];
}
