import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { createEnvelope, EVENT_TYPES } from '@complaints/contracts';
import { UnitOfWork } from '@complaints/messaging';
import { Clock } from '@complaints/platform';
import { IntakeConfig } from '../config/intake.config';
import { Complaint } from './complaint.entity';
import { ComplaintErrors } from './complaint.errors';
import { CreateComplaintDto } from './dto/create-complaint.dto';
import { ComplaintAcceptedDto, ComplaintStatusDto } from './dto/complaint-status.dto';
import { detectLanguage } from './language';

const DAY_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: IntakeConfig,
  ) {}

  /**
   * Stores the complaint and queues `complaint.received` in one transaction. The same
   * caller reference again returns the complaint already stored and creates nothing.
   */
  async submit(dto: CreateComplaintDto): Promise<{ complaint: ComplaintAcceptedDto; created: boolean }> {
    const existing = await this.findByCallerReference(dto.callerSystem, dto.externalReference);
    if (existing) return { complaint: accepted(existing), created: false };

    const receivedAt = this.clock.now();
    const outcome = await this.unitOfWork.run(async (tx) => {
      const [{ seq }] = await tx.manager.query(`SELECT nextval('complaint_reference_seq')::text AS seq`);
      const complaint = tx.manager.create(Complaint, {
        id: randomUUID(),
        referenceNumber: `CMP-${receivedAt.getUTCFullYear()}-${seq.padStart(7, '0')}`,
        callerSystem: dto.callerSystem,
        externalReference: dto.externalReference,
        channel: dto.channel,
        productLine: dto.productLine,
        language: dto.language ?? detectLanguage(dto.subject, dto.description),
        subject: dto.subject,
        description: dto.description,
        desiredOutcome: dto.desiredOutcome ?? null,
        customer: { ...dto.customer },
        complainedAbout: dto.complainedAbout ? { ...dto.complainedAbout } : null,
        policyNumber: dto.policyNumber ?? null,
        incidentOccurredAt: dto.incidentOccurredAt ? new Date(dto.incidentOccurredAt) : null,
        attachments: (dto.attachments ?? []).map((a) => ({ ...a })),
        receivedAt,
        status: 'received',
        stageTimes: { received: receivedAt.toISOString() },
        department: null,
        decisionDueAt: new Date(receivedAt.getTime() + this.config.DECISION_DAYS * DAY_MS),
        statusChangedAt: receivedAt,
      });
      const inserted = await tx.manager
        .createQueryBuilder()
        .insert()
        .into(Complaint)
        .values(complaint)
        .orIgnore()
        .returning('id')
        .execute();
      // A concurrent request with the same caller reference won: nothing to publish.
      if (inserted.raw.length === 0) return undefined;
      tx.publish(
        createEnvelope({
          type: EVENT_TYPES.received,
          complaintId: complaint.id,
          producer: 'intake',
          occurredAt: receivedAt,
          payload: {
            referenceNumber: complaint.referenceNumber,
            channel: complaint.channel,
            callerSystem: complaint.callerSystem,
            externalReference: complaint.externalReference,
            customer: stripEmpty(complaint.customer),
            ...(complaint.complainedAbout ? { complainedAbout: stripEmpty(complaint.complainedAbout) } : {}),
            ...(complaint.policyNumber ? { policyNumber: complaint.policyNumber } : {}),
            productLine: complaint.productLine,
            subject: complaint.subject,
            description: complaint.description,
            ...(complaint.desiredOutcome ? { desiredOutcome: complaint.desiredOutcome } : {}),
            ...(complaint.incidentOccurredAt ? { incidentOccurredAt: complaint.incidentOccurredAt.toISOString() } : {}),
            language: complaint.language,
            attachments: complaint.attachments,
            receivedAt: receivedAt.toISOString(),
          },
        }),
      );
      return complaint;
    });
    if (outcome) return { complaint: accepted(outcome), created: true };
    const winner = await this.findByCallerReference(dto.callerSystem, dto.externalReference);
    if (!winner) throw new Error('a conflicting complaint vanished');
    return { complaint: accepted(winner), created: false };
  }

  async status(id: string): Promise<ComplaintStatusDto> {
    const complaint = await this.dataSource.getRepository(Complaint).findOneBy({ id });
    if (!complaint) throw ComplaintErrors.notFound(id);
    return {
      ...accepted(complaint),
      externalReference: complaint.externalReference,
      ...(complaint.department ? { department: complaint.department } : {}),
      stageTimes: complaint.stageTimes,
    };
  }

  private findByCallerReference(callerSystem: string, externalReference: string): Promise<Complaint | null> {
    return this.dataSource.getRepository(Complaint).findOneBy({ callerSystem, externalReference });
  }
}

function accepted(c: Complaint): ComplaintAcceptedDto {
  return {
    id: c.id,
    referenceNumber: c.referenceNumber,
    status: c.status,
    receivedAt: c.receivedAt.toISOString(),
    decisionDueAt: c.decisionDueAt.toISOString(),
  };
}

/** Contracts treat optional as absent, never null or empty. */
function stripEmpty<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}
