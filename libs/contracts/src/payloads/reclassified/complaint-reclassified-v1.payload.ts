import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';
import { COMPLAINT_CATEGORIES, ComplaintCategory } from '../complaint.vocabulary';
import { ActingPerson } from '../people/acting-person.payload';

/**
 * `complaints.reclassified.v1`: a complaints officer corrected the complaint's class or
 * department. The correction is a label the classifier learns from; investigation moves the
 * case when the department changed; archiving records the corrected class.
 */
export class ComplaintReclassifiedV1 {
  @IsIn(COMPLAINT_CATEGORIES)
  category: ComplaintCategory;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  subcategory: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  department: string;

  @IsIn(COMPLAINT_CATEGORIES)
  previousCategory: ComplaintCategory;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  previousSubcategory: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  previousDepartment: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ValidateNested()
  @Type(() => ActingPerson)
  correctedBy: ActingPerson;

  /** UTC. */
  @IsUtcTimestamp()
  correctedAt: string;
}
