import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN } from '../../validation/contract.patterns';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { INVESTIGATION_OUTCOMES, InvestigationOutcome } from '../complaint.vocabulary';
import { MoneyAmount } from '../investigated/money-amount.payload';

/** One investigation round's decision (from `complaints.investigated.v1`). */
export class ArchivedDecision {
  /** >= 1. */
  @Min(1)
  @IsInt()
  round: number;

  @IsIn(INVESTIGATION_OUTCOMES)
  outcome: InvestigationOutcome;

  /** Employee id; lets handling results count in staff assessment. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  handlerId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  rootCause: string;

  /** The taxonomy code the handler chose (see `complaints.investigated.v1`), when one was. */
  @OptionalNotNull()
  @Matches(CODE_PATTERN, { message: '$property must be a taxonomy code such as claims.delay' })
  @MaxLength(64)
  rootCauseCode?: string;

  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  remedy?: string;

  @OptionalNotNull()
  @ValidateNested()
  @Type(() => MoneyAmount)
  compensation?: MoneyAmount;

  /** UTC. */
  @IsUtcTimestamp()
  decidedAt: string;
}
