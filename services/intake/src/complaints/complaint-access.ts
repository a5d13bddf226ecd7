import type { Actor } from '@complaints/platform';
import { Complaint } from './complaint.entity';

/** Roles that read complaints of every department (the permission model of every service). */
const EVERY_DEPARTMENT = ['complaints_officer', 'auditor', 'approver'];
/** Roles bound to the department whose queue holds the case. */
const OWN_DEPARTMENT = ['handler', 'supervisor'];
/** Roles that read any complainant's details; a handler reads them on the cases they hold. */
const EVERY_COMPLAINANT = ['complaints_officer', 'auditor'];

/** People who may call a complaint's status route. */
export const COMPLAINT_READERS = [...EVERY_DEPARTMENT, ...OWN_DEPARTMENT] as [string, ...string[]];
/** People who may call the complainant route (each still checked by complainantAccess). */
export const COMPLAINANT_READERS = [...EVERY_COMPLAINANT, ...OWN_DEPARTMENT] as [
  string,
  ...string[],
];

const holds = (actor: Actor, roles: readonly string[]) =>
  roles.some((r) => actor.roles.includes(r));

/** Whether the person works in the department holding the case (never for an unrouted one). */
function inItsDepartment(actor: Actor, complaint: Complaint): boolean {
  return (
    holds(actor, OWN_DEPARTMENT) &&
    actor.department !== undefined &&
    complaint.department !== null &&
    actor.department === complaint.department
  );
}

/** A complaint the person may not read is, to them, one that does not exist (404). */
export function mayReadComplaint(actor: Actor, complaint: Complaint): boolean {
  return holds(actor, EVERY_DEPARTMENT) || inItsDepartment(actor, complaint);
}

/**
 * granted: officers, auditors, and the handler the case is assigned to; not-assigned: others
 * of the case's department (403); hidden: another department's case (404, as a missing one).
 */
export type ComplainantAccess = 'granted' | 'not-assigned' | 'hidden';

export function complainantAccess(actor: Actor, complaint: Complaint): ComplainantAccess {
  if (holds(actor, EVERY_COMPLAINANT)) return 'granted';
  if (!inItsDepartment(actor, complaint)) return 'hidden';
  const assigned =
    actor.roles.includes('handler') &&
    complaint.handlerId !== null &&
    actor.username === complaint.handlerId;
  return assigned ? 'granted' : 'not-assigned';
}
