import type { Actor } from '@complaints/platform';

/** Roles that see every department's clocks (figures only, no personal data). */
export const CROSS_DEPARTMENT_READERS = [
  'complaints_officer',
  'approver',
  'auditor',
  'operator',
] as const;
/** Roles bound to their token's department. */
export const DEPARTMENT_ROLES = ['handler', 'supervisor'] as const;

export const CLOCK_READERS = [...DEPARTMENT_ROLES, ...CROSS_DEPARTMENT_READERS] as const;
/** Who watches the lists of clocks near or over their deadline. */
export const WATCHLIST_READERS = ['operator', 'supervisor', 'complaints_officer'] as const;

/** The one department a person is bound to, or undefined for those who see all. */
export function boundDepartment(actor: Actor): string | undefined | null {
  if (actor.roles.some((r) => (CROSS_DEPARTMENT_READERS as readonly string[]).includes(r)))
    return undefined;
  // A department-bound person whose token names no department sees nothing.
  return actor.department ?? null;
}

export function maySee(actor: Actor, department: string): boolean {
  const bound = boundDepartment(actor);
  return bound === undefined || bound === department;
}
