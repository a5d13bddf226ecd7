import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, EntityManager, In } from 'typeorm';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { Actor, Clock, ROOT_LOGGER } from '@complaints/platform';
import { ComplaintDepartment } from '../departments/complaint-department.entity';
import { maySeeDepartment } from '../departments/department-access';
import { CustomerMessage } from './customer-message.entity';
import { DeliveryReceiptDto, ReceiptStatus } from './dto/delivery-receipt.dto';
import { MessageDto, ProofDto } from './dto/message-proof.dto';
import { MessageErrors } from './message.errors';
import { MessageProof } from './message-proof.entity';

/** A held receipt whose send never got recorded is dropped after a day. */
const EARLY_RECEIPT_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Serialises a receipt with the send it names (transaction-scoped advisory lock on the
 * provider's id): the sender takes it before writing the proof, the receipt before looking.
 */
export async function lockProviderMessage(
  tx: Transaction,
  channel: string,
  providerMessageId: string,
): Promise<void> {
  await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `receipt:${channel}:${providerMessageId}`,
  ]);
}

/** Messages whose customer was not told, listed at most per request. */
const UNTOLD_LIMIT = 200;

/** Proof of notification: reading it, and the providers' delivery receipts that complete it. */
@Injectable()
export class MessageProofs {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Applies a receipt to the proof of the send it names. A failure or bounce after the
   * provider had accepted it puts the message back to be sent on the customer's next channel.
   * The same receipt twice changes nothing the second time. A receipt for a send not committed
   * yet (gateways call back as soon as they answer the send, before the sender's transaction
   * ends) is held and applied when the proof is written: `held`.
   */
  receipt(channel: 'sms', dto: DeliveryReceiptDto): Promise<'applied' | 'held'> {
    return this.unitOfWork.run(async (tx) => {
      // The sender takes the same lock before writing a proof with a provider id: either the
      // proof is committed and found here, or this receipt is held before the sender looks.
      await lockProviderMessage(tx, channel, dto.messageId);
      const proof = await tx.manager
        .createQueryBuilder(MessageProof, 'p')
        .where('p.channel = :channel AND p.providerMessageId = :id', { channel, id: dto.messageId })
        .setLock('pessimistic_write')
        .getOne();
      const at = dto.at ? new Date(dto.at) : this.clock.now();
      if (!proof) {
        const now = this.clock.now();
        await tx.manager.query(`DELETE FROM early_receipt WHERE received_at < $1`, [
          new Date(now.getTime() - EARLY_RECEIPT_KEPT_MS),
        ]);
        await tx.manager.query(
          `INSERT INTO early_receipt (channel, provider_message_id, status, status_at, received_at)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT ON CONSTRAINT pk_early_receipt
             DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at`,
          [channel, dto.messageId, dto.status, at, now],
        );
        this.logger.info(
          { channel, status: dto.status },
          'delivery receipt held: its send is not recorded yet',
        );
        return 'held';
      }
      await this.apply(tx, proof, channel, dto.status, at);
      return 'applied';
    });
  }

  /**
   * In the sender's transaction, once it wrote the proof of a send the provider accepted as
   * `providerMessageId` (with lockProviderMessage held): the receipt that came first, if any.
   */
  async applyEarlyReceipt(tx: Transaction, proof: MessageProof): Promise<void> {
    if (!proof.providerMessageId) return;
    const rows: { status: ReceiptStatus; status_at: Date }[] = await tx.manager.query(
      // As a SELECT: TypeORM answers a bare DELETE with [rows, count].
      `WITH taken AS (
         DELETE FROM early_receipt WHERE channel = $1 AND provider_message_id = $2
         RETURNING status, status_at)
       SELECT status, status_at FROM taken`,
      [proof.channel, proof.providerMessageId],
    );
    const early = rows[0];
    if (early) await this.apply(tx, proof, proof.channel, early.status, early.status_at);
  }

