import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export const REPEAT_OUTCOMES = ['merged', 'restarted', 'split'] as const;
export type RepeatOutcome = (typeof REPEAT_OUTCOMES)[number];

/** The handler's decision on a proposed repeat. The actor is the token's person. */
export class RepeatDecisionDto {
  @ApiProperty({
    enum: REPEAT_OUTCOMES,
    description:
      'merged: no new facts, joins the earlier complaint, whose clock runs on (the customer is ' +
      'told); restarted: new facts, joins it and its clock starts again; split: not a repeat',
  })
  @IsIn(REPEAT_OUTCOMES)
  outcome: RepeatOutcome;

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
