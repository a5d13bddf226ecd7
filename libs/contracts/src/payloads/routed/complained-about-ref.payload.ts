import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../validation/contract.decorators';

/**
 * Who the complaint is about, as investigation needs it for recusal: the staff member's
 * employee number and unit from intake (never their name). The person so named never handles,
 * reviews or approves anything on the case.
 */
export class ComplainedAboutRef {
  /** Employee number, matched against the people's `staff_id` claim and handler rows. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  staffId?: string;

  /** Branch, department or agency the staff member belongs to. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  unit?: string;
}
