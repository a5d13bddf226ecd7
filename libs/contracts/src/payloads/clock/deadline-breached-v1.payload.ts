import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';
import { CLOCK_KINDS, ClockKind } from './clock.vocabulary';

/**
 * `complaints.deadline-breached.v1`: a clock's deadline passed unmet (or was met late). Published
 * exactly once per clock; the case is escalated to its supervisor and the complaints officer.
 */
export class DeadlineBreachedV1 {
  /** Stable id of the clock within the complaint: `<kind>:<round>:<restarts>`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  clockId: string;

  @IsIn(CLOCK_KINDS)
  clock: ClockKind;

  /** UTC. */
  @IsUtcTimestamp()
  dueAt: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  department: string;

  @IsBoolean()
  greenChannel: boolean;

  /** `<policy id>@<version>` the deadline came from. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  policy: string;

  /** UTC: when the breach was detected. */
  @IsUtcTimestamp()
  breachedAt: string;
}
