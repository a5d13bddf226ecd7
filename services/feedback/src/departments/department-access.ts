import type { Actor } from '@complaints/platform';

/** Roles that read letters of every department. */
const EVERY_DEPARTMENT = ['complaints_officer', 'auditor'];
/** Roles bound to the department in their token. */
const OWN_DEPARTMENT = ['handler', 'supervisor'];

/**
 * Whether the person may read a complaint held by `department` (undefined: not known yet).
 * A complaint they may not read is answered as a missing one: its existence is not revealed.
 */
export function maySeeDepartment(actor: Actor, department: string | undefined): boolean {
  if (actor.roles.some((r) => EVERY_DEPARTMENT.includes(r))) return true;
  return (
    department !== undefined &&
    actor.department === department &&
    actor.roles.some((r) => OWN_DEPARTMENT.includes(r))
  );
}
