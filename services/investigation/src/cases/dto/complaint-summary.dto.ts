import { ApiProperty } from '@nestjs/swagger';
import { INTAKE_CHANNELS, LANGUAGES, PRODUCT_LINES } from '@complaints/contracts';
import type { IntakeChannel, Language, ProductLine } from '@complaints/contracts';

/** What the complaint is about, as routing passed it on (no personal data). */
export class ComplaintSummaryDto {
  @ApiProperty({ example: 'CMP-2026-0000042' })
  referenceNumber: string;

  @ApiProperty({ enum: INTAKE_CHANNELS })
  channel: IntakeChannel;

  @ApiProperty({ enum: PRODUCT_LINES })
  productLine: ProductLine;

  @ApiProperty({ enum: LANGUAGES })
  language: Language;

  @ApiProperty()
  subject: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;
}
