import type { ComplaintArchivedV1 } from '@complaints/contracts';
import { StoredEvent } from './stored-event.types';
import { ofType } from './timeline-completeness';

type Classification = ComplaintArchivedV1['classification'];
type Assignment = NonNullable<ComplaintArchivedV1['assignments']>[number];

/** Contract cap on list lengths. */
const MAX_ENTRIES = 500;

/**
 * The routed classification with the latest correction of the class applied, if any:
 * category, subcategory and department are the corrected ones; `correctedFrom` is the class the
 * first correction replaced (what the classifier said). Corrections are ordered by `correctedAt`.
 */
export function correctedClassification(
  routed: Classification,
  events: readonly StoredEvent[],
): Classification {
  const corrections = ofType(events, 'complaint.reclassified')
    .slice()
    .sort(
      (a, b) =>
        Date.parse(a.payload.correctedAt) - Date.parse(b.payload.correctedAt) ||
        (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0),
    );
  if (corrections.length === 0) return routed;
  const first = corrections[0].payload;
  const last = corrections[corrections.length - 1].payload;
  return {
    ...routed,
    category: last.category,
    subcategory: last.subcategory,
    department: last.department,
    corrected: true,
    correctedFrom: {
      category: first.previousCategory,
      subcategory: first.previousSubcategory,
      department: first.previousDepartment,
    },
  };
}

/**
 * Every assignment recorded, oldest first, each event once (an assignment republished under a
 * new id counts twice: the archive cannot tell it from a real repeat). Capped at the contract's
 * list limit; the timeline keeps them all.
 */
export function assignmentsOf(events: readonly StoredEvent[]): Assignment[] {
  return ofType(events, 'complaint.assigned')
    .slice()
    .sort(
      (a, b) =>
        Date.parse(a.payload.assignedAt) - Date.parse(b.payload.assignedAt) ||
        (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0),
    )
    .slice(0, MAX_ENTRIES)
    .map(({ payload: p }) => ({
      at: p.assignedAt,
      cause: p.cause,
      department: p.department,
      handlerRef: p.handlerRef,
    }));
}
