/** A handler as assignment sees it: whether they take work, and how much they carry. */
export interface HandlerLoad {
  id: string;
  active: boolean;
  /** Cases open or reopened now, >= 0. */
  openCases: number;
  /** >= 1 */
  maxOpenCases: number;
}

/**
 * Chooses who investigates a case. The preferred handler (the one who decided the earlier
 * round) keeps it while active: they know the file. Otherwise the least loaded active
 * handler, ties broken by id so the choice is deterministic; handlers below their limit come
 * before those at it, and when everyone is at the limit the least loaded still takes it (an
 * event cannot be refused for lack of staff). Undefined when no one is active.
 */
export function chooseHandler<T extends HandlerLoad>(
  handlers: readonly T[],
  preferredId?: string,
): T | undefined {
  const active = handlers.filter((h) => h.active);
  const preferred =
    preferredId === undefined ? undefined : active.find((h) => h.id === preferredId);
  if (preferred) return preferred;
  return [...active].sort(byLoad)[0];
}

function byLoad(a: HandlerLoad, b: HandlerLoad): number {
  const full = Number(a.openCases >= a.maxOpenCases) - Number(b.openCases >= b.maxOpenCases);
  if (full !== 0) return full;
  if (a.openCases !== b.openCases) return a.openCases - b.openCases;
  // Code-point order, not localeCompare: the same on every machine.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
