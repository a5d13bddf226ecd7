import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import {
  causedBy,
  CausationLink,
  ClosureResolution,
  createEnvelope,
  EVENT_TYPES,
  ReviewRequestChannel,
} from '@complaints/contracts';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { AuditTrail, Clock, ROOT_LOGGER } from '@complaints/platform';
import { FeedbackConfig } from '../config/feedback.config';
import { notificationProofs } from '../messages/notification-proofs';
import { Response } from '../responses/response.entity';
import { ReviewRequests } from '../reviews/review-requests.service';
import { ReviewErrors } from '../reviews/review.errors';
import { FeedbackResultDto } from './dto/feedback-result.dto';
import { SubmitFeedbackDto } from './dto/submit-feedback.dto';
import { decideAfterFeedback } from './feedback-decision';
import { FeedbackErrors } from './feedback.errors';
import { Survey } from './survey.entity';

const DISSATISFIED_REASON = 'customer dissatisfied';
const REVIEW_REASON = 'internal review requested';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The customer's answer to the survey, however it reached us. */
export interface SurveyAnswer {
  /** 1..5 */
  rating: number;
  solved: boolean;
  comment?: string;
  /** The letter's round the answer is for (a relayed answer names it); any other is refused. */
  round?: number;
  /** The customer asks for internal review of the decision (within REVIEW_REQUEST_DAYS). */
  reviewRequested?: boolean;
  /** Through what the answer came: an officer's record unless said otherwise. */
  through?: ReviewRequestChannel;
}

