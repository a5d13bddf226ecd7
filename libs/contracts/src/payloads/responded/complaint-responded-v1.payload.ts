import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';
import { LANGUAGES, Language, RESPONSE_CHANNELS, ResponseChannel } from '../complaint.vocabulary';

/**
 * `complaints.responded.v1`: the decision was sent to the customer. The event is the proof of
 * notification the rules require for every channel, and opens the satisfaction survey.
 */
export class ComplaintRespondedV1 {
  @IsUUID()
  responseId: string;

  /** The investigation round this response answers (1 = first decision). */
  @Min(1)
  @IsInt()
  round: number;

  @IsIn(RESPONSE_CHANNELS)
  channel: ResponseChannel;

  @IsIn(LANGUAGES)
  language: Language;

  /** The text sent, including the remedies left to the customer (review, mediation, courts). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  body: string;

  /** UTC. */
  @IsUtcTimestamp()
  sentAt: string;

  /** When the survey closes unanswered and the complaint closes as `no_feedback` (UTC). */
  @IsUtcTimestamp()
  surveyDueAt: string;
}
