import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { Logger } from 'pino';
import { createEnvelope, EVENT_TYPES } from '@complaints/contracts';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { AnswerLinkSigner } from '../answers/answer-link-signer';
import { FeedbackConfig } from '../config/feedback.config';
import { CHANNEL_ADAPTERS, ChannelAdapter, ChannelSendError } from './channels/channel-adapter';
import { CustomerContact } from './customer-contact.entity';
import { CustomerMessage } from './customer-message.entity';
import { channelsOf, maskAddress } from './message-address';
import { DeliveryStatus } from './message-proof.entity';
import { lockProviderMessage, MessageProofs } from './message-proofs.service';

/** Longest wait between two attempts, whatever the backoff says: 1 hour. */
const MAX_BACKOFF_MS = 60 * 60 * 1000;

/**
 * Sends due messages, one per transaction: the message row is locked (SKIP LOCKED, so every
 * instance may sweep), sent on the customer's current channel, and the proof written with the
 * outcome. Transient failures retry with exponential backoff; a permanent one (or too many
 * transient ones) moves to the customer's next channel; none left: undeliverable. A letter
 * for every channel (the decision, the review decision) goes on to the next channel after each
 * send, so a customer with an e-mail and a phone gets it on both, each send with its proof;
 * told once one took it. A crash between the provider accepting and the commit sends the
 * message again (at least once).
 */
