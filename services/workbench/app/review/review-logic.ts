import type {
  CaseDecision,
  CaseDetail,
  CaseItem,
  MajorIncident,
  RepeatLink,
  RepeatOutcome,
} from '../api/types';
import type { Person } from '../auth/session';

/**
 * The review requests a reviewer holds: cases assigned to them whose current round is an
 * internal review, the earliest request first (its 30-day clock ends first).
 */
export function reviewRequests(items: readonly CaseItem[], reviewer: string): CaseItem[] {
  return items
    .filter((c) => c.review && c.handlerId === reviewer && c.status !== 'decided')
    .sort((a, b) => (a.review?.requestedAt ?? '').localeCompare(b.review?.requestedAt ?? ''));
}

/** The decision an internal review round reviews, when the case is one. */
export function reviewedDecision(
  item: Pick<CaseDetail, 'review' | 'decisions'>,
): CaseDecision | undefined {
  const round = item.review?.reviewedRound;
  if (round === undefined) return undefined;
  return item.decisions.find((d) => d.round === round);
}

/** The decisions on a proposed repeat, in the order the buttons show them. */
export const REPEAT_OUTCOMES: readonly RepeatOutcome[] = ['merged', 'restarted', 'split'];

/**
 * Which repeat decisions the person may make on this case's link (investigation's rule: the
 * handler the repeat is assigned to, a supervisor of its department, a complaints officer; only
 * while the link is proposed and the case is undecided). None: no buttons.
 */
export function repeatChoices(
  link: Pick<RepeatLink, 'status'> | undefined,
  person: Person,
  item: Pick<CaseItem, 'handlerId' | 'status'>,
): readonly RepeatOutcome[] {
  if (!link || link.status !== 'proposed' || item.status === 'decided') return [];
  const may =
    person.roles.includes('complaints_officer') ||
    person.roles.includes('supervisor') ||
    (person.roles.includes('handler') && item.handlerId === person.username);
  return may ? REPEAT_OUTCOMES : [];
}

/** Contingency steps not done yet; an incident with any is open. */
export function stepsLeft(incident: Pick<MajorIncident, 'steps'>): number {
  return incident.steps.filter((s) => !s.done).length;
}

/** Open incidents (steps left) first, then newest first. */
export function incidentOrder<T extends Pick<MajorIncident, 'steps' | 'raisedAt'>>(
  incidents: readonly T[],
): T[] {
  return [...incidents].sort((a, b) => {
    const open = Number(stepsLeft(b) > 0) - Number(stepsLeft(a) > 0);
    return open !== 0 ? open : b.raisedAt.localeCompare(a.raisedAt);
  });
}
