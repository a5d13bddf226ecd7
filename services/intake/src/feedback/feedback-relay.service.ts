import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { causedBy, LifecycleStage } from '@complaints/contracts';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { AuditTrail, Clock } from '@complaints/platform';
import { Complaint } from '../complaints/complaint.entity';
import { ComplaintErrors } from '../complaints/complaint.errors';
import { FeedbackAcceptedDto } from './dto/feedback-accepted.dto';
import { SubmitFeedbackDto } from './dto/submit-feedback.dto';
import { FeedbackErrors } from './feedback.errors';
import { FeedbackRelay } from './feedback-relay.entity';
import { feedbackSubmittedEvent } from './feedback-submitted.event';

/** Days after the decision letter within which a customer may ask for internal review. */
const REVIEW_REQUEST_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface FeedbackSubmission {
  callerSystem: string;
  complaintId: string;
  dto: SubmitFeedbackDto;
  /** SHA-256 (hex) of the body in canonical JSON */
  requestHash: string;
  idempotencyKey?: string;
}

export interface RelayOutcome {
  accepted: FeedbackAcceptedDto;
  /** The same Idempotency-Key and body again: the first answer, nothing published. */
  replayed: boolean;
}

/**
 * Relays a calling system's survey answer to feedback: once per response round, only while
 * intake's status view says the response awaits it. The relay row, the event and its audit
 * entry commit together (the outbox) or not at all.
 */
@Injectable()
export class FeedbackRelayService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  relay(submission: FeedbackSubmission, request: FastifyRequest): Promise<RelayOutcome> {
    return this.unitOfWork.run(async (tx) => {
      const { callerSystem, complaintId } = submission;
      // The row lock makes two concurrent answers for one round wait: exactly one is relayed.
      const complaint = await tx.manager.findOne(Complaint, {
        where: { id: complaintId, callerSystem },
        lock: { mode: 'pessimistic_write' },
      });
      // Another system's complaint is as absent as one that does not exist.
      if (!complaint) throw ComplaintErrors.notFound(complaintId);
      const round = complaint.stageTimes.responded;
      const prior = round
        ? await tx.manager.findOneBy(FeedbackRelay, { complaintId, respondedAt: new Date(round) })
        : null;
      if (prior) {
        const replayed = replays(prior, submission, complaint.status);
        return { accepted: acceptedView(complaint, prior), replayed };
      }
      if (complaint.status !== 'responded' || !round)
        throw FeedbackErrors.notAwaited(complaint.status);
      const sentAt = new Date(round);
      if (
        submission.dto.reviewRequested &&
        this.clock.now().getTime() > sentAt.getTime() + REVIEW_REQUEST_DAYS * DAY_MS
      )
        throw FeedbackErrors.reviewTooLate(sentAt, REVIEW_REQUEST_DAYS);
      const relayed = this.publish(
        tx,
        request,
        submission,
        new Date(round),
        complaint.respondedRound,
      );
      await tx.manager.insert(FeedbackRelay, relayed);
      return { accepted: acceptedView(complaint, relayed), replayed: false };
    });
  }

  private publish(
    tx: Transaction,
    request: FastifyRequest,
    s: FeedbackSubmission,
    respondedAt: Date,
    letterRound: number | null,
  ): FeedbackRelay {
    const submittedAt = this.clock.now();
    const event = feedbackSubmittedEvent(
      s.complaintId,
      s.dto,
      s.callerSystem,
      submittedAt,
      letterRound,
    );
    tx.publish(event);
    this.audit.record(tx, request, {
      action: 'feedback.relayed',
      kind: 'change',
      complaintId: s.complaintId,
      callerSystem: s.callerSystem,
      details: {
        rating: String(s.dto.rating),
        solved: String(s.dto.solved),
        ...(s.dto.reviewRequested ? { reviewRequested: 'true' } : {}),
      },
      causedBy: causedBy(event),
    });
    return Object.assign(new FeedbackRelay(), {
      complaintId: s.complaintId,
      respondedAt,
      callerSystem: s.callerSystem,
      idempotencyKey: s.idempotencyKey ?? null,
      requestHash: s.requestHash,
      eventId: event.eventId,
      submittedAt,
    });
  }
}

/**
 * The latest round's answer known to intake was relayed already: the same Idempotency-Key with
 * the same body is a retry (true); the same key with another body is a misuse (409
 * IDEMPOTENCY.KEY_REUSED). Anything else is a second answer to that round (409
 * FEEDBACK.ALREADY_SUBMITTED) while it still awaits one; once the complaint has moved on
 * (reopened, or a new letter intake's view has not seen yet) nothing awaits an answer (409
 * FEEDBACK.NOT_AWAITED, retry later), so a caller never mistakes a new round for an answered one.
 */
function replays(prior: FeedbackRelay, s: FeedbackSubmission, status: LifecycleStage): true {
  const awaiting = status === 'responded';
  if (s.idempotencyKey === undefined || prior.idempotencyKey !== s.idempotencyKey) {
    if (!awaiting) throw FeedbackErrors.notAwaited(status);
    throw FeedbackErrors.alreadySubmitted();
  }
  if (prior.requestHash !== s.requestHash) throw ComplaintErrors.idempotencyKeyReused();
  return true;
}

function acceptedView(complaint: Complaint, relay: FeedbackRelay): FeedbackAcceptedDto {
  return {
    complaintId: complaint.id,
    referenceNumber: complaint.referenceNumber,
    submittedAt: relay.submittedAt.toISOString(),
    statusUrl: `/v1/complaints/${complaint.id}`,
  };
}
