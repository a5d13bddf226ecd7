import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN } from '../../validation/contract.patterns';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import {
  INTAKE_CHANNELS,
  IntakeChannel,
  LANGUAGES,
  Language,
  PRODUCT_LINES,
  ProductLine,
} from '../complaint.vocabulary';
import { CustomerSegment } from '../customer-segment.payload';

/**
 * The received complaint, pseudonymised. Deliberately no name, phone, e-mail, ID number, staff
 * name, policy number or free-text description: analysts count and group complaints, they do not
 * contact anyone. The customer and policy appear as stable pseudonyms so repeats can be counted.
 */
export class ArchivedComplaintFacts {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  referenceNumber: string;

  @IsIn(INTAKE_CHANNELS)
  channel: IntakeChannel;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  callerSystem: string;

  /** Keyed hash of the customer identity: equal for the same customer, not reversible. */
  @JSONSchema({ description: 'stable, non-reversible pseudonym of the customer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  customerPseudonym: string;

  /** Keyed hash of the policy number, when one was given. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  policyPseudonym?: string;

  /** The unit complained about (never the person). */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  complainedAboutUnit?: string;

  @IsIn(PRODUCT_LINES)
  productLine: ProductLine;

  /**
   * The insurer's region code the complaint belongs to (its branch's region), when the record
   * carries one. Absent while intake does not take it.
   */
  @OptionalNotNull()
  @Matches(CODE_PATTERN, { message: '$property must be a code such as cn-sh' })
  @MaxLength(64)
  region?: string;

  /** The insurer's branch code, when the record carries one (a unit, never a person). */
  @OptionalNotNull()
  @Matches(CODE_PATTERN, { message: '$property must be a code such as cn-sh-pudong' })
  @MaxLength(64)
  branch?: string;

  /** The customer's segment: an age band (never a birth date) and the vulnerable flag. */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => CustomerSegment)
  customerSegment?: CustomerSegment;

  /** Short subject line; archiving masks personal data in it before sealing. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  @IsIn(LANGUAGES)
  language: Language;

  @Min(0)
  @IsInt()
  attachmentCount: number;

  /** UTC. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  incidentOccurredAt?: string;

  /** UTC. */
  @IsUtcTimestamp()
  receivedAt: string;
}
