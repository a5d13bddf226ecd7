import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_TYPES } from '@complaints/contracts';
import type { EnvelopeOf } from '@complaints/contracts';
import { ConsumerHost, Transaction } from '@complaints/messaging';
import { ROOT_LOGGER } from '@complaints/platform';

/**
 * Keeps the department of each complaint from its assignments (routing, reassignment,
 * reclassification), in the inbox's transaction. The newest assignment wins, whatever order
 * they arrive in.
 */
@Injectable()
export class ComplaintAssignedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.consumers.register('departments', [EVENT_TYPES.assigned], (event, tx) =>
      this.apply(event, tx),
    );
  }

  async apply(event: EnvelopeOf<'complaint.assigned'>, tx: Transaction): Promise<void> {
    const { department, assignedAt } = event.payload;
    await tx.manager.query(
      `INSERT INTO complaint_department (complaint_id, department, assigned_at)
       VALUES ($1, $2, $3)
       ON CONFLICT (complaint_id) DO UPDATE
         SET department = EXCLUDED.department, assigned_at = EXCLUDED.assigned_at
         WHERE complaint_department.assigned_at <= EXCLUDED.assigned_at`,
      [event.complaintId, department, new Date(assignedAt)],
    );
    this.logger.info(
      {
        complaintId: event.complaintId,
        eventId: event.eventId,
        correlationId: event.correlationId,
        department,
      },
      'complaint department noted',
    );
  }
}
