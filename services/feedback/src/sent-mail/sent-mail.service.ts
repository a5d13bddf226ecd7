import { Injectable } from '@nestjs/common';
import { DomainError } from '@complaints/platform';
import { AnswerLinkSigner } from '../answers/answer-link-signer';
import { FeedbackConfig } from '../config/feedback.config';
import { SentMailDto } from './sent-mail.dto';

/** E-mails listed per request at most (the sink keeps the newest 500 per query). */
const LIMIT = 200;

interface SunkMail {
  id?: unknown;
  to?: unknown;
  subject?: unknown;
  text?: unknown;
  receivedAt?: unknown;
}

/**
 * What the local mail sink (infra/smtp) received, for the workbench's "sent mail" view: the
 * sink has no access control of its own, so people reach it only through this guarded route.
 * Answer-link tokens are hidden: whoever reads the mail must not be able to answer for the customer.
 */
@Injectable()
export class SentMail {
  constructor(private readonly config: FeedbackConfig) {}

  async list(to: string | undefined): Promise<SentMailDto[]> {
    const sink = this.config.MAIL_SINK_URL;
    if (!sink) {
      throw new DomainError('SENT_MAIL.NO_SINK', 404, 'No local mail sink is configured here.');
    }
    const url = `${sink.replace(/\/+$/, '')}/mail${to ? `?to=${encodeURIComponent(to.toLowerCase())}` : ''}`;
    let mail: SunkMail[];
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.config.SEND_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`sink answered ${res.status}`);
      mail = (await res.json()) as SunkMail[];
    } catch {
      throw new DomainError(
        'SENT_MAIL.SINK_UNAVAILABLE',
        503,
        'The local mail sink did not answer.',
      );
    }
    return mail
      .slice(-LIMIT)
      .reverse()
      .map((m) => ({
        id: String(m.id ?? ''),
        to: Array.isArray(m.to) ? m.to.map(String) : [],
        subject: String(m.subject ?? ''),
        text: AnswerLinkSigner.hideTokens(String(m.text ?? '')),
        receivedAt: String(m.receivedAt ?? ''),
      }));
  }
}
