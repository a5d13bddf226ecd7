import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { causedBy, EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, PermanentEventError, Transaction } from '@complaints/messaging';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { InvestigationConfig } from '../config/investigation.config';
import { RecusalService } from '../recusal/recusal.service';
import { assignedEvent } from './assigned-event';
import { CaseAssignmentService } from './case-assignment.service';
import { ComplaintCase } from './complaint-case.entity';
import { lockedCaseFor } from './locked-case';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Puts a reopened complaint's case back in the queue for another round, with the handler who
 * decided before while they are active (they know the file), else the least loaded one, and
 * publishes complaints.assigned.v1 with it. An internal review (the event's `review`) goes to a
 * reviewer who decided no round of the case; no round goes to the person complained about.
 */
@Injectable()
export class ReopenedConsumer implements OnModuleInit {
  private readonly log: Logger;

  constructor(
    private readonly consumers: ConsumerHost,
    private readonly assignment: CaseAssignmentService,
    private readonly recusal: RecusalService,
    private readonly config: InvestigationConfig,
    private readonly clock: Clock,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'reopened-consumer' });
  }

  onModuleInit(): void {
    this.consumers.register('case-reopening', [EVENT_TYPES.reopened], (event, tx) =>
      this.apply(event, tx),
    );
  }

  async apply(event: EnvelopeOf<'complaint.reopened'>, tx: Transaction): Promise<void> {
    const context = {
      eventId: event.eventId,
      correlationId: event.correlationId,
      complaintId: event.complaintId,
    };
    const found = await lockedCaseFor(tx.manager, event.complaintId);
    const p = event.payload;
    if (p.reopenCount <= found.reopenCount) {
      this.log.info(
        { ...context, caseId: found.id, reopenCount: p.reopenCount },
        'reopening already applied',
      );
      return;
    }
    if (found.status !== 'decided') {
      throw new PermanentEventError(
        'CASE.NOT_DECIDED',
        `the case is ${found.status}: only a decided case reopens`,
      );
    }
    const previousHandler = found.handlerId;
    const previousDepartment = found.department;
    // An internal review goes to someone who decided none of the case's rounds; any round skips
    // the person complained about and those who declared a conflict.
    const review = p.review ?? null;
    const excluded = await this.recusal.excluded(tx.manager, found, review !== null);
    const { handlerId, department } = await this.assignment.assign(
      tx.manager,
      found.department,
      review ? undefined : previousHandler,
      new Set(excluded.keys()),
    );
    const reopenedAt = new Date(p.reopenedAt);
    Object.assign(found, {
      status: 'reopened',
      round: found.round + 1,
      reopenCount: found.reopenCount + 1,
      handlerId,
      department,
      reopenedAt,
      decidedAt: null,
      decisionDueAt: new Date(reopenedAt.getTime() + this.config.REVIEW_DECISION_DAYS * DAY_MS),
      triggerEventId: event.eventId,
      correlationId: event.correlationId,
      review: review ? { ...review } : null,
    } satisfies Partial<ComplaintCase>);
    await tx.manager.save(found);
    tx.publish(
      assignedEvent(causedBy(event), found, this.clock.now(), {
        cause: 'reopened',
        previous: { handlerId: previousHandler, department: previousDepartment },
      }),
    );
    this.log.info(
      {
        ...context,
        caseId: found.id,
        round: found.round,
        handlerId,
        previousHandler,
        department,
        review: review !== null,
      },
      review ? 'case reopened for internal review' : 'case reopened',
    );
  }
}
