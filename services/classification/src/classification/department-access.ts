import type { Actor } from '@complaints/platform';

/** Roles that see complaints of every department. */
const EVERY_DEPARTMENT = ['complaints_officer', 'auditor', 'approver'];
/** Roles bound to the department in their token. */
const OWN_DEPARTMENT = ['handler', 'supervisor'];

/**
 * Whether the person may see a complaint of `department`. A complaint they may not see is
 * answered as a missing one, so its existence is not revealed.
 */
export function maySeeDepartment(actor: Actor, department: string): boolean {
  if (actor.roles.some((r) => EVERY_DEPARTMENT.includes(r))) return true;
  return (
    actor.roles.some((r) => OWN_DEPARTMENT.includes(r)) &&
    actor.department !== undefined &&
    actor.department === department
  );
}
