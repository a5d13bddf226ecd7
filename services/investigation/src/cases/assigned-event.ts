import {
  CausationLink,
  ComplaintAssignedV1,
  createEnvelope,
  EnvelopeOf,
  EVENT_TYPES,
} from '@complaints/contracts';
import { ComplaintCase } from './complaint-case.entity';

/** The case's holder before the change, for the previous* fields. */
export interface PreviousHolder {
  handlerId: string;
  department: string;
}

/** `complaint.assigned` for a case as it is held now; previous* when it was held before. */
export function assignedEvent(
  link: CausationLink,
  held: Pick<ComplaintCase, 'handlerId' | 'department'>,
  at: Date,
  o: Pick<ComplaintAssignedV1, 'cause' | 'reason' | 'assignedBy' | 'conflictOfInterest'> & {
    previous?: PreviousHolder;
  },
): EnvelopeOf<typeof EVENT_TYPES.assigned> {
  const { previous } = o;
  return createEnvelope({
    ...link,
    type: EVENT_TYPES.assigned,
    occurredAt: at,
    payload: {
      department: held.department,
      handlerId: held.handlerId,
      ...(previous ? { previousHandlerId: previous.handlerId } : {}),
      ...(previous ? { previousDepartment: previous.department } : {}),
      cause: o.cause,
      ...(o.reason !== undefined ? { reason: o.reason } : {}),
      ...(o.assignedBy !== undefined ? { assignedBy: o.assignedBy } : {}),
      ...(o.conflictOfInterest ? { conflictOfInterest: true } : {}),
      assignedAt: at.toISOString(),
    },
  });
}
