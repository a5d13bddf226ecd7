import { ComplaintSummary } from '../complaint-summary.payload';
import { Type } from 'class-transformer';
import {
  ValidateNested,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
} from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { ComplainedAboutRef } from './complained-about-ref.payload';
import {
  COMPLAINT_CATEGORIES,
  ComplaintCategory,
  PRIORITIES,
  Priority,
  SEVERITIES,
  Severity,
} from '../complaint.vocabulary';

/**
 * `complaints.routed.v1`: classification's verdict. The complaint is classed, weighted, sent to
 * the department responsible for that class, and given SLA deadlines from the policy in force.
 */
export class ComplaintRoutedV1 {
  @IsIn(COMPLAINT_CATEGORIES)
  category: ComplaintCategory;

  /** Finer cause within the class, e.g. `claims`, `surrender`, `attitude`, `system_stability`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  subcategory: string;

  @IsIn(SEVERITIES)
  severity: Severity;

  @IsIn(PRIORITIES)
  priority: Priority;

  /** Fast track: shortened handling where the routing rules say so. */
  @IsBoolean()
  greenChannel: boolean;

  /** Code of the department that investigates it. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  department: string;

  /** The routing rules that fired, in evaluation order, so a routing can be explained later. */
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(64, { each: true })
  matchedRuleIds: string[];

  /** Deadline to acknowledge receipt to the customer (UTC), where the policy sets one. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  acknowledgeDueAt?: string;

  /** Deadline to decide and tell the customer (UTC): 15 natural days from receipt by default. */
  @IsUtcTimestamp()
  decisionDueAt: string;

  /** The SLA policy (and its revision) the deadlines came from. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  slaPolicyId: string;

  /** `<version>/<variant>` of the trained classifier that gave the class; absent when the rules did. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  classifierVersion?: string;

  /** The classifier was not confident: routed to the complaints office's triage queue. Absent: false. */
  @OptionalNotNull()
  @IsBoolean()
  triage?: boolean;

  /** What the complaint is about (optional: added after v1 shipped; absent from older events). */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ComplaintSummary)
  complaint?: ComplaintSummary;

  /**
   * The staff member the complaint is about (employee number and unit, no name), for recusal.
   * Optional: added after v1 shipped; absent when intake recorded nobody.
   */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ComplainedAboutRef)
  complainedAbout?: ComplainedAboutRef;
}
