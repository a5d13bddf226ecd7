import { ChannelAdapter, ChannelSendError, OutgoingMessage, SendReceipt } from './channel-adapter';

export interface SmsGatewaySettings {
  /** The gateway's send endpoint. */
  url: string;
  /** Sent as `Authorization: Bearer <key>`. */
  apiKey: string;
  sender: string;
  /** Where the gateway posts delivery receipts, with `callbackToken`; absent: no receipts. */
  callbackUrl?: string;
  callbackToken?: string;
  timeoutMs: number;
}

/**
 * SMS through an HTTP gateway: POST {to, text, sender, callbackUrl, callbackToken} and read
 * {messageId}. 4xx (but 408 and 429) is the gateway refusing this number for good; 5xx, 408,
 * 429 and network failures are worth another try.
 */
export class SmsGatewayAdapter implements ChannelAdapter {
  readonly channel = 'sms' as const;

  constructor(private readonly settings: SmsGatewaySettings) {}

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    const s = this.settings;
    let res: globalThis.Response;
    try {
      res = await fetch(s.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.apiKey}` },
        body: JSON.stringify({
          to: message.to,
          text: `${message.subject}\n${message.body}`,
          sender: s.sender,
          reference: message.messageId,
          ...(s.callbackUrl ? { callbackUrl: s.callbackUrl, callbackToken: s.callbackToken } : {}),
        }),
        signal: AbortSignal.timeout(s.timeoutMs),
      });
    } catch {
      throw new ChannelSendError(false, 'SMS_GATEWAY_UNREACHABLE');
    }
    if (!res.ok) {
      const transient = res.status >= 500 || res.status === 408 || res.status === 429;
      throw new ChannelSendError(!transient, `SMS_HTTP_${res.status}`);
    }
    const body = (await res.json().catch(() => ({}))) as { messageId?: unknown };
    if (typeof body.messageId !== 'string' || body.messageId === '') {
      throw new ChannelSendError(false, 'SMS_GATEWAY_NO_MESSAGE_ID');
    }
    return { providerMessageId: body.messageId };
  }
}
