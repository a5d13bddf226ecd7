import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, In } from 'typeorm';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { Actor, Clock, ROOT_LOGGER } from '@complaints/platform';
import { ComplaintDepartment } from '../departments/complaint-department.entity';
import { maySeeDepartment } from '../departments/department-access';
import { CustomerMessage } from './customer-message.entity';
import { DeliveryReceiptDto } from './dto/delivery-receipt.dto';
import { MessageDto, ProofDto } from './dto/message-proof.dto';
import { MessageErrors } from './message.errors';
import { MessageProof } from './message-proof.entity';

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
   * The same receipt twice changes nothing the second time.
   */
  async receipt(channel: 'sms', dto: DeliveryReceiptDto): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const proof = await tx.manager
        .createQueryBuilder(MessageProof, 'p')
        .where('p.channel = :channel AND p.providerMessageId = :id', { channel, id: dto.messageId })
        .setLock('pessimistic_write')
        .getOne();
      if (!proof) throw MessageErrors.unknownReceipt();
      if (proof.deliveryStatus === dto.status) return;
      const at = dto.at ? new Date(dto.at) : this.clock.now();
      await tx.manager.update(
        MessageProof,
        { id: proof.id },
        {
          deliveryStatus: dto.status,
          statusAt: at,
          error: dto.status === 'delivered' ? null : `RECEIPT_${dto.status.toUpperCase()}`,
        },
      );
      if (dto.status !== 'delivered') await this.fallBack(tx, proof, at);
      this.logger.info(
        { complaintId: proof.complaintId, messageId: proof.messageId, channel, status: dto.status },
        'delivery receipt applied',
      );
    });
  }

  private async fallBack(tx: Transaction, proof: MessageProof, at: Date): Promise<void> {
    await tx.manager.query(
      `UPDATE customer_message
          SET status = 'pending', channel_index = channel_index + 1, attempts = 0,
              next_attempt_at = $2, last_error = $3
        WHERE id = $1 AND status = 'told'`,
      [proof.messageId, at, 'RECEIPT_FAILED'],
    );
  }

  /** Every message of a complaint with its proofs, for a person who may read its department. */
  async ofComplaint(complaintId: string, actor: Actor): Promise<MessageDto[]> {
    const held = await this.dataSource
      .getRepository(ComplaintDepartment)
      .findOneBy({ complaintId });
    if (!maySeeDepartment(actor, held?.department)) throw MessageErrors.notFound(complaintId);
    const messages = await this.dataSource
      .getRepository(CustomerMessage)
      .find({ where: { complaintId }, order: { createdAt: 'ASC' } });
    if (messages.length === 0) throw MessageErrors.notFound(complaintId);
    return this.withProofs(messages);
  }

  /** Complaints whose customer could not be told (every channel failed) or whose message was refused. */
  async untold(): Promise<MessageDto[]> {
    const messages = await this.dataSource.getRepository(CustomerMessage).find({
      where: { status: In(['undeliverable', 'refused']) },
      order: { createdAt: 'DESC' },
      take: UNTOLD_LIMIT,
    });
    return this.withProofs(messages);
  }

  private async withProofs(messages: CustomerMessage[]): Promise<MessageDto[]> {
    const proofs =
      messages.length === 0
        ? []
        : await this.dataSource.getRepository(MessageProof).find({
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
