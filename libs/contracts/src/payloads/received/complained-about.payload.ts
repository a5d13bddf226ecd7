import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../validation/contract.decorators';

/**
 * The staff member and/or unit the complaint is about, when the customer names one. The staff
 * name is personal data like the complainant's; the archive keeps only the unit.
 */
export class ComplainedAbout {
  /** Employee number, when known. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  staffId?: string;

  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  staffName?: string;

  /** Branch, department or agency the staff member belongs to. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  unit?: string;
}
