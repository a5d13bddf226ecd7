import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';

/** How the acknowledgement reached the complainant. */
export const ACKNOWLEDGEMENT_CHANNELS = ['sms', 'email', 'letter', 'phone', 'app'] as const;
export type AcknowledgementChannel = (typeof ACKNOWLEDGEMENT_CHANNELS)[number];

/**
 * `complaints.acknowledged.v1`: the complainant was told their complaint arrived (produced by
 * the customer-communication work; defined here so the acknowledgement clock has its contract).
 */
export class ComplaintAcknowledgedV1 {
  /** UTC: when the acknowledgement was sent. */
  @IsUtcTimestamp()
  acknowledgedAt: string;

  @IsIn(ACKNOWLEDGEMENT_CHANNELS)
  channel: AcknowledgementChannel;

  /** Id of the proof of sending kept by the sender (message id, call record). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  proofId: string;
}
