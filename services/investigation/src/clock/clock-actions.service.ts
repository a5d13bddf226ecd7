import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { FastifyRequest } from 'fastify';
import { causedBy, createEnvelope, EVENT_TYPES } from '@complaints/contracts';
import type { ClockChangedV1 } from '@complaints/contracts';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { Actor, actingPerson, AuditTrail, Clock } from '@complaints/platform';
import { mayNote } from '../cases/case-access.policy';
import { CaseErrors } from '../cases/case.errors';
import { ComplaintCase } from '../cases/complaint-case.entity';
import { visibleCase } from '../cases/visible-case';
import { RecusalService } from '../recusal/recusal.service';
import { ClockErrors } from './clock.errors';
import { ClockRequest, ClockRequestKind, ClockRequestStatus } from './clock-request.entity';
import type { ClockRequestDto } from './dto/clock-request.dto';
import {
  ClockReasonDto,
  DecideExtensionDto,
  MergeComplaintDto,
  PauseClockDto,
  RequestExtensionDto,
} from './dto/clock-action.dto';

type Who = 'assigned-handler' | 'case-worker';

interface Action {
  who: Who;
  kind: ClockRequestKind;
  status: ClockRequestStatus;
  detail?: string;
  event: Omit<ClockChangedV1, 'actor' | 'at'>;
  /** refusals that depend on the case's other clock actions (run with the case row locked) */
  check?: (c: ComplaintCase, rows: ClockRequest[]) => void;
  /** a row the action changes instead of adding one (a resume ends its pause) */
  update?: (rows: ClockRequest[]) => ClockRequest;
}

const current = (c: ComplaintCase, rows: ClockRequest[]) => {
  const generation = rows.filter((r) => r.round === c.round && r.kind === 'restart').length;
  return {
    generation,
    rows: rows.filter((r) => r.round === c.round && r.generation === generation),
  };
};

/**
 * Actions on a case's legal clock, taken where the case is worked. Each is checked against the
 * case and its earlier actions with the case row locked, recorded, and published as
 * complaints.clock.v1 with its audit entry in one transaction. The actor is the token's person.
 */
