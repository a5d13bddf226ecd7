import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { INVESTIGATION_OUTCOMES, OptionalNotNull, REVIEW_OUTCOMES } from '@complaints/contracts';
import type { InvestigationOutcome, ReviewOutcome } from '@complaints/contracts';
import { MoneyAmountDto } from './money-amount.dto';

/**
 * What the decision letter states; limits match complaints.investigated.v1. The decider is the
 * signed-in handler, never a body field (an unknown field such as handlerId is refused).
 */
export class DecideCaseDto {
  @ApiProperty({ enum: INVESTIGATION_OUTCOMES })
  @IsIn(INVESTIGATION_OUTCOMES)
  outcome: InvestigationOutcome;

  @ApiProperty({
    maxLength: 4000,
    description: 'Findings, basis and reasons, as told to the customer',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  rootCause: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'What the insurer will do to put it right' })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  remedy?: string;

  @ApiPropertyOptional({ type: MoneyAmountDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => MoneyAmountDto)
  compensation?: MoneyAmountDto;

  @ApiPropertyOptional({
    enum: REVIEW_OUTCOMES,
    description:
      'Internal review rounds only: whether the reviewed decision is upheld or overturned; ' +
      "absent: upheld when the outcome is the reviewed decision's, else overturned",
  })
  @OptionalNotNull()
  @IsIn(REVIEW_OUTCOMES)
  reviewOutcome?: ReviewOutcome;
}
