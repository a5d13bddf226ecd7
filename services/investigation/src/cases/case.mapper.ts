import { CaseDecision } from './case-decision.entity';
import { CaseNote } from './case-note.entity';
import { CaseBreach } from '../deadline/case-breach.entity';
import { ComplaintCase } from './complaint-case.entity';
import { CaseDecisionDto } from './dto/case-decision.dto';
import { CaseNoteDto } from './dto/case-note.dto';
import { CaseDto } from './dto/case.dto';

/** Entities to API shapes. Optional fields are absent, never null, as in the contracts. */

/** `breaches`: the complaint's, any order (shown oldest first). */
export function toCaseDto(c: ComplaintCase, breaches: readonly CaseBreach[] = []): CaseDto {
  const flagged = breaches
    .filter((b) => b.complaintId === c.complaintId)
    .sort((a, b) => a.breachedAt.getTime() - b.breachedAt.getTime());
  return {
    caseId: c.id,
    complaintId: c.complaintId,
    department: c.department,
    routedDepartment: c.routedDepartment,
    handlerId: c.handlerId,
    status: c.status,
    round: c.round,
    category: c.category,
    subcategory: c.subcategory,
    severity: c.severity,
    priority: c.priority,
    greenChannel: c.greenChannel,
    decisionDueAt: c.decisionDueAt.toISOString(),
    openedAt: c.openedAt.toISOString(),
    ...(c.reopenedAt ? { reopenedAt: c.reopenedAt.toISOString() } : {}),
    ...(c.decidedAt ? { decidedAt: c.decidedAt.toISOString() } : {}),
    reopenCount: c.reopenCount,
    ...(c.review ? { review: { ...c.review } } : {}),
    ...(c.complaint ? { complaint: c.complaint } : {}),
    breached: flagged.length > 0,
    ...(flagged.length > 0
      ? {
          breaches: flagged.map((b) => ({
            clockId: b.clockId,
            clock: b.clockKind,
            dueAt: b.dueAt.toISOString(),
            breachedAt: b.breachedAt.toISOString(),
            department: b.department,
          })),
        }
      : {}),
  };
}

export function toNoteDto(n: CaseNote): CaseNoteDto {
  return { noteId: n.id, author: n.author, body: n.body, createdAt: n.createdAt.toISOString() };
}

export function toDecisionDto(d: CaseDecision): CaseDecisionDto {
  return {
    decisionId: d.id,
    caseId: d.caseId,
    round: d.round,
    outcome: d.outcome,
    summary: d.summary,
    rootCause: d.rootCause,
    ...(d.remedy !== null ? { remedy: d.remedy } : {}),
    ...(d.compensation !== null ? { compensation: d.compensation } : {}),
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt.toISOString(),
    eventId: d.eventId,
  };
}
