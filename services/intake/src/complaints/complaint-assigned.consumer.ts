import { Injectable, OnModuleInit } from '@nestjs/common';
import { EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, PermanentEventError, Transaction } from '@complaints/messaging';
import { Complaint } from './complaint.entity';

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

  async apply(event: EnvelopeOf<typeof EVENT_TYPES.assigned>, tx: Transaction): Promise<void> {
    const complaint = await tx.manager.findOne(Complaint, {
      where: { id: event.complaintId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!complaint)
      throw new PermanentEventError(
        'COMPLAINT.NOT_FOUND',
        'no complaint with this id was received here',
      );
    const assignedAt = new Date(event.payload.assignedAt);
    if (complaint.assignedAt && complaint.assignedAt.getTime() > assignedAt.getTime()) return;
    complaint.department = event.payload.department;
    complaint.handlerId = event.payload.handlerId;
    complaint.assignedAt = assignedAt;
    await tx.manager.save(complaint);
  }
}
