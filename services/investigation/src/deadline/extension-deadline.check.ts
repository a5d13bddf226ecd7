import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ExtensionKind } from '@complaints/contracts';
import { Actor, Clock } from '@complaints/platform';
import { visibleCase } from '../cases/visible-case';
import { ClockRequest } from '../clock/clock-request.entity';
import { ClockErrors } from '../clock/clock.errors';
import { ComplaintDeadline } from './complaint-deadline.entity';

/**
 * Refuses an extension request at once when the deadlines service's latest word on the clock
 * says it comes too late or beyond what the policy still grants. That word arrives as
 * complaints.deadline-changed.v1 (no call to the deadlines service): when it does not yet
 * reflect this case's own latest clock action (an approval, a resume, a restart), or the clock
 * is paused, nothing is refused here and the deadlines service judges the request as before.
 */
@Injectable()
export class ExtensionDeadlineCheck {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async refuseIfLate(actor: Actor, complaintId: string, kind: ExtensionKind): Promise<void> {
    const manager = this.dataSource.manager;
    const found = await visibleCase(manager, actor, complaintId);
    // Who may ask, and whether the round still runs, is the clock actions' answer.
    if (!actor.roles.includes('handler') || actor.username !== found.handlerId) return;
    if (found.status === 'decided') return;
    const state = await manager.findOneBy(ComplaintDeadline, { complaintId });
    if (!state) return;
    const rows = await manager.find(ClockRequest, { where: { complaintId } });
    const latest = Math.max(
      0,
      ...rows
        .flatMap((r) =>
          [r.requestedAt, r.decidedAt, r.endedAt].filter((d): d is Date => d !== null),
        )
        .map((d) => d.getTime()),
    );
    if (latest > state.lastEventAt.getTime()) return;
    const generation = rows.filter((r) => r.round === found.round && r.kind === 'restart').length;
    const running = state.clocks.find((c) => c.clockId === `decision:${found.round}:${generation}`);
    if (!running || running.status !== 'open' || !running.dueAt) return;
    if (this.clock.now().getTime() >= Date.parse(running.dueAt))
      throw ClockErrors.afterDeadline(running.dueAt);
    const granted = running.extensions.filter((e) => e.status === 'approved').map((e) => e.kind);
    // Already granted or out of order: the clock actions name those; here, what the policy lacks.
    const outOfOrder = kind === 'especially-complex' && !granted.includes('complex');
    if (!granted.includes(kind) && !outOfOrder && !running.extensionsAvailable.includes(kind))
      throw ClockErrors.notInPolicy(kind, state.policy);
  }
}
