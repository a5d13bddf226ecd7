import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../validation/contract.decorators';
import { PHONE_PATTERN } from '../../validation/contract.patterns';

/**
 * The person complaining, as the intake record requires (name, ID, contact). Every field here is
 * personal data: it must never be logged, and it never reaches `complaints.archived.v1`.
 * Only the name is required; callers send whatever contact details they hold.
 */
export class Complainant {
  /** The insurer's own customer number, when the caller system knows it. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  customerId?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @OptionalNotNull()
  @IsString()
  @MaxLength(32)
  @Matches(PHONE_PATTERN, { message: '$property must be a telephone number' })
  phone?: string;

  @OptionalNotNull()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email?: string;

  /** National ID or passport number, as given. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  idNumber?: string;
}
