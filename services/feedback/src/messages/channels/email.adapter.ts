import { createTransport, Transporter } from 'nodemailer';
import { ChannelAdapter, ChannelSendError, OutgoingMessage, SendReceipt } from './channel-adapter';

/** Network failures worth another try; anything else without an SMTP code is permanent. */
const TRANSIENT_NETWORK = ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNREFUSED', 'EDNS'];

interface SmtpFailure {
  code?: string;
  responseCode?: number;
}

/** E-mail over SMTP (nodemailer): the local mail sink by default, the insurer's relay in production. */
export class EmailAdapter implements ChannelAdapter {
  readonly channel = 'email' as const;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    const url = new URL(smtpUrl);
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
      secure: url.protocol === 'smtps:',
      ignoreTLS: url.searchParams.get('tls') === 'off',
      ...(url.username
        ? {
            auth: {
              user: decodeURIComponent(url.username),
              pass: decodeURIComponent(url.password),
            },
          }
        : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.body,
        headers: { 'X-Complaints-Message-Id': message.messageId },
      });
      return { providerMessageId: String(info.messageId) };
    } catch (err) {
      throw classify(err as SmtpFailure);
    }
  }

  close(): void {
    this.transport.close();
  }
}

function classify(err: SmtpFailure): ChannelSendError {
  if (typeof err.responseCode === 'number') {
    return new ChannelSendError(err.responseCode >= 500, `SMTP_${err.responseCode}`);
  }
  const code = typeof err.code === 'string' ? err.code : 'SMTP_ERROR';
  return new ChannelSendError(!TRANSIENT_NETWORK.includes(code), code);
}
