import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull } from '../../validation/contract.decorators';
import {
  COMPLAINT_CATEGORIES,
  ComplaintCategory,
  PRIORITIES,
  Priority,
  SEVERITIES,
  Severity,
} from '../complaint.vocabulary';
import { ArchivedClassificationCorrection } from './archived-classification-correction.payload';

/**
 * How the complaint was classed and routed (from `complaints.routed.v1`). When a complaints
 * officer corrected it (`complaints.reclassified.v1`), category, subcategory and department are
 * the corrected ones, `corrected` is true and `correctedFrom` holds the class first given.
 */
export class ArchivedClassification {
  @IsIn(COMPLAINT_CATEGORIES)
  category: ComplaintCategory;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  subcategory: string;

  @IsIn(SEVERITIES)
  severity: Severity;

  @IsIn(PRIORITIES)
  priority: Priority;

  @IsBoolean()
  greenChannel: boolean;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  department: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  slaPolicyId: string;

  /** Present, and true, only when the class was corrected. */
  @OptionalNotNull()
  @IsBoolean()
  @Equals(true)
  corrected?: true;

  /** The class before the first correction; present exactly when `corrected` is. */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ArchivedClassificationCorrection)
  correctedFrom?: ArchivedClassificationCorrection;
}