@Injectable()
export class MessageSender {
  private readonly adapters: Map<string, ChannelAdapter>;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly config: FeedbackConfig,
    private readonly links: AnswerLinkSigner,
    private readonly proofs: MessageProofs,
    @Inject(CHANNEL_ADAPTERS) adapters: ChannelAdapter[],
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.adapters = new Map(adapters.map((a) => [a.channel, a]));
  }

  /** Sends up to `batch` due messages; returns how many it handled. */
  async sendDue(batch: number): Promise<number> {
    let handled = 0;
    while (handled < batch && (await this.sendOne())) handled += 1;
    return handled;
  }

  private sendOne(): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      const now = this.clock.now();
      const message = await tx.manager
        .createQueryBuilder(CustomerMessage, 'm')
        .where('m.status = :status', { status: 'pending' })
        .andWhere('m.nextAttemptAt <= :now', { now })
        .andWhere('EXISTS (SELECT 1 FROM customer_contact c WHERE c.complaint_id = m.complaint_id)')
        .orderBy('m.nextAttemptAt', 'ASC')
        .limit(1)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!message) return false;
      const contact = await tx.manager.findOneByOrFail(CustomerContact, {
        complaintId: message.complaintId,
      });
      await this.attempt(tx, message, contact, now);
      return true;
    });
  }

  private async attempt(
    tx: Transaction,
    message: CustomerMessage,
    contact: CustomerContact,
    now: Date,
  ): Promise<void> {
    const log = {
      complaintId: message.complaintId,
      correlationId: message.correlationId,
      messageId: message.id,
      kind: message.kind,
    };
    const channels = channelsOf(contact);
    const target = channels[message.channelIndex];
    if (!target) {
      // A letter for every channel that one of them took is told; otherwise nobody was.
      if (message.everyChannel && (await this.toldOnAnotherChannel(tx, message.id))) {
        await tx.manager.update(
          CustomerMessage,
          { id: message.id },
          { status: 'told', channelIndex: Math.max(channels.length - 1, 0) },
        );
        this.logger.info(log, 'every channel tried; told on at least one');
        return;
      }
      await tx.manager.update(CustomerMessage, { id: message.id }, { status: 'undeliverable' });
      this.logger.warn(
        { ...log, lastError: message.lastError },
        'no channel left: customer not told',
      );
      return;
    }
    // A letter for every channel goes on to the next one once this one is done with.
    const hasNext = message.everyChannel && message.channelIndex + 1 < channels.length;
    const attempt = message.attempts + 1;
    const proof = {
      id: randomUUID(),
      messageId: message.id,
      complaintId: message.complaintId,
      channel: target.channel,
      maskedAddress: maskAddress(target.channel, target.address),
      contentHash: message.contentHash,
      templateId: message.templateId,
      templateVersion: message.templateVersion,
      attempt,
      sentAt: now,
      statusAt: now,
    };
    const adapter = this.adapters.get(target.channel);
    try {
      if (!adapter) throw new ChannelSendError(true, 'CHANNEL_NOT_CONFIGURED');
      const receipt = await adapter.send({
        to: target.address,
        subject: message.subject,
        body: this.links.expand(message.body),
        messageId: message.id,
      });
      // Before the proof is written: a receipt the provider sent already waits for this lock.
      await lockProviderMessage(tx, target.channel, receipt.providerMessageId);
      await this.writeProof(
        tx,
        { ...proof, providerMessageId: receipt.providerMessageId },
        'sent',
        null,
      );
      await tx.manager.update(
        CustomerMessage,
        { id: message.id },
        hasNext
          ? {
              channelIndex: message.channelIndex + 1,
              attempts: 0,
              nextAttemptAt: now,
              lastError: null,
              toldAt: message.toldAt ?? now,
            }
          : { status: 'told', attempts: attempt, lastError: null, toldAt: message.toldAt ?? now },
      );
      await this.proofs.applyEarlyReceipt(tx, {
        ...proof,
        providerMessageId: receipt.providerMessageId,
        deliveryStatus: 'sent',
        error: null,
      });
      if (message.kind === 'acknowledgement' && !message.toldAt) {
        tx.publish(
          createEnvelope({
            complaintId: message.complaintId,
            correlationId: message.correlationId,
            causationId: message.causationId,
            type: EVENT_TYPES.acknowledged,
            occurredAt: now,
            payload: {
              acknowledgedAt: now.toISOString(),
              channel: target.channel,
              proofId: proof.id,
            },
          }),
        );
      }
      this.logger.info({ ...log, channel: target.channel, attempt }, 'message sent');
    } catch (err) {
      if (!(err instanceof ChannelSendError)) throw err;
      const giveUp = err.permanent || attempt >= this.config.SEND_MAX_ATTEMPTS;
      await this.writeProof(
        tx,
        { ...proof, providerMessageId: null },
        giveUp ? 'bounced' : 'deferred',
        err.code,
      );
      const backoff = Math.min(this.config.SEND_RETRY_BASE_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS);
      await tx.manager.update(
        CustomerMessage,
        { id: message.id },
        giveUp
          ? {
              channelIndex: message.channelIndex + 1,
              attempts: 0,
              nextAttemptAt: now,
              lastError: err.code,
            }
          : {
              attempts: attempt,
              nextAttemptAt: new Date(now.getTime() + backoff),
              lastError: err.code,
            },
      );
      this.logger.warn(
        { ...log, channel: target.channel, attempt, code: err.code, permanent: giveUp },
        giveUp ? 'channel failed; trying the next one' : 'send failed; will retry',
      );
    }
  }

  private async toldOnAnotherChannel(tx: Transaction, messageId: string): Promise<boolean> {
    const rows: unknown[] = await tx.manager.query(
      `SELECT 1 FROM message_proof WHERE message_id = $1 AND delivery_status IN ('sent', 'delivered')
        LIMIT 1`,
      [messageId],
    );
    return rows.length > 0;
  }

  private async writeProof(
    tx: Transaction,
    proof: Record<string, unknown>,
    status: DeliveryStatus,
    error: string | null,
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO message_proof (id, message_id, complaint_id, channel, masked_address, content_hash,
         template_id, template_version, attempt, sent_at, provider_message_id, delivery_status,
         status_at, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        proof['id'],
        proof['messageId'],
        proof['complaintId'],
        proof['channel'],
        proof['maskedAddress'],
        proof['contentHash'],
        proof['templateId'],
        proof['templateVersion'],
        proof['attempt'],
        proof['sentAt'],
        proof['providerMessageId'],
        status,
        proof['statusAt'],
        error,
      ],
    );
  }
}
