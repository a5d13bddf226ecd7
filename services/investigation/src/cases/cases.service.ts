import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import type { FastifyRequest } from 'fastify';
import { DataSource, In } from 'typeorm';
import { UnitOfWork } from '@complaints/messaging';
import { Actor, AuditTrail, Clock } from '@complaints/platform';
import { CaseBreach } from '../deadline/case-breach.entity';
import { caseScope, mayNote } from './case-access.policy';
import { CaseDecision } from './case-decision.entity';
import { CaseErrors } from './case.errors';
import { toCaseDto, toDecisionDto, toNoteDto } from './case.mapper';
import { CaseNote } from './case-note.entity';
import { ComplaintCase } from './complaint-case.entity';
import { AddNoteDto } from './dto/add-note.dto';
import { CaseDetailDto } from './dto/case-detail.dto';
import { CaseListDto } from './dto/case-list.dto';
import { CaseNoteDto } from './dto/case-note.dto';
import { ListCasesQueryDto } from './dto/list-cases.query.dto';
import { visibleCase } from './visible-case';

const DEFAULT_PAGE = 50;

/** The queues, a case's file (an audited read) and notes. */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /**
   * A queue: green channel (fast track) first, then the nearest decision deadline. A
   * department-bound person's queue is their department's whatever `department` asks for:
   * another department's filter gives an empty list, never a wider one.
   */
  async list(actor: Actor, query: ListCasesQueryDto): Promise<CaseListDto> {
    const scope = caseScope(actor);
    if (scope.kind === 'department' && !scope.department) return { items: [] };
    const q = this.dataSource.getRepository(ComplaintCase).createQueryBuilder('c');
    if (scope.kind === 'department') q.andWhere('c.department = :own', { own: scope.department });
    if (query.department)
      q.andWhere('c.department = :department', { department: query.department });
    if (query.status) q.andWhere('c.status = :status', { status: query.status });
    if (query.handlerId) q.andWhere('c.handler_id = :handlerId', { handlerId: query.handlerId });
    if (query.breached)
      q.andWhere(
        `${query.breached === 'true' ? '' : 'NOT '}EXISTS ` +
          '(SELECT 1 FROM case_breach b WHERE b.complaint_id = c.complaint_id)',
      );
    const cases = await q
      .orderBy('c.green_channel', 'DESC')
      .addOrderBy('c.decision_due_at', 'ASC')
      .addOrderBy('c.opened_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(query.limit ?? DEFAULT_PAGE)
      .getMany();
    const breaches =
      cases.length === 0
        ? []
        : await this.dataSource
            .getRepository(CaseBreach)
            .find({ where: { complaintId: In(cases.map((c) => c.complaintId)) } });
    return { items: cases.map((c) => toCaseDto(c, breaches)) };
  }

  /** The file holds the complaint's text: the read is audited before the answer. */
  async get(actor: Actor, complaintId: string, request: FastifyRequest): Promise<CaseDetailDto> {
    const found = await visibleCase(this.dataSource.manager, actor, complaintId);
    const [notes, decisions, breaches] = await Promise.all([
      this.dataSource
        .getRepository(CaseNote)
        .find({ where: { caseId: found.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.dataSource
        .getRepository(CaseDecision)
        .find({ where: { caseId: found.id }, order: { round: 'ASC' } }),
      this.dataSource.getRepository(CaseBreach).find({ where: { complaintId } }),
    ]);
    await this.audit.recordRead(request, { action: 'case.read', kind: 'read', complaintId });
    return {
      ...toCaseDto(found, breaches),
      notes: notes.map(toNoteDto),
      decisions: decisions.map(toDecisionDto),
    };
  }

  /** The assigned handler, a supervisor of the department or an officer notes a case. */
  async addNote(
    actor: Actor,
    complaintId: string,
    dto: AddNoteDto,
    request: FastifyRequest,
  ): Promise<CaseNoteDto> {
    const note = await this.unitOfWork.run(async (tx) => {
      const found = await visibleCase(tx.manager, actor, complaintId);
      if (!mayNote(actor, found.handlerId)) throw CaseErrors.notAssigned(actor.username);
      const created = tx.manager.create(CaseNote, {
        id: randomUUID(),
        caseId: found.id,
        author: actor.username,
        body: dto.body,
        createdAt: this.clock.now(),
      });
      await tx.manager.insert(CaseNote, created);
      this.audit.record(tx, request, { action: 'case.note-added', kind: 'change', complaintId });
      return created;
    });
    return toNoteDto(note);
  }
}
