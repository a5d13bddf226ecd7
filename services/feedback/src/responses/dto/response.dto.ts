import { ApiProperty } from '@nestjs/swagger';
import { INVESTIGATION_OUTCOMES, LANGUAGES, RESPONSE_CHANNELS } from '@complaints/contracts';
import type { InvestigationOutcome, Language, ResponseChannel } from '@complaints/contracts';
import { RESPONSE_STATUSES } from '../response.entity';
import type { ResponseStatus } from '../response.entity';

export class ResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({
    minimum: 1,
    description: 'The investigation round answered; 1 is the first decision',
  })
  round: number;

  @ApiProperty({ enum: INVESTIGATION_OUTCOMES })
  outcome: InvestigationOutcome;

  @ApiProperty({ enum: LANGUAGES })
  language: Language;

  @ApiProperty({ enum: RESPONSE_CHANNELS })
  channel: ResponseChannel;

  @ApiProperty({ description: 'The decision letter as sent' })
  body: string;

  @ApiProperty({ format: 'date-time' })
  sentAt: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Unanswered by then, the complaint closes as no_feedback',
  })
  surveyDueAt: string;

  @ApiProperty({
    enum: RESPONSE_STATUSES,
    description:
      'awaiting_feedback: survey open; feedback_received: the customer was dissatisfied and the complaint was reopened; ' +
      'closed: the complaint closed on this response; superseded: a newer decision replaced it',
  })
  status: ResponseStatus;

  @ApiProperty({
    minimum: 0,
    description: 'Times the complaint had been reopened when this response was sent',
  })
  reopenCount: number;
}
