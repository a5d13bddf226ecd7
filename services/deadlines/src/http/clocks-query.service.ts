import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Clock } from '@complaints/platform';
import type { ClockRecord } from '../clocks/clock-state';
import { ComplaintClocksRow } from '../clocks/complaint-clocks.entity';
import { ClockSignal } from '../signals/clock-signal.entity';
import { boundDepartment, maySee } from './clock-access.policy';
import { ClockErrors } from './clock.errors';
import { ClockDto, ComplaintClocksDto, WatchlistDto } from './dto/complaint-clocks.dto';
import { WatchlistQueryDto } from './dto/watchlist.query.dto';

const MINUTE_MS = 60_000;

/** An approver's own words may name the customer: outside the rules' codes only the fact shows. */
function refusalCode(refusal: string | undefined): string | undefined {
  if (refusal === undefined) return undefined;
  return refusal.startsWith('EXTENSION.') ? refusal : 'EXTENSION.REFUSED';
}

function clockDto(c: ClockRecord, breached: boolean): ClockDto {
  return {
    id: c.id,
    kind: c.kind,
    round: c.round,
    startedAt: c.startedAt,
    periodDays: c.periodDays,
    periodHours: c.periodHours,
    ...(c.dueAt ? { dueAt: c.dueAt } : {}),
    status: c.status,
    ...(c.metAt ? { metAt: c.metAt } : {}),
    ...(c.endedAt ? { endedAt: c.endedAt, endReason: c.endReason } : {}),
    pausedMs: c.pausedMs,
    watched: c.watched,
    breached,
    extensions: c.extensions.map((e) => ({
      requestId: e.requestId,
      kind: e.kind,
      status: e.status,
      requestedAt: e.requestedAt,
      ...(e.decidedAt ? { decidedAt: e.decidedAt } : {}),
      ...(e.refusal ? { refusal: refusalCode(e.refusal) } : {}),
    })),
    pauses: c.pauses.map((p) => ({ kind: p.kind, from: p.from, ...(p.to ? { to: p.to } : {}) })),
  };
}

@Injectable()
export class ClocksQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async clocks(actor: Actor, complaintId: string): Promise<ComplaintClocksDto> {
    const row = await this.dataSource.getRepository(ComplaintClocksRow).findOneBy({ complaintId });
    if (!row || !maySee(actor, row.department)) throw ClockErrors.notFound(complaintId);
    const breaches = await this.dataSource
      .getRepository(ClockSignal)
      .findBy({ complaintId, kind: 'breach' });
    const breached = new Set(breaches.map((b) => b.signalKey.replace(/:breach$/, '')));
    const c = row.clocks;
    return {
      complaintId,
      policy: c.policy,
      state: c.state,
      department: c.department,
      greenChannel: c.greenChannel,
      ...(c.receivedAt ? { receivedAt: c.receivedAt } : {}),
      ...(c.endedAt ? { endedAt: c.endedAt, endReason: c.endReason } : {}),
      clocks: c.clocks.map((clock) => clockDto(clock, breached.has(clock.id))),
      ignored: c.ignored.map((i) => ({ ...i })),
    };
  }

  async watchlist(actor: Actor, q: WatchlistQueryDto): Promise<WatchlistDto> {
    const bound = boundDepartment(actor);
    if (bound === null) return { items: [] };
    if (bound !== undefined && q.department !== undefined && q.department !== bound)
      throw ClockErrors.otherDepartment(bound);
    const department = bound ?? q.department;
    const now = this.clock.now();
    const status = q.status ?? 'near';
    const qb = this.dataSource
      .getRepository(ComplaintClocksRow)
      .createQueryBuilder('c')
      .orderBy('c.next_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('c.complaint_id')
      .limit(q.limit ?? 100);
    if (status === 'breached') qb.where('c.breached = true');
    else {
      const until =
        status === 'overdue'
          ? now
          : new Date(now.getTime() + (q.withinHours ?? 72) * 60 * MINUTE_MS);
      qb.where(`c.state = 'open' AND c.next_due_at <= :until`, { until });
    }
    if (department !== undefined) qb.andWhere('c.department = :department', { department });
    const rows = await qb.getMany();
    return {
      items: rows.map((r) => ({
        complaintId: r.complaintId,
        department: r.department,
        greenChannel: r.greenChannel,
        ...(r.nextDueAt
          ? {
              dueAt: r.nextDueAt.toISOString(),
              minutesLeft: Math.floor((r.nextDueAt.getTime() - now.getTime()) / MINUTE_MS),
            }
          : {}),
        breached: r.breached,
        state: r.state,
      })),
    };
  }
}
