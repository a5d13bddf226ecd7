import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsUtcTimestamp } from '../../validation/contract.decorators';
import { SHA256_HEX_PATTERN } from '../../validation/contract.patterns';
import { ASSIGNMENT_CAUSES, AssignmentCause } from '../assigned/complaint-assigned-v1.payload';

/**
 * One time the case was given to a handler (from `complaints.assigned.v1`), pseudonymised: no
 * handler id in clear, no reason (a reason for a reassignment may name people), no assigner.
 */
export class ArchivedAssignment {
  /** `assignedAt` (UTC). */
  @IsUtcTimestamp()
  at: string;

  @IsIn(ASSIGNMENT_CAUSES)
  cause: AssignmentCause;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  department: string;

  /** Keyed hash of the handler id, the same pseudonym the decisions' `handlerId` carries. */
  @JSONSchema({ description: 'stable, non-reversible pseudonym of the handler' })
  @Matches(SHA256_HEX_PATTERN, { message: '$property must be a lower-case hex pseudonym' })
  handlerRef: string;
}
