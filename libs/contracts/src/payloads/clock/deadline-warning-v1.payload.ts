import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';
import { CLOCK_KINDS, ClockKind } from './clock.vocabulary';

/**
 * `complaints.deadline-warning.v1`: a clock's deadline is near (at a lead time its policy sets).
 * Published once per clock, deadline extension level and lead time. No personal data.
 */
export class DeadlineWarningV1 {
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

  /** minutes before `dueAt` this warning is for, >= 0 */
  @IsInt()
  @Min(0)
  leadMinutes: number;

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

  /** UTC. */
  @IsUtcTimestamp()
  warnedAt: string;
}
