import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPEAT_LINK_STATUSES } from '../repeat-link.entity';

export class RepeatLinkDto {
  @ApiProperty({ format: 'uuid' }) linkId: string;
  @ApiProperty({ format: 'uuid', description: 'The later complaint, proposed as a repeat' })
  complaintId: string;
  @ApiProperty({ format: 'uuid', description: 'The open complaint it repeats' })
  earlierComplaintId: string;
  @ApiProperty({ description: 'How alike the texts are, 0..1 (cosine of character n-grams)' })
  similarity: number;
  @ApiProperty({ enum: REPEAT_LINK_STATUSES }) status: string;
  @ApiProperty() proposedAt: string;
  @ApiPropertyOptional() decidedBy?: string;
  @ApiPropertyOptional() decidedAt?: string;
  @ApiPropertyOptional() reason?: string;
}

/** The repeat links a case is part of: as the repeat (at most one) and as the earlier complaint. */
export class CaseRepeatsDto {
  @ApiPropertyOptional({ type: RepeatLinkDto, description: 'This complaint as a repeat' })
  repeatOf?: RepeatLinkDto;
  @ApiProperty({ type: [RepeatLinkDto], description: 'Later complaints repeating this one' })
  repeatedBy: RepeatLinkDto[];
}
