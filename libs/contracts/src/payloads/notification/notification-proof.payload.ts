import { IsIn, IsInt, IsNotEmpty, IsString, Matches, MaxLength, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { SERVICE_NAME_PATTERN, SHA256_HEX_PATTERN } from '../../validation/contract.patterns';

/** The channels a customer is told on. */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'post', 'phone'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * What became of one send: printed (a post letter not yet posted), sent (accepted; for post,
 * posted), delivered, deferred (a transient refusal), bounced (refused for good), failed.
 */
export const NOTIFICATION_STATUSES = [
  'printed',
  'sent',
  'delivered',
  'deferred',
  'bounced',
  'failed',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * A masked address only: `z***@e***.com`, `********8000`, or a word where none is held. A
 * clear e-mail address or phone number does not match, so it can never be carried.
 */
export const MASKED_ADDRESS_PATTERN =
  /^(.?\*{3}@.?\*{3}(\.[A-Za-z0-9-]+)*|\*{4,}\d{0,4}|unknown|postal address on the envelope)$/u;

/**
 * Proof of notification of one send of one message to the customer, as the archive keeps it
 * (on `complaints.closed.v1` from feedback, sealed into `complaints.archived.v1`). No address
 * in clear, no message text: its SHA-256 only (for post, of the PDF as printed).
 */
export class NotificationProof {
  /** acknowledgement, decision, extension, pause, resume (more may be added). */
  @Matches(SERVICE_NAME_PATTERN, { message: '$property must be a lower-case kind' })
  @MaxLength(40)
  messageKind: string;

  @IsIn(NOTIFICATION_CHANNELS)
  channel: NotificationChannel;

  @JSONSchema({ description: 'Masked: z***@e***.com, ********8000, or where none is held a word' })
  @Matches(MASKED_ADDRESS_PATTERN, { message: '$property must be a masked address' })
  @MaxLength(100)
  maskedAddress: string;

  @Matches(SHA256_HEX_PATTERN, { message: '$property must be a lower-case hex SHA-256 digest' })
  contentHash: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  templateId: string;

  /** >= 0 (0: a message refused before rendering is never sent, so never here). */
  @Min(0)
  @IsInt()
  templateVersion: number;

  /** 1 = the first attempt on this channel. */
  @Min(1)
  @IsInt()
  attempt: number;

  /** UTC: sent, called, or posted. */
  @IsUtcTimestamp()
  sentAt: string;

  /** The provider's id (SMTP Message-ID, the gateway's id, the registered-mail number). */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  providerMessageId?: string;

  @IsIn(NOTIFICATION_STATUSES)
  deliveryStatus: NotificationStatus;

  /** UTC: when the delivery status was last set. */
  @IsUtcTimestamp()
  statusAt: string;
}
