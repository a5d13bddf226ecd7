import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { causedBy, EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, Transaction } from '@complaints/messaging';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { RecusalService } from '../recusal/recusal.service';
import { assignedEvent } from './assigned-event';
import { CaseAssignmentService } from './case-assignment.service';
import { lockedCaseFor } from './locked-case';

/**
 * Applies a complaints officer's correction of a complaint's class. The case takes the new
 * category; when the department changed, it moves to that department's queue with its least
 * loaded active handler (the routing policy, fallback department included) and
 * complaints.assigned.v1 says so. A correction the case already reflects changes nothing, so
 * a replay under a new event id is harmless (the inbox already drops redeliveries).
 */
@Injectable()
export class ReclassifiedConsumer implements OnModuleInit {
  private readonly log: Logger;

  constructor(
    private readonly consumers: ConsumerHost,
    private readonly assignment: CaseAssignmentService,
    private readonly recusal: RecusalService,
    private readonly clock: Clock,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'reclassified-consumer' });
  }

  onModuleInit(): void {
    this.consumers.register('case-reclassification', [EVENT_TYPES.reclassified], (event, tx) =>
      this.apply(event, tx),
    );
  }

  async apply(event: EnvelopeOf<'complaint.reclassified'>, tx: Transaction): Promise<void> {
    const context = {
      eventId: event.eventId,
      correlationId: event.correlationId,
      complaintId: event.complaintId,
    };
    const found = await lockedCaseFor(tx.manager, event.complaintId);
    const p = event.payload;
    const moves = p.department !== found.routedDepartment;
    if (!moves && p.category === found.category && p.subcategory === found.subcategory) {
      this.log.info({ ...context, caseId: found.id }, 'reclassification already applied');
      return;
    }
    found.category = p.category;
    found.subcategory = p.subcategory;
    const previous = { handlerId: found.handlerId, department: found.department };
    if (moves) {
      const excluded = await this.recusal.excluded(tx.manager, found, found.review !== null);
      const { handlerId, department } = await this.assignment.assign(
        tx.manager,
        p.department,
        undefined,
        new Set(excluded.keys()),
      );
      Object.assign(found, { routedDepartment: p.department, handlerId, department });
    }
    await tx.manager.save(found);
    if (moves) {
      tx.publish(
        assignedEvent(causedBy(event), found, this.clock.now(), {
          cause: 'reclassified',
          previous,
        }),
      );
    }
    this.log.info(
      {
        ...context,
        caseId: found.id,
        moved: moves,
        handlerId: found.handlerId,
        department: found.department,
        previousHandlerId: previous.handlerId,
        previousDepartment: previous.department,
      },
      moves ? 'case reclassified and moved' : 'case reclassified',
    );
  }
}
