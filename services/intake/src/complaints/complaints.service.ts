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
import { RepeatKeys } from './repeat-keys';
import { acceptedView, statusView } from './complaint-views';
import { ComplaintAcceptedDto } from './dto/complaint-accepted.dto';
import { ComplaintStatusDto } from './dto/complaint-status.dto';
import { CreateComplaintDto } from './dto/create-complaint.dto';
import { IdempotencyRecords, IdempotentRequest } from './idempotency-records.repository';
import { complaintRuleProblems } from './validation/complaint-request.rules';
import { BatchEntry, BatchOutcome, writeComplaintBatch } from './complaint-batch.writer';
import { Pending, SubmissionBatcher } from './submission-batcher';

/** Submissions per transaction at most. */
const MAX_BATCH = 100;
/** Batches written at once at most (each holds a pooled connection; the pool has 10). */
const MAX_IN_FLIGHT = 2;

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

  private keys?: RepeatKeys;
  private get repeatKeys(): RepeatKeys {
    return (this.keys ??= new RepeatKeys(this.config.REPEAT_KEY));
  }

  private readonly batcher = new SubmissionBatcher<BatchEntry, Submission>({
    write: (batch) => this.writeBatch(batch),
    keys: ({ callerSystem, dto, idempotent }) => [
      `r\u0000${callerSystem}\u0000${dto.externalReference}`,
      ...(idempotent ? [`k\u0000${callerSystem}\u0000${idempotent.key}`] : []),
    ],
    maxBatch: MAX_BATCH,
    maxInFlight: MAX_IN_FLIGHT,
  });

  /**
   * Stores the complaint and queues complaint.received in one transaction, with the
   * Idempotency-Key record when there is one. The same caller reference again is the same
   * complaint: nothing is created. Concurrent submissions share the transaction (group
   * commit); each gets the answer it would get alone, and resolves only once it is committed.
   */
  async submit(
    callerSystem: string,
    dto: CreateComplaintDto,
    idempotent?: IdempotentRequest,
  ): Promise<Submission> {
    const now = this.clock.now();
    const problems = complaintRuleProblems(dto, now);
    if (problems.length > 0) throw new RequestValidationException(problems);
    return this.batcher.submit({ callerSystem, dto, receivedAt: now, idempotent });
  }

  private async writeBatch(batch: Pending<BatchEntry, Submission>[]): Promise<void> {
    let outcomes: BatchOutcome[];
    try {
      outcomes = await this.unitOfWork.run((tx) =>
        writeComplaintBatch(
          tx,
          batch.map((p) => p.item),
          this.idempotency,
          this.config.DECISION_DAYS,
          this.repeatKeys,
        ),
      );
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      // The batch rolled back (a deadlock, one entry's failure): each alone, its own answer.
      await Promise.all(batch.map((p) => this.submitAlone(p.item).then(p.resolve, p.reject)));
      return;
    }
    outcomes.forEach((o, n) => ('error' in o ? batch[n].reject(o.error) : batch[n].resolve(o)));
  }

  /** One submission in its own transaction. */
  private submitAlone({
    callerSystem,
    dto,
    receivedAt,
    idempotent,
  }: BatchEntry): Promise<Submission> {
    return this.unitOfWork.run(async (tx) => {
      if (idempotent) {
        const claim = await this.idempotency.claim(tx.manager, idempotent);
        if (claim.kind === 'replay')
          return { complaint: claim.response, outcome: 'replayed' as const };
      }
      const submission = await this.store(tx, callerSystem, dto, receivedAt);
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
    tx.publish(complaintReceivedEvent(complaint, this.repeatKeys));
    return { complaint: acceptedView(complaint), outcome: 'created' };
  }

  private findByCallerReference(
    callerSystem: string,
    externalReference: string,
  ): Promise<Complaint | null> {
    return this.dataSource.getRepository(Complaint).findOneBy({ callerSystem, externalReference });
  }
}
