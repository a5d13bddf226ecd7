import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import {
  CLOCK_KINDS,
  ClockKind,
  EXTENSION_KINDS,
  ExtensionKind,
  PAUSE_KINDS,
  PauseKind,
} from './clock.vocabulary';

/** Far above any real complaint; keeps one event bounded. */
const MAX_ENTRIES = 100;

export const CLOCK_STATUSES = ['open', 'paused', 'met', 'ended'] as const;
/** open: counting; paused: stopped; met: the duty was done; ended: withdrawn, merged, closed, restarted. */
export type ClockStatusName = (typeof CLOCK_STATUSES)[number];

export const EXTENSION_STATUSES = ['requested', 'approved', 'refused'] as const;
export type ExtensionStatusName = (typeof EXTENSION_STATUSES)[number];

/** One extension of a clock as the deadlines service applied it. */
export class ClockExtensionState {
  @IsUUID()
  requestId: string;

  @IsIn(EXTENSION_KINDS)
  kind: ExtensionKind;

  @IsIn(EXTENSION_STATUSES)
  status: ExtensionStatusName;

  /** UTC. */
  @IsUtcTimestamp()
  requestedAt: string;

  /** UTC; absent while it awaits an approver. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  decidedAt?: string;

  /**
   * Why it was refused: a rule's code (`EXTENSION.AFTER_DEADLINE`, `EXTENSION.SELF_APPROVAL`) or
   * `EXTENSION.REFUSED_BY_APPROVER` (the approver's own words stay on complaints.clock.v1).
   */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  refusalCode?: string;

  /** The requester's identity-provider subject (staff, never the complainant). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  requestedBy: string;

  /** The approver's (or refuser's) subject. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  decidedBy?: string;
}

export class ClockPauseState {
  @IsIn(PAUSE_KINDS)
  kind: PauseKind;

  /** UTC. */
  @IsUtcTimestamp()
  from: string;

  /** UTC; absent while the pause runs. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  to?: string;
}

/** One clock of a complaint, as computed. */
export class ClockState {
  /** `<kind>:<round>:<restarts>`, the id the warning and breach events carry. */
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

  /** natural days of the period in force (0 for an hour clock) */
  @IsInt()
  @Min(0)
  periodDays: number;

  /** hours of an hour clock (0 for a day clock) */
  @IsInt()
  @Min(0)
  periodHours: number;

  /** UTC; absent while paused. */
  @OptionalNotNull()
  @IsUtcTimestamp()
  dueAt?: string;

  @IsIn(CLOCK_STATUSES)
  status: ClockStatusName;

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

  /** false: shown but never warned about or breached (the policy's choice). */
  @IsBoolean()
  watched: boolean;

  /** The extension kinds the policy would still grant this clock now (empty: none left). */
  @IsArray()
  @ArrayMaxSize(EXTENSION_KINDS.length)
  @IsIn(EXTENSION_KINDS, { each: true })
  extensionsAvailable: ExtensionKind[];

  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ClockExtensionState)
  extensions: ClockExtensionState[];

  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ClockPauseState)
  pauses: ClockPauseState[];
}

/**
 * `complaints.deadline-changed.v1`: a complaint's clocks after an event changed them, published
 * by the deadlines service (the one authority on deadlines) through its outbox. Carries the
 * computed due dates no other event has, so the case (investigation) and the archived record
 * (archiving) read them without calling the deadlines service. No complainant data; staff only
 * as identity-provider subjects.
 */
export class DeadlineChangedV1 {
  /** `<policy id>@<version>` */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  policy: string;

  /** How many input events the clocks were computed from; grows with each: a newer state has more. */
  @IsInt()
  @Min(1)
  basis: number;

  /** UTC: the latest `occurredAt` among those events. */
  @IsUtcTimestamp()
  lastEventAt: string;

  /** open: counting; ended: withdrawn, merged or closed. */
  @IsIn(['open', 'ended'])
  state: 'open' | 'ended';

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  department: string;

  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ClockState)
  clocks: ClockState[];
}
