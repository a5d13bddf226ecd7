import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsUtcTimestamp } from '../validation/contract.decorators';
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
}
