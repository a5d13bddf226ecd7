import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { SHA256_HEX_PATTERN } from '../../validation/contract.patterns';
import {
  INTAKE_CHANNELS,
  IntakeChannel,
  LANGUAGES,
  Language,
  PRODUCT_LINES,
  ProductLine,
} from '../complaint.vocabulary';
import { CustomerSegment } from '../customer-segment.payload';
import { ComplainedAbout } from './complained-about.payload';
import { Complainant } from './complainant.payload';
import { ComplaintAttachment } from './complaint-attachment.payload';

export const MAX_ATTACHMENTS = 20;

/**
 * `complaints.received.v1`: a complaint as logged by intake. It is the complete intake record
 * (who complains, about whom and what, what they want), so later stages never need to call back
 * to the caller system.
 */
export class ComplaintReceivedV1 {
  /** Human-readable reference quoted to the customer and on the phone, e.g. `CMP-2025-000123`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  referenceNumber: string;

  @IsIn(INTAKE_CHANNELS)
  channel: IntakeChannel;

  /** The client system that submitted it (`call-centre`, `web`, `regulator-portal`, ...). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  callerSystem: string;

  /** The caller system's own id for the complaint; (callerSystem, externalReference) is unique. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  externalReference: string;

  @ValidateNested()
  @Type(() => Complainant)
  customer: Complainant;

  /** The customer's segment (age band, vulnerable), when the calling system gave it. */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => CustomerSegment)
  customerSegment?: CustomerSegment;

  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ComplainedAbout)
  complainedAbout?: ComplainedAbout;

  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  policyNumber?: string;

  @IsIn(PRODUCT_LINES)
  productLine: ProductLine;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  /** The facts as the customer tells them. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description: string;

  /** The customer's request: what would put it right for them. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  desiredOutcome?: string;

  /** When the incident complained about happened, if the customer says (UTC). */
  @OptionalNotNull()
  @IsUtcTimestamp()
  incidentOccurredAt?: string;

  /** Language to respond in. */
  @IsIn(LANGUAGES)
  language: Language;

  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => ComplaintAttachment)
  attachments: ComplaintAttachment[];

  /** When intake accepted it (UTC): the regulatory 15-day clock starts here. */
  @IsUtcTimestamp()
  receivedAt: string;

  /**
   * Keyed hash (HMAC-SHA256, hex) of the customer's identity and the policy number, so a repeat
   * complaint on the same policy can be found without the identity leaving intake. Absent when
   * intake has no key configured or the customer gave nothing but a name.
   */
  @OptionalNotNull()
  @Matches(SHA256_HEX_PATTERN, { message: '$property must be 64 lower-case hex digits' })
  repeatKey?: string;
}
