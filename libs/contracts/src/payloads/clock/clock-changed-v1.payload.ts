import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';
import { ActingPerson } from '../people/acting-person.payload';
import {
  CLOCK_ACTIONS,
  ClockAction,
  EXTENSION_KINDS,
  ExtensionKind,
  PAUSE_KINDS,
  PauseKind,
} from './clock.vocabulary';

const EXTENSION_ACTIONS: readonly ClockAction[] = [
  'extension-requested',
  'extension-approved',
  'extension-refused',
];

/**
 * `complaints.clock.v1`: an action on a complaint's legal clock, taken where the case is worked
 * (investigation). The deadlines service computes every deadline from these and the lifecycle
 * events. Fields beyond `action`, `actor`, `at` and `reason` are required by the actions that
 * use them: `requestId` by the extension actions, `extensionKind` by a request, `pauseKind` by
 * a pause, `mergedInto` by a merge.
 */
export class ClockChangedV1 {
  @IsIn(CLOCK_ACTIONS)
  action: ClockAction;

  /** The signed-in person who took the action (from their token). */
  @ValidateNested()
  @Type(() => ActingPerson)
  actor: ActingPerson;

  /** UTC: when the action was taken (a withdrawal: when it was received). */
  @IsUtcTimestamp()
  at: string;

  /** Why; the complainant is told of each extension and pause. Required of every action. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  /** The extension request an approval or refusal answers (the request's own id). */
  @ValidateIf((o: ClockChangedV1) => EXTENSION_ACTIONS.includes(o.action))
  @IsUUID()
  requestId?: string;

  @ValidateIf((o: ClockChangedV1) => o.action === 'extension-requested')
  @IsIn(EXTENSION_KINDS)
  extensionKind?: ExtensionKind;

  @ValidateIf((o: ClockChangedV1) => o.action === 'paused')
  @IsIn(PAUSE_KINDS)
  pauseKind?: PauseKind;

  /** The earlier complaint a repeat without new facts was merged into. */
  @ValidateIf((o: ClockChangedV1) => o.action === 'merged')
  @IsUUID()
  mergedInto?: string;
}
