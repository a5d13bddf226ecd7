import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { ActingPerson } from '../people/acting-person.payload';

/** Why a case went to a handler. */
export const ASSIGNMENT_CAUSES = ['routed', 'reopened', 'reassigned', 'reclassified'] as const;
export type AssignmentCause = (typeof ASSIGNMENT_CAUSES)[number];

/**
 * `complaints.assigned.v1`: investigation gave the complaint's case to a handler: on routing,
 * on reopening, when a supervisor or complaints officer reassigned it, or when a correction of
 * its class moved it to another department. Intake uses it to let the assigned handler read
 * the complainant's details; archiving keeps it in the timeline.
 */
export class ComplaintAssignedV1 {
  /** The department whose queue holds the case. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  department: string;

  /** The handler (their username at the identity provider) who now holds the case. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  handlerId: string;

  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  previousHandlerId?: string;

  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  previousDepartment?: string;

  @IsIn(ASSIGNMENT_CAUSES)
  cause: AssignmentCause;

  /** Why a person reassigned it (required of them); absent for automatic assignment. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;

  /** Who reassigned it; absent when the service assigned it by its policy. */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ActingPerson)
  assignedBy?: ActingPerson;

  /** UTC. */
  @IsUtcTimestamp()
  assignedAt: string;

  /**
   * The previous handler declared a conflict of interest and the case went to someone else
   * (optional: added after v1 shipped; absent: false).
   */
  @OptionalNotNull()
  @IsBoolean()
  conflictOfInterest?: boolean;
}
