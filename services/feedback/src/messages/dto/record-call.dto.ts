import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { MESSAGE_KINDS } from '../customer-message.entity';
import type { MessageKind } from '../customer-message.entity';

export const CALL_OUTCOMES = ['reached', 'no_answer', 'wrong_number'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** A call a handler made to tell the customer what a message says. */
export class RecordCallDto {
  @ApiProperty({
    enum: MESSAGE_KINDS,
    description: 'The message the call told (its latest of this kind)',
  })
  @IsIn(MESSAGE_KINDS)
  kind: MessageKind;

  @ApiProperty({ enum: CALL_OUTCOMES })
  @IsIn(CALL_OUTCOMES)
  outcome: CallOutcome;

  @ApiProperty({ format: 'date-time', description: 'When the call was made (not in the future)' })
  @IsISO8601({ strict: true })
  calledAt: string;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'What was said; stays in feedback, never logged',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @IsString()
  @MaxLength(500)
  note?: string;
}
