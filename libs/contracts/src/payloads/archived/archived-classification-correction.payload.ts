import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { COMPLAINT_CATEGORIES, ComplaintCategory } from '../complaint.vocabulary';

/** The class a complaint had before a complaints officer corrected it (`complaints.reclassified.v1`). */
export class ArchivedClassificationCorrection {
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
}
