import { EntityManager } from 'typeorm';
import { PermanentEventError } from '@complaints/messaging';
import { ComplaintCase } from './complaint-case.entity';

/**
 * The complaint's case, row-locked first (as decisions, reopenings and reclassifications lock
 * it), so one case's changes and events stay in order; an event for a complaint with no case
 * can never apply (dead letter).
 */
export async function lockedCaseFor(
  manager: EntityManager,
  complaintId: string,
): Promise<ComplaintCase> {
  const found = await manager.findOne(ComplaintCase, {
    where: { complaintId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!found)
    throw new PermanentEventError('CASE.NOT_FOUND', 'no case was opened for this complaint');
  return found;
}
