import type { CaseItem } from '../api/types';

/** Undecided cases: green channel first, then the least time left to the decision. */
export function sortQueue(items: CaseItem[]): CaseItem[] {
  return [...items].sort(
    (a, b) =>
      Number(b.greenChannel) - Number(a.greenChannel) ||
      new Date(a.decisionDueAt).getTime() - new Date(b.decisionDueAt).getTime(),
  );
}
