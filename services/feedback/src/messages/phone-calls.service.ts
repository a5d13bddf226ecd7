import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { FastifyRequest } from 'fastify';
import { createEnvelope, EVENT_TYPES } from '@complaints/contracts';
import { UnitOfWork } from '@complaints/messaging';
import { Actor, AuditTrail, Clock } from '@complaints/platform';
import { ComplaintDepartment } from '../departments/complaint-department.entity';
import { maySeeDepartment } from '../departments/department-access';
import { CustomerContact } from './customer-contact.entity';
import { CustomerMessage } from './customer-message.entity';
import { RecordCallDto } from './dto/record-call.dto';
import { maskPhone } from './message-address';
import { MessageErrors } from './message.errors';
import { MessageProof } from './message-proof.entity';

/** What a call's outcome means for the proof of notification. */
const CALL_STATUS = { reached: 'delivered', no_answer: 'failed', wrong_number: 'bounced' } as const;

/**
 * A call made to tell the customer, recorded by the person who made it (the token's subject):
 * one proof row on the phone channel. A call that reached the customer tells them: the message
 * is told, and an acknowledgement told this way for the first time publishes
 * complaints.acknowledged.v1 (channel phone). Audited as message.call-recorded.
 */
@Injectable()
export class PhoneCalls {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async record(complaintId: string, dto: RecordCallDto, actor: Actor, request: FastifyRequest) {
    const calledAt = new Date(dto.calledAt);
    const now = this.clock.now();
    if (calledAt.getTime() > now.getTime()) throw MessageErrors.callInFuture();
    return this.unitOfWork.run(async (tx) => {
      const held = await tx.manager.findOneBy(ComplaintDepartment, { complaintId });
      if (!maySeeDepartment(actor, held?.department)) throw MessageErrors.notFound(complaintId);
      const message = await tx.manager
        .createQueryBuilder(CustomerMessage, 'm')
        .where('m.complaintId = :complaintId AND m.kind = :kind', { complaintId, kind: dto.kind })
        .andWhere("m.status <> 'refused'")
        .orderBy('m.createdAt', 'DESC')
        .limit(1)
        .setLock('pessimistic_write')
        .getOne();
      if (!message) throw MessageErrors.notFound(complaintId);
      const contact = await tx.manager.findOneBy(CustomerContact, { complaintId });
      const attempts = await tx.manager.countBy(MessageProof, {
        messageId: message.id,
        channel: 'phone',
      });
      const proofId = randomUUID();
      await tx.manager.insert(MessageProof, {
        id: proofId,
        messageId: message.id,
        complaintId,
        channel: 'phone',
        maskedAddress: contact?.phone ? maskPhone(contact.phone) : 'unknown',
        contentHash: message.contentHash,
        templateId: message.templateId,
        templateVersion: message.templateVersion,
        attempt: attempts + 1,
        sentAt: calledAt,
        providerMessageId: null,
        deliveryStatus: CALL_STATUS[dto.outcome],
        statusAt: now,
        error: dto.outcome === 'reached' ? null : `CALL_${dto.outcome.toUpperCase()}`,
      });
      if (dto.outcome === 'reached') {
        await tx.manager.update(
          CustomerMessage,
          { id: message.id },
          { status: 'told', toldAt: message.toldAt ?? calledAt },
        );
        if (message.kind === 'acknowledgement' && !message.toldAt) {
          tx.publish(
            createEnvelope({
              complaintId,
              correlationId: message.correlationId,
              causationId: message.causationId,
              type: EVENT_TYPES.acknowledged,
              occurredAt: now,
              payload: { acknowledgedAt: calledAt.toISOString(), channel: 'phone', proofId },
            }),
          );
        }
      }
      this.audit.record(tx, request, {
        action: 'message.call-recorded',
        kind: 'change',
        complaintId,
        details: { kind: dto.kind, outcome: dto.outcome, proofId },
      });
      return { proofId, deliveryStatus: CALL_STATUS[dto.outcome] };
    });
  }
}