  private async apply(
    tx: Transaction,
    proof: MessageProof,
    channel: string,
    status: ReceiptStatus,
    at: Date,
  ): Promise<void> {
    if (proof.deliveryStatus === status) return;
    await tx.manager.update(
      MessageProof,
      { id: proof.id },
      {
        deliveryStatus: status,
        statusAt: at,
        error: status === 'delivered' ? null : `RECEIPT_${status.toUpperCase()}`,
      },
    );
    if (status !== 'delivered') await this.fallBack(tx, proof, at);
    this.logger.info(
      { complaintId: proof.complaintId, messageId: proof.messageId, channel, status },
      'delivery receipt applied',
    );
  }

  /**
   * A message the receipt says did not arrive goes on to the customer's next channel. A letter
   * sent on every channel that another channel took is told already: nothing to resend.
   */
  private async fallBack(tx: Transaction, proof: MessageProof, at: Date): Promise<void> {
    await tx.manager.query(
      `UPDATE customer_message m
          SET status = 'pending', channel_index = channel_index + 1, attempts = 0,
              next_attempt_at = $2, last_error = $3
        WHERE m.id = $1 AND m.status = 'told'
          AND NOT (m.every_channel AND EXISTS (
            SELECT 1 FROM message_proof q
             WHERE q.message_id = m.id AND q.id <> $4 AND q.delivery_status IN ('sent', 'delivered')))`,
      [proof.messageId, at, 'RECEIPT_FAILED', proof.id],
    );
  }

  /** Every message of a complaint with its proofs, for a person who may read its department. */
  async ofComplaint(complaintId: string, actor: Actor): Promise<MessageDto[]> {
    const held = await this.dataSource
      .getRepository(ComplaintDepartment)
      .findOneBy({ complaintId });
    if (!maySeeDepartment(actor, held?.department)) throw MessageErrors.notFound(complaintId);
    // One snapshot for the messages and their proofs: read apart, a send committed between the
    // two reads showed a message still pending beside its delivered proof.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const messages = await manager
        .getRepository(CustomerMessage)
        .find({ where: { complaintId }, order: { createdAt: 'ASC' } });
      if (messages.length === 0) throw MessageErrors.notFound(complaintId);
      return this.withProofs(manager, messages);
    });
  }

  /** Complaints whose customer could not be told (every channel failed) or whose message was refused. */
  async untold(): Promise<MessageDto[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const messages = await manager.getRepository(CustomerMessage).find({
        where: { status: In(['undeliverable', 'refused']) },
        order: { createdAt: 'DESC' },
        take: UNTOLD_LIMIT,
      });
      return this.withProofs(manager, messages);
    });
  }

  private async withProofs(
    manager: EntityManager,
    messages: CustomerMessage[],
  ): Promise<MessageDto[]> {
    const proofs =
      messages.length === 0
        ? []
        : await manager.getRepository(MessageProof).find({
            where: { messageId: In(messages.map((m) => m.id)) },
            order: { sentAt: 'ASC', attempt: 'ASC' },
          });
    return messages.map((m) => ({
      id: m.id,
      complaintId: m.complaintId,
      kind: m.kind,
      status: m.status,
      templateId: m.templateId,
      templateVersion: m.templateVersion,
      contentHash: m.contentHash,
      ...(m.lastError ? { lastError: m.lastError } : {}),
      createdAt: m.createdAt.toISOString(),
      ...(m.toldAt ? { toldAt: m.toldAt.toISOString() } : {}),
      proofs: proofs.filter((p) => p.messageId === m.id).map(toProofDto),
    }));
  }
}

function toProofDto(p: MessageProof): ProofDto {
  return {
    id: p.id,
    channel: p.channel,
    maskedAddress: p.maskedAddress,
    contentHash: p.contentHash,
    templateId: p.templateId,
    templateVersion: p.templateVersion,
    attempt: p.attempt,
    sentAt: p.sentAt.toISOString(),
    ...(p.providerMessageId ? { providerMessageId: p.providerMessageId } : {}),
    deliveryStatus: p.deliveryStatus,
    statusAt: p.statusAt.toISOString(),
    ...(p.error ? { error: p.error } : {}),
  };
}
