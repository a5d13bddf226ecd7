import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager, In } from 'typeorm';
import { MAJOR_INCIDENT_STEPS } from '@complaints/contracts';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { Actor, AuditTrail, Clock } from '@complaints/platform';
import { ComplaintCase } from '../cases/complaint-case.entity';
import { visibleCase } from '../cases/visible-case';
import { ComplaintFingerprint } from '../repeats/complaint-fingerprint.entity';
import {
  CaseMajorIncidentDto,
  DeclareMajorIncidentDto,
  MajorIncidentDetailDto,
  MajorIncidentDto,
  MajorIncidentListDto,
  TickStepDto,
} from './dto/major-incident.dto';
import { MajorDetector } from './major-detector';
import { MajorErrors } from './major.errors';
import { MajorIncident } from './major-incident.entity';
import { MajorIncidentComplaint } from './major-incident-complaint.entity';
import { majorIncidentEvent } from './major-incident.events';
import { MajorIncidentStep } from './major-incident-step.entity';

/**
 * The complaints officer's side of major complaints: the incidents with their contingency
 * checklist, declarations and designations, and the ticks (each audited and published).
 */
@Injectable()
export class MajorIncidentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly detector: MajorDetector,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<MajorIncidentListDto> {
    const m = this.dataSource.manager;
    const incidents = await m.find(MajorIncident, { order: { raisedAt: 'DESC' }, take: 200 });
    return { items: await Promise.all(incidents.map((i) => this.view(m, i))) };
  }

  async get(incidentId: string): Promise<MajorIncidentDetailDto> {
    const m = this.dataSource.manager;
    const incident = await m.findOneBy(MajorIncident, { id: incidentId });
    if (!incident) throw MajorErrors.notFound(incidentId);
    const linked = await m.find(MajorIncidentComplaint, {
      where: { incidentId },
      order: { linkedAt: 'ASC', complaintId: 'ASC' },
    });
    return { ...(await this.view(m, incident)), complaintIds: linked.map((l) => l.complaintId) };
  }

  async forCase(actor: Actor, complaintId: string): Promise<CaseMajorIncidentDto> {
    const m = this.dataSource.manager;
    await visibleCase(m, actor, complaintId);
    const linked = await m.findOneBy(MajorIncidentComplaint, { complaintId });
    if (!linked) return { flagged: false };
    const incident = await m.findOneByOrFail(MajorIncident, { id: linked.incidentId });
    return { flagged: true, incident: await this.view(m, incident) };
  }

  declare(
    actor: Actor,
    dto: DeclareMajorIncidentDto,
    req: FastifyRequest,
  ): Promise<MajorIncidentDetailDto> {
    return this.unitOfWork
      .run(async (tx) => {
        const m = tx.manager;
        const cases = await m.find(ComplaintCase, {
          where: { complaintId: In(dto.complaintIds) },
        });
        const byId = new Map(cases.map((c) => [c.complaintId, c]));
        dto.complaintIds.forEach((id, i) => {
          if (!byId.has(id)) throw MajorErrors.unknownComplaint(i);
        });
        const taken = await m.find(MajorIncidentComplaint, {
          where: { complaintId: In(dto.complaintIds) },
        });
        if (taken.length > 0) {
          const first = taken[0];
          throw MajorErrors.alreadyLinked(
            dto.complaintIds.indexOf(first.complaintId),
            first.incidentId,
          );
        }
        const prints = await m.find(ComplaintFingerprint, {
          where: { complaintId: In(dto.complaintIds) },
        });
        const anchor = dto.complaintIds[0];
        const anchorPrint = prints.find((p) => p.complaintId === anchor);
        const anchorCase = byId.get(anchor) as ComplaintCase;
        const incident = m.create(MajorIncident, {
          id: randomUUID(),
          trigger: dto.trigger,
          productLine: anchorPrint?.productLine ?? anchorCase.complaint?.productLine ?? null,
          anchorComplaintId: anchor,
          grams: anchorPrint?.grams ?? null,
          reason: dto.reason,
          raisedAt: this.clock.now(),
          raisedBy: actor.username,
          raisedBySubject: actor.subject,
          correlationId: anchorCase.correlationId,
        });
        await m.insert(MajorIncident, incident);
        const keys = new Map(prints.map((p) => [p.complaintId, p.repeatKey]));
        const members = dto.complaintIds.map((complaintId) => ({
          complaintId,
          repeatKey: keys.get(complaintId) ?? null,
        }));
        const cause = { correlationId: anchorCase.correlationId, causationId: null };
        tx.publish(
          majorIncidentEvent(
            incident,
            anchor,
            'raised',
            distinct(members),
            incident.raisedAt,
            cause,
          ),
        );
        await this.detector.link(tx, incident, members, cause);
        this.audited(tx, req, anchor, `major.declared`, {
          incidentId: incident.id,
          trigger: dto.trigger,
        });
        return incident.id;
      })
      .then((id) => this.get(id));
  }

  tick(
    actor: Actor,
    incidentId: string,
    dto: TickStepDto,
    req: FastifyRequest,
  ): Promise<MajorIncidentDto> {
    return this.unitOfWork
      .run(async (tx) => {
        const m = tx.manager;
        const incident = await m.findOne(MajorIncident, {
          where: { id: incidentId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!incident) throw MajorErrors.notFound(incidentId);
        if (await m.existsBy(MajorIncidentStep, { incidentId, step: dto.step }))
          throw MajorErrors.stepDone(dto.step);
        const now = this.clock.now();
        await m.insert(MajorIncidentStep, {
          incidentId,
          step: dto.step,
          note: dto.note,
          doneBy: actor.username,
          doneBySubject: actor.subject,
          doneAt: now,
        });
        const count = await this.detector.complainantCount(tx, incidentId);
        tx.publish(
          majorIncidentEvent(
            incident,
            incident.anchorComplaintId,
            'step-done',
            count,
            now,
            { correlationId: incident.correlationId, causationId: null },
            dto.step,
          ),
        );
        this.audited(tx, req, incident.anchorComplaintId, 'major.step-done', {
          incidentId,
          step: dto.step,
        });
        return incident;
      })
      .then((incident) => this.view(this.dataSource.manager, incident));
  }

  private audited(
    tx: Transaction,
    req: FastifyRequest,
    complaintId: string,
    action: string,
    details: Record<string, string>,
  ) {
    this.audit.record(tx, req, { action, kind: 'change', complaintId, details });
  }

  private async view(m: EntityManager, i: MajorIncident): Promise<MajorIncidentDto> {
    const [steps, [counts]] = await Promise.all([
      m.findBy(MajorIncidentStep, { incidentId: i.id }),
      m.query(
        `SELECT count(*)::int AS complaints, count(DISTINCT complainant)::int AS complainants
           FROM major_incident_complaint WHERE incident_id = $1`,
        [i.id],
      ) as Promise<{ complaints: number; complainants: number }[]>,
    ]);
    return {
      incidentId: i.id,
      trigger: i.trigger,
      ...(i.productLine ? { productLine: i.productLine } : {}),
      raisedAt: i.raisedAt.toISOString(),
      ...(i.raisedBy ? { raisedBy: i.raisedBy } : {}),
      ...(i.reason ? { reason: i.reason } : {}),
      complainantCount: counts?.complainants ?? 0,
      complaintCount: counts?.complaints ?? 0,
      steps: MAJOR_INCIDENT_STEPS.map((step) => {
        const done = steps.find((s) => s.step === step);
        return done
          ? {
              step,
              done: true,
              note: done.note,
              doneBy: done.doneBy,
              doneAt: done.doneAt.toISOString(),
            }
          : { step, done: false };
      }),
    };
  }
}

function distinct(rows: { complaintId: string; repeatKey: string | null }[]): number {
  return new Set(rows.map((r) => r.repeatKey ?? r.complaintId)).size;
}
