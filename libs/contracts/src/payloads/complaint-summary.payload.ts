import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../validation/contract.decorators';
import { SHA256_HEX_PATTERN } from '../validation/contract.patterns';
import {
  INTAKE_CHANNELS,
  IntakeChannel,
  LANGUAGES,
  Language,
  PRODUCT_LINES,
  ProductLine,
} from './complaint.vocabulary';

/**
 * The facts a downstream step needs to do its work without reading another service's
 * schema: carried along on `routed` and `investigated` (event-carried state). No personal
 * data: who complained stays with intake.
 */
export class ComplaintSummary {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  referenceNumber: string;

  @IsIn(INTAKE_CHANNELS)
  channel: IntakeChannel;

  @IsIn(PRODUCT_LINES)
  productLine: ProductLine;

  @IsIn(LANGUAGES)
  language: Language;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description: string;

  @IsUtcTimestamp()
  receivedAt: string;

  /** Carried from complaints.received.v1's `repeatKey` (see there); absent when intake had none. */
  @OptionalNotNull()
  @Matches(SHA256_HEX_PATTERN, { message: '$property must be 64 lower-case hex digits' })
  repeatKey?: string;
}
