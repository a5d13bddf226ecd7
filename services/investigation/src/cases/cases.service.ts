import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@complaints/platform';
import { CaseDecision } from './case-decision.entity';
import { CaseErrors } from './case.errors';
import { toCaseDto, toDecisionDto, toNoteDto } from './case.mapper';
import { CaseNote } from './case-note.entity';
import { ComplaintCase } from './complaint-case.entity';
import { Handler } from './handler.entity';
import { AddNoteDto } from './dto/add-note.dto';
import { CaseDetailDto } from './dto/case-detail.dto';
import { CaseListDto } from './dto/case-list.dto';
import { CaseNoteDto } from './dto/case-note.dto';
import { ListCasesQueryDto } from './dto/list-cases.query.dto';

const DEFAULT_PAGE = 50;

/** The handlers' read side and notes: nothing here publishes events. */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A queue: green channel (fast track) first, then the nearest decision deadline. */
  async list(query: ListCasesQueryDto): Promise<CaseListDto> {
    const q = this.dataSource.getRepository(ComplaintCase).createQueryBuilder('c');
    if (query.department)
      q.andWhere('c.department = :department', { department: query.department });
    if (query.status) q.andWhere('c.status = :status', { status: query.status });
    if (query.handlerId) q.andWhere('c.handler_id = :handlerId', { handlerId: query.handlerId });
    const cases = await q
      .orderBy('c.green_channel', 'DESC')
      .addOrderBy('c.decision_due_at', 'ASC')
      .addOrderBy('c.opened_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(query.limit ?? DEFAULT_PAGE)
      .getMany();
    return { items: cases.map(toCaseDto) };
  }

  async get(complaintId: string): Promise<CaseDetailDto> {
    const found = await this.findCase(complaintId);
    const [notes, decisions] = await Promise.all([
      this.dataSource
        .getRepository(CaseNote)
        .find({ where: { caseId: found.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.dataSource
        .getRepository(CaseDecision)
        .find({ where: { caseId: found.id }, order: { round: 'ASC' } }),
    ]);
    return {
      ...toCaseDto(found),
      notes: notes.map(toNoteDto),
      decisions: decisions.map(toDecisionDto),
    };
  }

  /** Any known handler may note a case (colleagues consulted); only the assigned one decides. */
  async addNote(complaintId: string, dto: AddNoteDto): Promise<CaseNoteDto> {
    const found = await this.findCase(complaintId);
    const author = await this.dataSource.getRepository(Handler).findOneBy({ id: dto.author });
    if (!author) throw CaseErrors.unknownHandler('author', dto.author);
    const note = this.dataSource.getRepository(CaseNote).create({
      id: randomUUID(),
      caseId: found.id,
      author: author.id,
      body: dto.body,
      createdAt: this.clock.now(),
    });
    await this.dataSource.getRepository(CaseNote).insert(note);
    return toNoteDto(note);
  }

  private async findCase(complaintId: string): Promise<ComplaintCase> {
    const found = await this.dataSource.getRepository(ComplaintCase).findOneBy({ complaintId });
    if (!found) throw CaseErrors.notFound(complaintId);
    return found;
  }
}
