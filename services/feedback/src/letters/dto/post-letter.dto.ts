import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, MaxLength } from 'class-validator';
import { MESSAGE_KINDS } from '../../messages/customer-message.entity';
import type { MessageKind } from '../../messages/customer-message.entity';

export class PrintLetterDto {
  @ApiProperty({
    enum: MESSAGE_KINDS,
    description: 'The message to print (its latest of this kind)',
  })
  @IsIn(MESSAGE_KINDS)
  kind: MessageKind;
}

export class RecordPostingDto {
  @ApiProperty({
    example: 'EA123456785CN',
    description:
      'The registered-mail item number (UPU S10: two letters, nine digits with the check digit, two letters)',
  })
  @IsString()
  @MaxLength(13)
  registeredNumber: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When it was handed to the post (not in the future)',
  })
  @IsISO8601({ strict: true })
  postedAt: string;
}

export class PostLetterDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  complaintId: string;

  @ApiProperty()
  messageId: string;

  @ApiProperty({ description: 'The proof of notification (channel post) this letter is' })
  proofId: string;

  @ApiProperty({
    description: 'sha256 hex of the PDF as printed (the proof holds it as content hash)',
  })
  pdfHash: string;

  @ApiProperty({ description: 'printed (not yet posted) or sent (posted)' })
  deliveryStatus: string;

  @ApiProperty()
  createdAt: string;

  @ApiPropertyOptional()
  registeredNumber?: string;

  @ApiPropertyOptional()
  postedAt?: string;
}
