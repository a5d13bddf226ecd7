import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { RequestValidationException } from '@complaints/platform';
import { AuditRecord } from './audit-record.entity';
import { decodeCursor, encodeCursor } from './audit-cursor';
import { AuditEntryDto, AuditPageDto } from './dto/audit-entry.dto';
import { AuditQueryDto, DEFAULT_AUDIT_PAGE } from './dto/audit-query.dto';

/** The audit trail's read side: filtered, newest first, paged by a cursor (keyset). */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Filters already validated; 400 (naming the field) for a bad cursor or an empty range. */
  async page(q: AuditQueryDto): Promise<AuditPageDto> {
    const limit = q.limit ?? DEFAULT_AUDIT_PAGE;
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from.getTime() >= to.getTime()) {
      throw new RequestValidationException([{ field: 'to', reason: 'to must be after from' }]);
    }
    const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;

    const qb = this.dataSource.getRepository(AuditRecord).createQueryBuilder('e');
    if (q.complaintId) qb.andWhere('e.complaint_id = :complaintId', { complaintId: q.complaintId });
    if (q.actor) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('e.actor_subject = :actor', { actor: q.actor })
            .orWhere('e.actor_username = :actor', { actor: q.actor }),
        ),
      );
    }
    if (q.action) qb.andWhere('e.action = :action', { action: q.action });
    if (q.service) qb.andWhere('e.service = :service', { service: q.service });
    if (from) qb.andWhere('e.at >= :from', { from });
    if (to) qb.andWhere('e.at < :to', { to });
    if (cursor) {
      qb.andWhere('(e.at, e.event_id) < (:cursorAt, :cursorId)', {
        cursorAt: cursor.at,
        cursorId: cursor.eventId,
      });
    }
    const rows = await qb
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.event_id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const entries = rows.slice(0, limit);
    const last = entries[entries.length - 1];
    return {
      entries: entries.map((row) => AuditEntryDto.of(row)),
      ...(rows.length > limit && last
        ? { nextCursor: encodeCursor({ at: last.at, eventId: last.eventId }) }
        : {}),
    };
  }
}
