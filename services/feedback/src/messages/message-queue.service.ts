import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { Logger } from 'pino';
import type { CausationLink, Language } from '@complaints/contracts';
import { Transaction } from '@complaints/messaging';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { AnswerLinkSigner } from '../answers/answer-link-signer';
import { contentHash } from './message-address';
import { EVERY_CHANNEL_KINDS, MessageKind } from './customer-message.entity';
import type { MessageRefusedError, RenderedMessage } from './templates/message-template';

export interface QueuedMessage {
  cause: CausationLink;
  kind: MessageKind;
  /** Unique per complaint: `acknowledgement`, `decision:<round>`, `clock:<eventId>`. */
  dedupeKey: string;
  language: Language;
}

/**
 * Queues the messages the rules require, in the transaction of the event that requires them;
 * the sender sends them after it commits. A message queued twice (a redelivered event) is
 * queued once.
 */
@Injectable()
export class MessageQueue {
  constructor(
    private readonly clock: Clock,
    private readonly links: AnswerLinkSigner,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async queue(tx: Transaction, message: QueuedMessage, rendered: RenderedMessage): Promise<void> {
    await this.insert(tx, message, rendered, 'pending', null);
  }

  /** Records a message refused for a missing part: never sent, listed for officers. */
  async refuse(
    tx: Transaction,
    message: QueuedMessage,
    refusal: MessageRefusedError,
  ): Promise<void> {
    const code = `MESSAGE.MISSING_PART:${refusal.missing.join(',')}`;
    await this.insert(
      tx,
      message,
      { templateId: refusal.templateId, templateVersion: 0, subject: '', body: '' },
      'refused',
      code,
    );
    this.logger.warn(
      {
        complaintId: message.cause.complaintId,
        correlationId: message.cause.correlationId,
        kind: message.kind,
        missing: refusal.missing,
      },
      'message refused before sending: a required part is missing',
    );
  }

  private async insert(
    tx: Transaction,
    message: QueuedMessage,
    rendered: RenderedMessage,
    status: 'pending' | 'refused',
    error: string | null,
  ): Promise<void> {
    const now = this.clock.now();
    const rows: unknown[] = await tx.manager.query(
      `INSERT INTO customer_message (id, complaint_id, kind, dedupe_key, template_id, template_version,
         language, subject, body, content_hash, status, next_attempt_at, last_error, correlation_id,
         causation_id, created_at, every_channel)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $12, $16)
       ON CONFLICT ON CONSTRAINT uq_customer_message_dedupe DO NOTHING
       RETURNING id`,
      [
        randomUUID(),
        message.cause.complaintId,
        message.kind,
        message.dedupeKey,
        rendered.templateId,
        rendered.templateVersion,
        message.language,
        rendered.subject,
        rendered.body,
        // Of the text as the customer reads it: with the answer link written out.
        contentHash(rendered.subject, this.links.expand(rendered.body)),
        status,
        now,
        error,
        message.cause.correlationId,
        message.cause.causationId,
        EVERY_CHANNEL_KINDS.includes(message.kind),
      ],
    );
    if (status === 'pending' && rows.length > 0) {
      this.logger.info(
        {
          complaintId: message.cause.complaintId,
          correlationId: message.cause.correlationId,
          kind: message.kind,
          templateId: rendered.templateId,
          templateVersion: rendered.templateVersion,
        },
        'message queued',
      );
    }
  }
}
