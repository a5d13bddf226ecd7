/** The channels a message can be sent on today; post and phone are recorded by people. */
export const SEND_CHANNELS = ['email', 'sms'] as const;
export type SendChannel = (typeof SEND_CHANNELS)[number];

export interface OutgoingMessage {
  /** The address on this channel (an e-mail address, a phone number): personal data. */
  to: string;
  subject: string;
  body: string;
  /** Our message id, so a provider's receipt can be matched. */
  messageId: string;
}

export interface SendReceipt {
  /** The provider's id for what it accepted (SMTP Message-ID, the gateway's id). */
  providerMessageId: string;
}

/**
 * One way of reaching a customer. Adding a gateway or a mail provider is one class that
 * implements this and is listed in CHANNEL_ADAPTERS. `send` resolves when the provider has
 * accepted the message, and throws ChannelSendError otherwise.
 */
export interface ChannelAdapter {
  readonly channel: SendChannel;
  send(message: OutgoingMessage): Promise<SendReceipt>;
}

export const CHANNEL_ADAPTERS = Symbol('CHANNEL_ADAPTERS');

/**
 * A provider refused or could not be reached. permanent: this address will never work on this
 * channel (try the next channel); otherwise retry later. `code` is safe to store and log: it
 * never carries the address or the provider's free text.
 */
export class ChannelSendError extends Error {
  constructor(
    readonly permanent: boolean,
    readonly code: string,
  ) {
    super(`${permanent ? 'permanent' : 'transient'} send failure: ${code}`);
    this.name = 'ChannelSendError';
  }
}
