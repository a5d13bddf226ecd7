import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  COMPLAINT_CATEGORIES,
  ComplaintCategory,
  PRIORITIES,
  Priority,
  SEVERITIES,
  Severity,
} from '../complaint.vocabulary';

/** How the complaint was classed and routed (from `complaints.routed.v1`). */
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
}
