import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@complaints/messaging';
import { Actor, AuditTrail, Clock } from '@complaints/platform';
import { mayNote } from '../cases/case-access.policy';
import { CaseErrors } from '../cases/case.errors';
import { visibleCase } from '../cases/visible-case';
import { ClockActionsService } from '../clock/clock-actions.service';
import { CaseRepeatsDto, RepeatLinkDto } from './dto/repeat-link.dto';
import { RepeatDecisionDto } from './dto/repeat-decision.dto';
import { RepeatLink } from './repeat-link.entity';
import { RepeatErrors } from './repeats.errors';

/**
 * The handler's side of repeats: what a case is linked to, and the decision on a proposed
 * repeat. Merge and restart are the legal clock's own actions (complaints.clock.v1, audited),
 * taken in the same transaction as the link's decision, so either all of it happens or none.
 */
@Injectable()
export class RepeatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clockActions: ClockActionsService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, complaintId: string): Promise<CaseRepeatsDto> {
    const m = this.dataSource.manager;
    await visibleCase(m, actor, complaintId);
    const [repeatOf, repeatedBy] = await Promise.all([
      m.findOneBy(RepeatLink, { complaintId }),
      m.find(RepeatLink, {
        where: { earlierComplaintId: complaintId },
        order: { proposedAt: 'ASC' },
      }),
    ]);
    return {
      ...(repeatOf ? { repeatOf: toDto(repeatOf) } : {}),
      repeatedBy: repeatedBy.map(toDto),
    };
  }

  decide(
    actor: Actor,
    complaintId: string,
    dto: RepeatDecisionDto,
    req: FastifyRequest,
  ): Promise<RepeatLinkDto> {
    return this.unitOfWork.run(async (tx) => {
      const found = await visibleCase(tx.manager, actor, complaintId);
      if (!mayNote(actor, found.handlerId)) throw CaseErrors.notAssigned(actor.username);
      const link = await tx.manager.findOne(RepeatLink, {
        where: { complaintId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!link) throw RepeatErrors.notFound(complaintId);
      if (link.status !== 'proposed') throw RepeatErrors.alreadyDecided(link.status);
      const into = link.earlierComplaintId;
      if (dto.outcome === 'restarted')
        await this.clockActions.restart(
          actor,
          into,
          { reason: `New facts in repeat complaint ${complaintId}: ${dto.reason}` },
          req,
          tx,
        );
      if (dto.outcome !== 'split')
        await this.clockActions.merge(
          actor,
          complaintId,
          { reason: dto.reason, intoComplaintId: into },
          req,
          tx,
        );
      Object.assign(link, {
        status: dto.outcome,
        decidedBy: actor.username,
        decidedBySubject: actor.subject,
        decidedAt: this.clock.now(),
        reason: dto.reason,
      });
      await tx.manager.save(RepeatLink, link);
      this.audit.record(tx, req, {
        action: `repeat.${dto.outcome}`,
        kind: 'change',
        complaintId,
        details: { earlierComplaintId: into },
      });
      return toDto(link);
    });
  }
}

function toDto(l: RepeatLink): RepeatLinkDto {
  return {
    linkId: l.id,
    complaintId: l.complaintId,
    earlierComplaintId: l.earlierComplaintId,
    similarity: l.similarity,
    status: l.status,
    proposedAt: l.proposedAt.toISOString(),
    ...(l.decidedBy ? { decidedBy: l.decidedBy } : {}),
    ...(l.decidedAt ? { decidedAt: l.decidedAt.toISOString() } : {}),
    ...(l.reason ? { reason: l.reason } : {}),
  };
}