@Injectable()
export class ClockActionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly recusal: RecusalService,
  ) {}

  requestExtension(actor: Actor, id: string, dto: RequestExtensionDto, req: FastifyRequest) {
    const requestId = randomUUID();
    return this.act(
      actor,
      id,
      req,
      {
        who: 'assigned-handler',
        kind: 'extension',
        status: 'pending',
        detail: dto.kind,
        event: {
          action: 'extension-requested',
          reason: dto.reason,
          requestId,
          extensionKind: dto.kind,
        },
        check: (c, all) => {
          const running = current(c, all);
          // A review round has a fixed period; new facts in it start a decision period again.
          if (c.round > 1 && running.generation === 0) throw ClockErrors.notAllowed();
          const rows = running.rows.filter((r) => r.kind === 'extension');
          if (rows.some((r) => r.status === 'pending')) throw ClockErrors.pending();
          const granted = rows.filter((r) => r.status === 'approved').map((r) => r.detail);
          if (granted.includes(dto.kind)) throw ClockErrors.beyondMaximum(dto.kind);
          if (dto.kind === 'especially-complex' && !granted.includes('complex'))
            throw ClockErrors.outOfOrder();
        },
      },
      requestId,
    );
  }

  /** By an approver (the route's role) who is not the requester. */
  async decideExtension(
    actor: Actor,
    id: string,
    requestId: string,
    dto: DecideExtensionDto,
    req: FastifyRequest,
  ) {
    const approved = dto.outcome === 'approved';
    return this.act(actor, id, req, {
      who: 'case-worker',
      kind: 'extension',
      status: approved ? 'approved' : 'refused',
      event: {
        action: approved ? 'extension-approved' : 'extension-refused',
        reason: dto.reason,
        requestId,
      },
      update: (rows) => {
        const found = rows.find((r) => r.id === requestId && r.kind === 'extension');
        if (!found) throw ClockErrors.notFound(requestId);
        if (found.status !== 'pending') throw ClockErrors.alreadyDecided();
        if (found.requestedBySubject === actor.subject) throw ClockErrors.ownRequest();
        found.status = approved ? 'approved' : 'refused';
        found.decidedBy = actor.username;
        found.decidedAt = this.clock.now();
        found.decisionReason = dto.reason;
        return found;
      },
    });
  }

  pause(actor: Actor, id: string, dto: PauseClockDto, req: FastifyRequest) {
    return this.act(actor, id, req, {
      who: 'case-worker',
      kind: 'pause',
      status: 'active',
      detail: dto.kind,
      event: { action: 'paused', reason: dto.reason, pauseKind: dto.kind },
      check: (_c, all) => {
        if (all.some((r) => r.kind === 'pause' && r.status === 'active'))
          throw ClockErrors.alreadyPaused();
      },
    });
  }

  resume(actor: Actor, id: string, dto: ClockReasonDto, req: FastifyRequest) {
    return this.act(actor, id, req, {
      who: 'case-worker',
      kind: 'pause',
      status: 'ended',
      event: { action: 'resumed', reason: dto.reason },
      update: (rows) => {
        const active = rows.find((r) => r.kind === 'pause' && r.status === 'active');
        if (!active) throw ClockErrors.notPaused();
        active.status = 'ended';
        active.endedAt = this.clock.now();
        return active;
      },
    });
  }

  /** `tx`: inside a caller's transaction (a repeat's decision), else in one of its own. */
  restart(actor: Actor, id: string, dto: ClockReasonDto, req: FastifyRequest, tx?: Transaction) {
    return this.act(
      actor,
      id,
      req,
      {
        who: 'case-worker',
        kind: 'restart',
        status: 'done',
        event: { action: 'restarted', reason: dto.reason },
        check: (_c, all) => {
          // A running pause belongs to the clock the restart ends.
          for (const r of all)
            if (r.kind === 'pause' && r.status === 'active') {
              r.status = 'ended';
              r.endedAt = this.clock.now();
            }
        },
      },
      undefined,
      tx,
    );
  }

  /** `tx`: inside a caller's transaction (a repeat's decision), else in one of its own. */
  merge(actor: Actor, id: string, dto: MergeComplaintDto, req: FastifyRequest, tx?: Transaction) {
    if (dto.intoComplaintId === id) throw ClockErrors.mergeIntoItself();
    return this.act(
      actor,
      id,
      req,
      {
        who: 'case-worker',
        kind: 'merge',
        status: 'done',
        detail: dto.intoComplaintId,
        event: { action: 'merged', reason: dto.reason, mergedInto: dto.intoComplaintId },
      },
      undefined,
      tx,
    );
  }

  withdraw(actor: Actor, id: string, dto: ClockReasonDto, req: FastifyRequest) {
    return this.act(actor, id, req, {
      who: 'case-worker',
      kind: 'withdrawal',
      status: 'done',
      event: { action: 'withdrawn', reason: dto.reason },
    });
  }

  private async act(
    actor: Actor,
    complaintId: string,
    req: FastifyRequest,
    a: Action,
    rowId = randomUUID(),
    within?: Transaction,
  ) {
    const work = async (tx: Transaction) => {
      const found = await visibleCase(tx.manager, actor, complaintId, true);
      this.mayAct(actor, found, a.who);
      // Recusal: the person complained about requests, approves and pauses nothing on the case.
      await this.recusal.refuseComplainedAbout(tx.manager, actor, found, 'act on its clock');
      const rows = await tx.manager.find(ClockRequest, {
        where: { complaintId },
        order: { requestedAt: 'ASC' },
      });
      if (rows.some((r) => r.kind === 'merge' || r.kind === 'withdrawal'))
        throw ClockErrors.ended();
      if (found.status === 'decided') throw ClockErrors.caseDecided(found.round);
      a.check?.(found, rows);
      const now = this.clock.now();
      const event = createEnvelope({
        ...causedBy({
          eventId: found.triggerEventId,
          complaintId,
          correlationId: found.correlationId,
        }),
        type: EVENT_TYPES.clockChanged,
        occurredAt: now,
        payload: { ...a.event, actor: actingPerson(actor), at: now.toISOString() },
      });
      const row = a.update
        ? a.update(rows)
        : this.newRow(rowId, found, rows, actor, a, now, event.eventId);
      await tx.manager.save(ClockRequest, [...rows, ...(a.update ? [] : [row])]);
      tx.publish(event);
      this.audited(tx, req, complaintId, a, event);
      return toDto(row);
    };
    return within ? work(within) : this.unitOfWork.run(work);
  }

  private mayAct(actor: Actor, c: ComplaintCase, who: Who): void {
    if (actor.roles.includes('approver') && who === 'case-worker') return;
    const assigned = actor.roles.includes('handler') && actor.username === c.handlerId;
    if (who === 'assigned-handler' ? !assigned : !mayNote(actor, c.handlerId))
      throw CaseErrors.notAssigned(actor.username);
  }

  private newRow(
    id: string,
    c: ComplaintCase,
    rows: ClockRequest[],
    actor: Actor,
    a: Action,
    now: Date,
    eventId: string,
  ) {
    const row = new ClockRequest();
    Object.assign(row, {
      id,
      complaintId: c.complaintId,
      caseId: c.id,
      round: c.round,
      generation: current(c, rows).generation,
      kind: a.kind,
      detail: a.detail ?? null,
      reason: a.event.reason,
      status: a.status,
      requestedBy: actor.username,
      requestedBySubject: actor.subject,
      requestedAt: now,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      endedAt: null,
      eventId,
    });
    return row;
  }

  private audited(
    tx: Transaction,
    req: FastifyRequest,
    complaintId: string,
    a: Action,
    event: { eventId: string; complaintId: string; correlationId: string },
  ) {
    this.audit.record(tx, req, {
      action: `clock.${a.event.action}`,
      kind: 'change',
      complaintId,
      details: {
        ...(a.detail ? { detail: a.detail } : {}),
        ...(a.event.requestId ? { requestId: a.event.requestId } : {}),
      },
      causedBy: causedBy(event),
    });
  }
}

function toDto(r: ClockRequest): ClockRequestDto {
  return {
    requestId: r.id,
    kind: r.kind,
    ...(r.detail ? { detail: r.detail } : {}),
    status: r.status,
    round: r.round,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    ...(r.decidedBy ? { decidedBy: r.decidedBy } : {}),
    ...(r.decidedAt ? { decidedAt: r.decidedAt.toISOString() } : {}),
    ...(r.endedAt ? { endedAt: r.endedAt.toISOString() } : {}),
    eventId: r.eventId,
  };
}
