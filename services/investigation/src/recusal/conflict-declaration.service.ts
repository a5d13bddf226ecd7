import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { UnitOfWork } from '@complaints/messaging';
import { Actor, actingPerson, AuditTrail, Clock, ROOT_LOGGER } from '@complaints/platform';
import { assignedEvent } from '../cases/assigned-event';
import { CaseAssignmentService } from '../cases/case-assignment.service';
import { CaseErrors } from '../cases/case.errors';
import { toCaseDto } from '../cases/case.mapper';
import { CaseDto } from '../cases/dto/case.dto';
import { visibleCase } from '../cases/visible-case';
import { CaseRecusal } from './case-recusal.entity';
import { DeclareConflictDto } from './dto/declare-conflict.dto';
import { RecusalErrors } from './recusal.errors';
import { RecusalService } from './recusal.service';

/**
 * The handler holding a case declares a conflict of interest: they are recused from it for
 * good (case_recusal), and it goes to the least loaded colleague who may hold it, in one
 * transaction with complaints.assigned.v1 (conflictOfInterest) and the audit entry.
 */
@Injectable()
export class ConflictDeclarationService {
  private readonly log: Logger;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly assignment: CaseAssignmentService,
    private readonly recusal: RecusalService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'conflict-declaration' });
  }

  async declare(
    actor: Actor,
    complaintId: string,
    dto: DeclareConflictDto,
    request: FastifyRequest,
  ): Promise<CaseDto> {
    const { moved, previous, eventId } = await this.unitOfWork.run(async (tx) => {
      const found = await visibleCase(tx.manager, actor, complaintId, true);
      if (found.handlerId !== actor.username) throw CaseErrors.notAssigned(actor.username);
      if (found.status === 'decided') throw CaseErrors.alreadyDecided(found.round);
      if (await tx.manager.existsBy(CaseRecusal, { complaintId, handlerId: actor.username }))
        throw RecusalErrors.alreadyDeclared(actor.username);
      const now = this.clock.now();
      const excluded = new Set(
        (await this.recusal.excluded(tx.manager, found, found.review !== null)).keys(),
      );
      excluded.add(actor.username);
      const next = await this.assignment.tryAssign(
        tx.manager,
        found.department,
        undefined,
        excluded,
      );
      if (!next) throw RecusalErrors.noneLeft(found.department);
      await tx.manager.insert(CaseRecusal, {
        id: randomUUID(),
        complaintId,
        handlerId: actor.username,
        reason: dto.reason,
        declaredAt: now,
      });
      const before = { handlerId: found.handlerId, department: found.department };
      found.handlerId = next.handlerId;
      found.department = next.department;
      await tx.manager.save(found);
      const event = assignedEvent(
        { complaintId, correlationId: found.correlationId, causationId: found.triggerEventId },
        found,
        now,
        {
          cause: 'reassigned',
          previous: before,
          reason: dto.reason,
          assignedBy: actingPerson(actor),
          conflictOfInterest: true,
        },
      );
      tx.publish(event);
      this.audit.record(tx, request, {
        action: 'case.conflict-declared',
        kind: 'change',
        complaintId,
        details: {
          handlerId: next.handlerId,
          department: next.department,
          previousHandlerId: before.handlerId,
          reason: dto.reason,
        },
        causedBy: { complaintId, correlationId: event.correlationId, causationId: event.eventId },
      });
      return { moved: found, previous: before, eventId: event.eventId };
    });
    this.log.info(
      {
        complaintId,
        correlationId: moved.correlationId,
        eventId,
        caseId: moved.id,
        handlerId: moved.handlerId,
        previousHandlerId: previous.handlerId,
      },
      'conflict of interest declared; case reassigned',
    );
    return toCaseDto(moved);
  }
}
