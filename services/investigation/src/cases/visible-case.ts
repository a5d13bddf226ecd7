import { EntityManager } from 'typeorm';
import type { Actor } from '@complaints/platform';
import { maySee } from './case-access.policy';
import { CaseErrors } from './case.errors';
import { ComplaintCase } from './complaint-case.entity';

/**
 * A case the person may see, else CASE.NOT_FOUND: another department's case answers exactly
 * as a missing one, so its existence is not revealed.
 */
export async function visibleCase(
  manager: EntityManager,
  actor: Actor,
  complaintId: string,
  lock = false,
): Promise<ComplaintCase> {
  const found = await manager.findOne(ComplaintCase, {
    where: { complaintId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!found || !maySee(actor, found.department)) throw CaseErrors.notFound(complaintId);
  return found;
}
