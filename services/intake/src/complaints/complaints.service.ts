import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { Clock, RequestValidationException } from '@complaints/platform';
import { IntakeConfig } from '../config/intake.config';
import { Complaint } from './complaint.entity';
import { ComplaintErrors } from './complaint.errors';
import { newComplaint } from './complaint.factory';
import { complaintReceivedEvent } from './complaint-received.event';
import { acceptedView, statusView } from './complaint-views';
import { ComplaintAcceptedDto } from './dto/complaint-accepted.dto';
import { ComplaintStatusDto } from './dto/complaint-status.dto';
import { CreateComplaintDto } from './dto/create-complaint.dto';
import { IdempotencyRecords, IdempotentRequest } from './idempotency-records.repository';
import { complaintRuleProblems } from './validation/complaint-request.rules';

export interface Submission {
  complaint: ComplaintAcceptedDto;
  /** created: new; existing: this caller reference was already accepted; replayed: the Idempotency-Key's recorded answer */
  outcome: 'created' | 'existing' | 'replayed';
}

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: IntakeConfig,
    private readonly idempotency: IdempotencyRecords,
  ) {}

  /**
   * Stores the complaint and queues complaint.received in one transaction, with the
   * Idempotency-Key record when there is one. The same caller reference again is the same
   * complaint: nothing is created.
   */
  async submit(
    callerSystem: string,
    dto: CreateComplaintDto,
    idempotent?: IdempotentRequest,
  ): Promise<Submission> {
    const now = this.clock.now();
    const problems = complaintRuleProblems(dto, now);
    if (problems.length > 0) throw new RequestValidationException(problems);
    if (!idempotent) {
      const existing = await this.findByCallerReference(callerSystem, dto.externalReference);
      if (existing) return { complaint: acceptedView(existing), outcome: 'existing' };
    }
    return this.unitOfWork.run(async (tx) => {
      if (idempotent) {
        const claim = await this.idempotency.claim(tx.manager, idempotent);
        if (claim.kind === 'replay')
          return { complaint: claim.response, outcome: 'replayed' as const };
      }
      const submission = await this.store(tx, callerSystem, dto, now);
      if (idempotent) await this.idempotency.complete(tx.manager, idempotent, submission.complaint);
      return submission;
    });
  }

  async status(callerSystem: string, id: string): Promise<ComplaintStatusDto> {
    const complaint = await this.dataSource
      .getRepository(Complaint)
      .findOneBy({ id, callerSystem });
    // Another system's complaint is as absent as one that does not exist.
    if (!complaint) throw ComplaintErrors.notFound(id);
    return statusView(complaint);
  }

  async lookup(callerSystem: string, externalReference: string): Promise<ComplaintStatusDto> {
    const complaint = await this.findByCallerReference(callerSystem, externalReference);
    if (!complaint) throw ComplaintErrors.notFoundByReference();
    return statusView(complaint);
  }

  /** Inserts the complaint unless this caller reference exists (or a concurrent insert wins). */
  private async store(
    tx: Transaction,
    callerSystem: string,
    dto: CreateComplaintDto,
    receivedAt: Date,
  ): Promise<Submission> {
    const repository = tx.manager.getRepository(Complaint);
    const existing = await repository.findOneBy({
      callerSystem,
      externalReference: dto.externalReference,
    });
    if (existing) return { complaint: acceptedView(existing), outcome: 'existing' };
    const [{ seq }]: { seq: string }[] = await tx.manager.query(
      `SELECT nextval('complaint_reference_seq')::text AS seq`,
    );
    const complaint = newComplaint({
      callerSystem,
      dto,
      receivedAt,
      sequence: seq,
      decisionDays: this.config.DECISION_DAYS,
    });
    // ON CONFLICT waits for a concurrent insert of the same caller reference, then skips.
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(Complaint)
      .values(complaint)
      .orIgnore()
      .returning('id')
      .execute();
    if (inserted.raw.length === 0) {
      const winner = await repository.findOneBy({
        callerSystem,
        externalReference: dto.externalReference,
      });
      if (!winner) throw new Error('a conflicting complaint vanished');
      return { complaint: acceptedView(winner), outcome: 'existing' };
    }
    tx.publish(complaintReceivedEvent(complaint));
    return { complaint: acceptedView(complaint), outcome: 'created' };
  }

  private findByCallerReference(
    callerSystem: string,
    externalReference: string,
  ): Promise<Complaint | null> {
    return this.dataSource.getRepository(Complaint).findOneBy({ callerSystem, externalReference });
  }
}
