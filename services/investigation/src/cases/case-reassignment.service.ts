import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { UnitOfWork } from '@complaints/messaging';
import { Actor, actingPerson, AuditTrail, Clock, ROOT_LOGGER } from '@complaints/platform';
import { CaseBreach } from '../deadline/case-breach.entity';
import { RecusalErrors } from '../recusal/recusal.errors';
import { RecusalService } from '../recusal/recusal.service';
import { assignedEvent } from './assigned-event';
import { hasRole } from './case-access.policy';
import { CaseErrors } from './case.errors';
import { toCaseDto } from './case.mapper';
import { ComplaintCase } from './complaint-case.entity';
import { CaseDto } from './dto/case.dto';
import { ReassignCaseDto } from './dto/reassign-case.dto';
import { Handler } from './handler.entity';
import { visibleCase } from './visible-case';

/**
 * A supervisor gives a case of their department to another of its active handlers; a
 * complaints officer gives any case to any active handler, moving it to that handler's
 * department. The case row is locked as a decision locks it, so a reassignment and a decision
 * of the same round commit one after the other.
 */
@Injectable()
export class CaseReassignmentService {
  private readonly log: Logger;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly recusal: RecusalService,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'case-reassignment' });
  }

  async reassign(
    actor: Actor,
    complaintId: string,
    dto: ReassignCaseDto,
    request: FastifyRequest,
  ): Promise<CaseDto> {
    const { moved, previous, eventId, breaches } = await this.unitOfWork.run(async (tx) => {
      const found = await visibleCase(tx.manager, actor, complaintId, true);
      if (found.status === 'decided') throw CaseErrors.alreadyDecided(found.round);
      const handler = await tx.manager.findOneBy(Handler, { id: dto.handlerId });
      if (!handler) throw CaseErrors.unknownHandler('handlerId', dto.handlerId);
      const department = this.targetDepartment(actor, found, handler, dto);
      if (!handler.active) throw CaseErrors.inactiveHandler(handler.id);
      await this.recusal.refuseComplainedAbout(tx.manager, actor, found, 'reassign anything');
      // Recusal: never to the person complained about, a declared conflict, or (a review) a decider.
      const why = (await this.recusal.excluded(tx.manager, found, found.review !== null)).get(
        handler.id,
      );
      if (why) throw RecusalErrors.handlerExcluded(handler.id, why);
      if (found.handlerId === handler.id && found.department === department)
        throw CaseErrors.alreadyAssigned(handler.id, department);

      const before = { handlerId: found.handlerId, department: found.department };
      found.handlerId = handler.id;
      found.department = department;
      await tx.manager.save(found);
      const event = assignedEvent(
        { complaintId, correlationId: found.correlationId, causationId: found.triggerEventId },
        found,
        this.clock.now(),
        {
          cause: 'reassigned',
          previous: before,
          reason: dto.reason,
          assignedBy: actingPerson(actor),
        },
      );
      tx.publish(event);
      this.audit.record(tx, request, {
        action: 'case.reassigned',
        kind: 'change',
        complaintId,
        details: {
          handlerId: handler.id,
          department,
          previousHandlerId: before.handlerId,
          previousDepartment: before.department,
          reason: dto.reason,
        },
        causedBy: { complaintId, correlationId: event.correlationId, causationId: event.eventId },
      });
      const breaches = await tx.manager.findBy(CaseBreach, { complaintId });
      return { moved: found, previous: before, eventId: event.eventId, breaches };
    });
    this.log.info(
      {
        complaintId,
        correlationId: moved.correlationId,
        eventId,
        caseId: moved.id,
        handlerId: moved.handlerId,
        department: moved.department,
        previousHandlerId: previous.handlerId,
        previousDepartment: previous.department,
      },
      'case reassigned',
    );
    return toCaseDto(moved, breaches);
  }

  /** The queue the case goes to, refusing a supervisor's move out of their department. */
  private targetDepartment(
    actor: Actor,
    found: ComplaintCase,
    handler: Handler,
    dto: ReassignCaseDto,
  ): string {
    if (hasRole(actor, 'complaints_officer')) {
      const department = dto.department ?? handler.department;
      if (handler.department !== department)
        throw CaseErrors.handlerNotInDepartment(handler.id, department);
      return department;
    }
    // A supervisor: visibleCase already holds the case to their department.
    if (dto.department !== undefined && dto.department !== found.department)
      throw CaseErrors.outsideDepartment('department', found.department);
    if (handler.department !== found.department)
      throw CaseErrors.outsideDepartment('handlerId', found.department);
    return found.department;
  }
}
