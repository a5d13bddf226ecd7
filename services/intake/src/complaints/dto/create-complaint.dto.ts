import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, ValidateNested } from 'class-validator';
import {
  INTAKE_CHANNELS,
  LANGUAGES,
  MAX_ATTACHMENTS,
  OptionalNotNull,
  PRODUCT_LINES,
} from '@complaints/contracts';
import type { IntakeChannel, Language, ProductLine } from '@complaints/contracts';
import { IsIncidentDateTime, IsText } from '../validation/text.validators';
import { AttachmentDto } from './attachment.dto';
import { ComplainedAboutDto } from './complained-about.dto';
import { CustomerDto } from './customer.dto';

/** characters; a complaint's facts fit in this, attachments carry the rest */
export const MAX_DESCRIPTION = 10_000;

/** The caller's own reference: also a query parameter, so URL-safe characters only. */
export const EXTERNAL_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/#-]*$/;
export const EXTERNAL_REFERENCE_REASON =
  'must start with a letter or digit and hold only letters, digits and . _ : / # -';

/**
 * A complaint as a calling system submits it. The calling system itself comes from its API
 * key, not from the body. Cross-field rules (contacts per channel, incident not in the
 * future) are in complaint-request.rules.ts.
 */
export class CreateComplaintDto {
  @ApiProperty({ enum: INTAKE_CHANNELS })
  @IsIn(INTAKE_CHANNELS)
  channel: IntakeChannel;

  @ApiProperty({
    maxLength: 128,
    pattern: EXTERNAL_REFERENCE_PATTERN.source,
    description: "The calling system's own id; the same one twice is the same complaint",
  })
  @IsText({
    max: 128,
    pattern: EXTERNAL_REFERENCE_PATTERN,
    patternReason: EXTERNAL_REFERENCE_REASON,
  })
  externalReference: string;

  @ApiProperty({ type: CustomerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerDto)
  customer: CustomerDto;

  @ApiPropertyOptional({ type: ComplainedAboutDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplainedAboutDto)
  complainedAbout?: ComplainedAboutDto;

  @ApiPropertyOptional({ maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9/._-]*$' })
  @OptionalNotNull()
  @IsText({
    max: 40,
    pattern: /^[A-Za-z0-9][A-Za-z0-9/._-]*$/,
    patternReason: 'must be letters, digits and / . _ -',
  })
  policyNumber?: string;

  @ApiProperty({ enum: PRODUCT_LINES })
  @IsIn(PRODUCT_LINES)
  productLine: ProductLine;

  @ApiProperty({ maxLength: 200 })
  @IsText({ max: 200 })
  subject: string;

  @ApiProperty({ maxLength: MAX_DESCRIPTION, description: 'May hold line breaks' })
  @IsText({ max: MAX_DESCRIPTION, multiline: true })
  description: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'What would put it right for the customer' })
  @OptionalNotNull()
  @IsText({ max: 2000, multiline: true })
  desiredOutcome?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When the matter complained about happened: RFC 3339 with offset, from 1900 to now',
  })
  @OptionalNotNull()
  @IsIncidentDateTime()
  incidentOccurredAt?: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: 'Detected from subject and description when absent',
  })
  @OptionalNotNull()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: MAX_ATTACHMENTS })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}