@Injectable()
export class FeedbackService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly config: FeedbackConfig,
    private readonly audit: AuditTrail,
    private readonly reviews: ReviewRequests,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * A complaints officer records the answer the customer gave by phone or letter: applied as
   * any answer, with the audit entry `feedback.recorded` in the same transaction.
   */
  async record(
    complaintId: string,
    dto: SubmitFeedbackDto,
    request: FastifyRequest,
  ): Promise<FeedbackResultDto> {
    return this.unitOfWork.run(async (tx) => {
      const result = await this.apply(tx, complaintId, { ...dto, through: 'officer' });
      this.audit.record(tx, request, {
        action: 'feedback.recorded',
        kind: 'change',
        complaintId,
        // Rating and what it led to; the comment may name people, so it stays out.
        details: {
          round: String(result.round),
          rating: String(dto.rating),
          solved: String(dto.solved),
          ...(dto.reviewRequested ? { reviewRequested: 'true' } : {}),
          status: result.status,
          ...(result.resolution ? { resolution: result.resolution } : {}),
        },
      });
      return result;
    });
  }

  /**
   * Applies the survey answer in the caller's transaction: feedback-received, then closed or
   * reopened, under the response's row lock, so two answers (or an answer and the sweep) for
   * one complaint never interleave. Throws FeedbackErrors, before writing anything, when the
   * answer can no longer be applied. The events continue the letter's chain of causes.
   */
  async apply(
    tx: Transaction,
    complaintId: string,
    answer: SurveyAnswer,
  ): Promise<FeedbackResultDto> {
    const now = this.clock.now();
    const response = await this.latestLocked(tx, complaintId);
    if (!response) throw FeedbackErrors.noResponse(complaintId);
    // An answer to an earlier letter never lands on a later one (nor on one not yet written).
    if (answer.round !== undefined && answer.round !== response.round) {
      throw FeedbackErrors.noResponse(complaintId);
    }
    // A dissatisfied customer who answered may still ask for the review within its period.
    const reviewOnly = answer.reviewRequested === true && response.status === 'awaiting_officer';
    if (!reviewOnly && (response.status !== 'awaiting_feedback' || response.surveyDueAt <= now)) {
      if (await tx.manager.existsBy(Survey, { responseId: response.id })) {
        throw FeedbackErrors.alreadyGiven(complaintId, response.round);
      }
      // Closed unanswered, or its window has ended and the sweep is about to close it.
      throw FeedbackErrors.noResponse(complaintId);
    }
    if (answer.reviewRequested) await this.reviews.check(tx, response, now);
    const result = { complaintId, responseId: response.id, round: response.round };
    if (reviewOnly) {
      const reopened = await this.reviews.grant(
        tx,
        response,
        chainOf(response),
        now,
        answer.through ?? 'officer',
        answer.comment ?? REVIEW_REASON,
      );
      this.logger.info(
        { complaintId, correlationId: response.correlationId, eventId: reopened.eventId },
        'internal review requested; complaint reopened for review',
      );
      return { ...result, status: 'reopened', reopenCount: reopened.payload.reopenCount };
    }

    await tx.manager.insert(Survey, {
      id: randomUUID(),
      responseId: response.id,
      complaintId,
      round: response.round,
      rating: answer.rating,
      solved: answer.solved,
      comment: answer.comment ?? null,
      receivedAt: now,
    });
    const feedback = createEnvelope({
      ...chainOf(response),
      type: EVENT_TYPES.feedbackReceived,
      occurredAt: now,
      payload: {
        responseId: response.id,
        rating: answer.rating,
        solved: answer.solved,
        ...(answer.comment ? { comment: answer.comment } : {}),
        receivedAt: now.toISOString(),
      },
    });
    tx.publish(feedback);

    const decision = decideAfterFeedback(
      { rating: answer.rating, solved: answer.solved, reopenCount: response.reopenCount },
      {
        satisfiedMinRating: this.config.SATISFIED_MIN_RATING,
        maxReopens: this.config.MAX_REOPENS,
      },
    );
    const log = {
      complaintId,
      correlationId: response.correlationId,
      eventId: feedback.eventId,
      round: response.round,
    };
    if (answer.reviewRequested) {
      const reopened = await this.reviews.grant(
        tx,
        response,
        causedBy(feedback),
        now,
        answer.through ?? 'officer',
        answer.comment ?? REVIEW_REASON,
      );
      this.logger.info(
        { ...log, reopenCount: reopened.payload.reopenCount },
        'feedback received; complaint reopened for internal review',
      );
      return { ...result, status: 'reopened', reopenCount: reopened.payload.reopenCount };
    }
    if (decision.kind === 'reopen') {
      // Not reopened by itself: the complaints officer chooses (POST .../reopen), else it closes
      // as escalated once the review period has ended.
      await tx.manager.update(Response, { id: response.id }, { status: 'awaiting_officer' });
      this.logger.info(log, 'feedback received; dissatisfied answer awaits the officer');
      return { ...result, status: 'awaiting_officer' };
    }
    await this.close(tx, response, decision.resolution, causedBy(feedback), now);
    this.logger.info(
      { ...log, resolution: decision.resolution },
      'feedback received; complaint closed',
    );
    return { ...result, status: 'closed', resolution: decision.resolution };
  }

  /** The complaint's latest response, row-locked (answers and the sweep take the same lock). */
  latestLocked(tx: Transaction, complaintId: string): Promise<Response | null> {
    return tx.manager
      .createQueryBuilder(Response, 'r')
      .where('r.complaintId = :complaintId', { complaintId })
      .orderBy('r.round', 'DESC')
      .limit(1)
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * The complaints officer reopens a complaint whose customer was dissatisfied (and asked for
   * no review): back to investigation, the handler who decided keeping it while active.
   */
  async reopenByOfficer(
    complaintId: string,
    reason: string,
    request: FastifyRequest,
  ): Promise<FeedbackResultDto> {
    return this.unitOfWork.run(async (tx) => {
      const response = await this.latestLocked(tx, complaintId);
      if (!response || response.status !== 'awaiting_officer')
        throw ReviewErrors.notAwaitingOfficer(complaintId);
      const now = this.clock.now();
      await tx.manager.update(Response, { id: response.id }, { status: 'feedback_received' });
      const reopened = createEnvelope({
        ...chainOf(response),
        type: EVENT_TYPES.reopened,
        occurredAt: now,
        payload: {
          reason: reason || DISSATISFIED_REASON,
          reopenCount: response.reopenCount + 1,
          reopenedAt: now.toISOString(),
        },
      });
      tx.publish(reopened);
      this.audit.record(tx, request, {
        action: 'feedback.reopened',
        kind: 'change',
        complaintId,
        details: { round: String(response.round), reason },
        causedBy: causedBy(reopened),
      });
      return {
        complaintId,
        responseId: response.id,
        round: response.round,
        status: 'reopened',
        reopenCount: reopened.payload.reopenCount,
      };
    });
  }

  /**
   * Closes, as no_feedback, up to `batch` responses whose survey window ended by `now`, in one
   * transaction. Rows another instance (or a survey answer) holds are skipped, not waited for.
   * Returns how many it closed.
   */
  async closeUnanswered(now: Date, batch: number): Promise<number> {
    return this.unitOfWork.run(async (tx) => {
      const due = await tx.manager
        .createQueryBuilder(Response, 'r')
        .where('r.status = :status', { status: 'awaiting_feedback' })
        .andWhere('r.surveyDueAt <= :now', { now })
        .orderBy('r.surveyDueAt', 'ASC')
        .limit(batch)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      // Dissatisfied answers nobody reopened, once the review period has ended: escalated.
      const lapsed = await tx.manager
        .createQueryBuilder(Response, 'r')
        .where('r.status = :status', { status: 'awaiting_officer' })
        .andWhere('r.sentAt <= :before', {
          before: new Date(now.getTime() - this.config.REVIEW_REQUEST_DAYS * DAY_MS),
        })
        .orderBy('r.sentAt', 'ASC')
        .limit(batch)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const response of lapsed)
        await this.close(tx, response, 'escalated', chainOf(response), now);
      for (const response of due) {
        await this.close(tx, response, 'no_feedback', chainOf(response), now);
        this.logger.info(
          {
            complaintId: response.complaintId,
            correlationId: response.correlationId,
            round: response.round,
          },
          'survey window ended without feedback; complaint closed',
        );
      }
      return due.length + lapsed.length;
    });
  }

  private async close(
    tx: Transaction,
    response: Response,
    resolution: ClosureResolution,
    cause: CausationLink,
    now: Date,
  ): Promise<void> {
    await tx.manager.update(Response, { id: response.id }, { status: 'closed' });
    // The proof of every message so far goes with the closure, for the sealed record.
    const messageProofs = await notificationProofs(tx, response.complaintId);
    tx.publish(
      createEnvelope({
        ...cause,
        type: EVENT_TYPES.closed,
        occurredAt: now,
        payload: {
          closedAt: now.toISOString(),
          resolution,
          finalOutcome: response.outcome,
          ...(messageProofs.length > 0 ? { messageProofs } : {}),
        },
      }),
    );
  }
}

/** Events the customer or the timer starts continue the chain of the response they follow. */
function chainOf(response: Response): CausationLink {
  return {
    complaintId: response.complaintId,
    correlationId: response.correlationId,
    causationId: response.respondedEventId,
  };
}
