import { AuditRecord } from '../audit/audit-record.entity';
import type { ArchivedAuditEntries } from './archive-record.builder';
import { Pseudonymiser } from './pseudonymiser';

/** Contract cap on list lengths. */
const MAX_ENTRIES = 500;

type ArchivedAuditEntry = ArchivedAuditEntries[number];

/**
 * An audit entry as the analysts' record and timeline show it: when, what, which service, the
 * person's roles and a keyed hash of their subject. Never their username, department, address,
 * user agent or the entry's details (a reason for a reassignment may name people).
 */
export function archivedAuditEntry(
  row: AuditRecord,
  pseudonymiser: Pseudonymiser,
): ArchivedAuditEntry {
  return {
    at: row.at.toISOString(),
    action: row.action,
    kind: row.kind,
    service: row.service,
    actorRole: [...row.actorRoles],
    ...(row.actorSubject ? { actorRef: pseudonymiser.person(row.actorSubject) } : {}),
  };
}

/** The complaint's entries for its sealed record, oldest first, at most the contract's cap. */
export function archivedAuditEntries(
  rows: readonly AuditRecord[],
  pseudonymiser: Pseudonymiser,
): ArchivedAuditEntries {
  return rows
    .slice()
    .sort(
      (a, b) =>
        a.at.getTime() - b.at.getTime() ||
        (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0),
    )
    .slice(0, MAX_ENTRIES)
    .map((row) => archivedAuditEntry(row, pseudonymiser));
}
