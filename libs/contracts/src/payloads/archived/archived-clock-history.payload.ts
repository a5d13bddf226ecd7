import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { SHA256_HEX_PATTERN } from '../../validation/contract.patterns';
import {
  CLOCK_KINDS,
  ClockKind,
  EXTENSION_KINDS,
  ExtensionKind,
  PAUSE_KINDS,
  PauseKind,
} from '../clock/clock.vocabulary';
import { EXTENSION_STATUSES, ExtensionStatusName } from '../clock/deadline-changed-v1.payload';

const MAX_ENTRIES = 100;

/** One extension of a clock: who asked and who decided only as keyed pseudonyms. */
export class ArchivedClockExtension {
  @IsIn(EXTENSION_KINDS)
  kind: ExtensionKind;

  @IsIn(EXTENSION_STATUSES)
  status: ExtensionStatusName;

  /** UTC. */
  @IsUtcTimestamp()
  requestedAt: string;

  /** UTC. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  decidedAt?: string;

  /** A rule's code, or `EXTENSION.REFUSED_BY_APPROVER` (the approver's words are not archived). */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  refusalCode?: string;

  /** Keyed hash of the requester's subject: the same pseudonym as their audit entries' `actorRef`. */
  @JSONSchema({ description: 'stable, non-reversible pseudonym of the requester' })
  @Matches(SHA256_HEX_PATTERN, { message: '$property must be a lower-case hex pseudonym' })
  requesterRef: string;

  /** Keyed hash of the approver's (or refuser's) subject. */
  @JSONSchema({ description: 'stable, non-reversible pseudonym of the approver' })
  @OptionalNotNull()
  @Matches(SHA256_HEX_PATTERN, { message: '$property must be a lower-case hex pseudonym' })
  approverRef?: string;
}

export class ArchivedClockPause {
  @IsIn(PAUSE_KINDS)
  kind: PauseKind;

  /** UTC. */
  @IsUtcTimestamp()
  from: string;

  /** UTC; absent when the record was sealed during the pause. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  to?: string;
}

/**
 * met: the duty was done by its deadline; breached: the deadline passed unmet (a breach was
 * published, or the duty was done late); ended: withdrawn, merged, closed or restarted before its
 * deadline; unwatched: the policy shows the clock but never breaches it.
 */
export const ARCHIVED_CLOCK_OUTCOMES = ['met', 'breached', 'ended', 'unwatched'] as const;
export type ArchivedClockOutcome = (typeof ARCHIVED_CLOCK_OUTCOMES)[number];

/** One clock of the complaint, as the deadlines service computed it. */
export class ArchivedClock {
  /** `<kind>:<round>:<restarts>` */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  clockId: string;

  @IsIn(CLOCK_KINDS)
  clock: ClockKind;

  @IsInt()
  @Min(1)
  round: number;

  /** UTC. */
  @IsUtcTimestamp()
  startedAt: string;

  /** natural days of the final period (15, 30, 60 ...; 0 for an hour clock) */
  @IsInt()
  @Min(0)
  periodDays: number;

  /** hours of an hour clock (0 for a day clock) */
  @IsInt()
  @Min(0)
  periodHours: number;

  /** UTC: the final deadline; absent when the clock stopped while paused. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  dueAt?: string;

  @IsIn(ARCHIVED_CLOCK_OUTCOMES)
  outcome: ArchivedClockOutcome;

  /** UTC. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  metAt?: string;

  /** UTC. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  endedAt?: string;

  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  endReason?: string;

  /** UTC: when the breach was detected, if one was published before the seal. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  breachedAt?: string;

  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ArchivedClockExtension)
  extensions: ArchivedClockExtension[];

  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ArchivedClockPause)
  pauses: ArchivedClockPause[];
}

/** Each legal clock of the complaint: deadlines, extensions with approver, pauses, met or breached. */
export class ArchivedClockHistory {
  /** `<policy id>@<version>` the deadlines came from. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  policy: string;

  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ArchivedClock)
  clocks: ArchivedClock[];
}
