import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { causedBy, createEnvelope, EVENT_TYPES, ReviewFinding } from '@complaints/contracts';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@complaints/messaging';
import { Actor, AuditTrail, Clock, ROOT_LOGGER } from '@complaints/platform';
import { RecusalService } from '../recusal/recusal.service';
import { CaseDecision } from './case-decision.entity';
import { CaseErrors } from './case.errors';
import { toDecisionDto } from './case.mapper';
import { ComplaintCase } from './complaint-case.entity';
import { CaseDecisionDto } from './dto/case-decision.dto';
import { DecideCaseDto } from './dto/decide-case.dto';
import { visibleCase } from './visible-case';

@Injectable()
export class CaseDecisionService {
  private readonly log: Logger;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly recusal: RecusalService,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'case-decision' });
  }

  /**
   * Records the decision of the current round and queues `complaint.investigated` in the same
   * transaction. The case row is locked first, as a reopening locks it, so one case's rounds
   * and events commit one after another, and two decisions of one round cannot both pass.
   * The decider is the signed-in handler the case is assigned to (recusal): a colleague of the
   * department gets CASE.NOT_ASSIGNED, a handler of another department CASE.NOT_FOUND.
   */
  async decide(
    actor: Actor,
    complaintId: string,
    dto: DecideCaseDto,
    request: FastifyRequest,
  ): Promise<CaseDecisionDto> {
    const { decision, correlationId } = await this.unitOfWork.run(async (tx) => {
      const found = await visibleCase(tx.manager, actor, complaintId, true);
      if (found.handlerId !== actor.username) throw CaseErrors.notAssigned(actor.username);
      if (found.status === 'decided') throw CaseErrors.alreadyDecided(found.round);
      await this.recusal.refuseComplainedAbout(tx.manager, actor, found, 'decide');
      const review = await this.reviewFinding(tx.manager, found, dto);

      const decidedAt = this.clock.now();
      const event = createEnvelope({
        // The routed or reopened event that started this round caused the decision.
        ...causedBy({
          eventId: found.triggerEventId,
          complaintId,
          correlationId: found.correlationId,
        }),
        type: EVENT_TYPES.investigated,
        occurredAt: decidedAt,
        payload: {
          caseId: found.id,
          handlerId: found.handlerId,
          round: found.round,
          outcome: dto.outcome,
          summary: dto.summary,
          rootCause: dto.rootCause,
          ...(dto.remedy !== undefined ? { remedy: dto.remedy } : {}),
          ...(dto.compensation !== undefined ? { compensation: { ...dto.compensation } } : {}),
          decidedAt: decidedAt.toISOString(),
          ...(found.complaint ? { complaint: found.complaint } : {}),
          ...(review ? { review } : {}),
        },
      });
      const recorded = tx.manager.create(CaseDecision, {
        id: randomUUID(),
        caseId: found.id,
        round: found.round,
        outcome: dto.outcome,
        summary: dto.summary,
        rootCause: dto.rootCause,
        remedy: dto.remedy ?? null,
        compensation: dto.compensation ? { ...dto.compensation } : null,
        decidedBy: found.handlerId,
        decidedAt,
        eventId: event.eventId,
      });
      await tx.manager.insert(CaseDecision, recorded);
      found.status = 'decided';
      found.decidedAt = decidedAt;
      await tx.manager.save(found);
      tx.publish(event);
      this.audit.record(tx, request, {
        action: 'case.decided',
        kind: 'change',
        complaintId,
        details: {
          outcome: dto.outcome,
          round: String(found.round),
          ...(review ? { reviewOutcome: review.outcome } : {}),
        },
        causedBy: causedBy(event),
      });
      return { decision: recorded, correlationId: event.correlationId };
    });
    this.log.info(
      {
        complaintId,
        correlationId,
        caseId: decision.caseId,
        round: decision.round,
        outcome: decision.outcome,
        eventId: decision.eventId,
      },
      'case decided',
    );
    return toDecisionDto(decision);
  }

  /**
   * The review's finding on a review round: the reviewer's word, else upheld when the outcome
   * is the reviewed decision's. A finding on a round that is no review is refused.
   */
  private async reviewFinding(
    manager: EntityManager,
    found: ComplaintCase,
    dto: DecideCaseDto,
  ): Promise<ReviewFinding | undefined> {
    if (!found.review) {
      if (dto.reviewOutcome !== undefined) throw CaseErrors.notAReview();
      return undefined;
    }
    const reviewed = await manager.findOneBy(CaseDecision, {
      caseId: found.id,
      round: found.review.reviewedRound,
    });
    const outcome =
      dto.reviewOutcome ?? (reviewed?.outcome === dto.outcome ? 'upheld' : 'overturned');
    return {
      outcome,
      reviewedRound: found.review.reviewedRound,
      requestedAt: found.review.requestedAt,
    };
  }
}
