import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { Logger } from 'pino';
import { causedBy, EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, Transaction } from '@complaints/messaging';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { RecusalService } from '../recusal/recusal.service';
import { assignedEvent } from './assigned-event';
import { CaseAssignmentService } from './case-assignment.service';
import { ComplaintCase } from './complaint-case.entity';

/**
 * Opens a case for each routed complaint in its department's queue, assigned to the least
 * loaded handler, and publishes complaints.assigned.v1 with it. A complaint has one case: the
 * inbox makes redelivery a no-op, and a second routed event for the same complaint (a replay
 * under a new id) leaves the case as it is.
 */
@Injectable()
export class RoutedConsumer implements OnModuleInit {
  private readonly log: Logger;

  constructor(
    private readonly consumers: ConsumerHost,
    private readonly assignment: CaseAssignmentService,
    private readonly recusal: RecusalService,
    private readonly clock: Clock,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'routed-consumer' });
  }

  onModuleInit(): void {
    this.consumers.register('case-opening', [EVENT_TYPES.routed], (event, tx) =>
      this.apply(event, tx),
    );
  }

  async apply(event: EnvelopeOf<'complaint.routed'>, tx: Transaction): Promise<void> {
    const context = {
      eventId: event.eventId,
      correlationId: event.correlationId,
      complaintId: event.complaintId,
    };
    const existing = await tx.manager.findOneBy(ComplaintCase, { complaintId: event.complaintId });
    if (existing) {
      this.log.info(
        { ...context, caseId: existing.id },
        'case already open; routed event left no change',
      );
      return;
    }
    const p = event.payload;
    const id = randomUUID();
    const complainedAboutStaffId = p.complainedAbout?.staffId ?? null;
    // Recusal: the staff member the complaint is about is never given it.
    const excluded = await this.recusal.excluded(
      tx.manager,
      { id, complaintId: event.complaintId, complainedAboutStaffId },
      false,
    );
    const { handlerId, department } = await this.assignment.assign(
      tx.manager,
      p.department,
      undefined,
      new Set(excluded.keys()),
    );
    const opened = tx.manager.create(ComplaintCase, {
      id,
      complaintId: event.complaintId,
      department,
      routedDepartment: p.department,
      handlerId,
      status: 'open',
      round: 1,
      category: p.category,
      subcategory: p.subcategory,
      severity: p.severity,
      priority: p.priority,
      greenChannel: p.greenChannel,
      decisionDueAt: new Date(p.decisionDueAt),
      complaint: p.complaint ? { ...p.complaint } : null,
      openedAt: this.clock.now(),
      reopenedAt: null,
      decidedAt: null,
      reopenCount: 0,
      triggerEventId: event.eventId,
      correlationId: event.correlationId,
      complainedAboutStaffId,
      complainedAboutUnit: p.complainedAbout?.unit ?? null,
      review: null,
      version: 1,
    });
    await tx.manager.insert(ComplaintCase, opened);
    tx.publish(assignedEvent(causedBy(event), opened, opened.openedAt, { cause: 'routed' }));
    this.log.info(
      { ...context, caseId: opened.id, handlerId, department, routedDepartment: p.department },
      'case opened and assigned',
    );
  }
}
