import { EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { Pseudonymiser } from './pseudonymiser';
import { StoredEvent, StoredEventOf } from './stored-event.types';

type Header = Omit<StoredEvent, 'type' | 'payload'>;

/**
 * An assignment or a correction of the class as the archive keeps it: people only as keyed
 * hashes (the assigner and the officer by their subject, handlers by their handler id) and
 * roles; the reason is dropped, since a reason for a reassignment may name people.
 */
export function sanitisePeopleEvent(
  event: EnvelopeOf<typeof EVENT_TYPES.assigned> | EnvelopeOf<typeof EVENT_TYPES.reclassified>,
  header: Header,
  pseudonymiser: Pseudonymiser,
): StoredEvent {
  if (event.type === EVENT_TYPES.assigned) {
    const p = event.payload;
    const stored: StoredEventOf<'complaint.assigned'> = {
      ...header,
      type: event.type,
      payload: {
        department: p.department,
        handlerRef: pseudonymiser.handler(p.handlerId),
        ...(p.previousHandlerId
          ? { previousHandlerRef: pseudonymiser.handler(p.previousHandlerId) }
          : {}),
        ...(p.previousDepartment ? { previousDepartment: p.previousDepartment } : {}),
        cause: p.cause,
        ...(p.assignedBy
          ? {
              assignedByRef: pseudonymiser.person(p.assignedBy.subject),
              assignedByRoles: [...p.assignedBy.roles],
            }
          : {}),
        assignedAt: p.assignedAt,
      },
    };
    return stored;
  }
  const p = event.payload;
  const stored: StoredEventOf<'complaint.reclassified'> = {
    ...header,
    type: event.type,
    payload: {
      category: p.category,
      subcategory: p.subcategory,
      department: p.department,
      previousCategory: p.previousCategory,
      previousSubcategory: p.previousSubcategory,
      previousDepartment: p.previousDepartment,
      correctedByRef: pseudonymiser.person(p.correctedBy.subject),
      correctedAt: p.correctedAt,
    },
  };
  return stored;
}
