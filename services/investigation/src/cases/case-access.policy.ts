import type { Actor } from '@complaints/platform';

/** Roles that read cases of every department. */
export const CROSS_DEPARTMENT_READERS = ['complaints_officer', 'approver', 'auditor'] as const;

/** Roles bound to the department claim of their token. */
export const DEPARTMENT_ROLES = ['handler', 'supervisor'] as const;

export const CASE_READERS = [...DEPARTMENT_ROLES, ...CROSS_DEPARTMENT_READERS] as const;

/**
 * Which cases a person may see: every department's, or one department's. A department-bound
 * person whose token carries no department sees none (`department` undefined).
 */
export type CaseScope = { kind: 'all' } | { kind: 'department'; department?: string };

export function hasRole(actor: Actor, ...roles: readonly string[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

export function caseScope(actor: Actor): CaseScope {
  if (hasRole(actor, ...CROSS_DEPARTMENT_READERS)) return { kind: 'all' };
  return { kind: 'department', department: actor.department };
}

/** Whether the person may see a case of this department at all (else it answers 404). */
export function maySee(actor: Actor, department: string): boolean {
  const scope = caseScope(actor);
  return scope.kind === 'all' || scope.department === department;
}

/**
 * Notes: the handler the case is assigned to, a supervisor of its department, or a complaints
 * officer. Call after maySee, so a supervisor here is one of the case's department.
 */
export function mayNote(actor: Actor, handlerId: string): boolean {
  return (
    hasRole(actor, 'complaints_officer', 'supervisor') ||
    (hasRole(actor, 'handler') && actor.username === handlerId)
  );
}
