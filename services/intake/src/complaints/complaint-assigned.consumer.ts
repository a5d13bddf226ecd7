import { Injectable, OnModuleInit } from '@nestjs/common';
import { EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, PermanentEventError, Transaction } from '@complaints/messaging';

/**
 * Keeps who holds each case (department and handler) from complaints.assigned.v1: people's
 * access to a complaint and its complainant's details follows it. Assignments are applied in
 * assignedAt order; one arriving late records nothing.
 */
@Injectable()
export class ComplaintAssignedConsumer implements OnModuleInit {
  constructor(private readonly consumers: ConsumerHost) {}

  onModuleInit(): void {
    this.consumers.register('assignment-view', [EVENT_TYPES.assigned], (event, tx) =>
      this.apply(event, tx),
    );
  }

  /** One statement: applied only if no later assignment is recorded already. */
  async apply(event: EnvelopeOf<typeof EVENT_TYPES.assigned>, tx: Transaction): Promise<void> {
    const assignedAt = new Date(event.payload.assignedAt);
    // TypeORM answers an UPDATE as [rows, rowCount]; a late assignment matches and changes
    // nothing, a complaint never received here matches no row.
    const [rows] = (await tx.manager.query(
      `UPDATE complaint SET
         department = CASE WHEN assigned_at IS NULL OR assigned_at <= $2 THEN $3 ELSE department END,
         handler_id = CASE WHEN assigned_at IS NULL OR assigned_at <= $2 THEN $4 ELSE handler_id END,
         assigned_at = CASE WHEN assigned_at IS NULL OR assigned_at <= $2 THEN $2 ELSE assigned_at END
       WHERE id = $1
       RETURNING id`,
      [event.complaintId, assignedAt, event.payload.department, event.payload.handlerId],
    )) as [unknown[], number];
    if (rows.length === 0)
      throw new PermanentEventError(
        'COMPLAINT.NOT_FOUND',
        'no complaint with this id was received here',
      );
  }
}
