import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InvestigationConfig } from '../config/investigation.config';
import { chooseHandler, HandlerLoad } from './assignment.policy';
import { UNDECIDED_STATUSES } from './complaint-case.entity';

export interface Assignment {
  handlerId: string;
  /** The chosen handler's department: the queue the case sits in. */
  department: string;
}

interface LockedHandler extends HandlerLoad {
  department: string;
}

/**
 * Decides who investigates a case, inside the caller's transaction. The candidates' handler
 * rows are locked (FOR NO KEY UPDATE, in id order so two assignments cannot deadlock) until
 * that transaction commits: a concurrent assignment to the same department waits, then counts
 * the case this one opened, so two cases never both go to the same least loaded handler. Not
 * FOR UPDATE: that also blocks every insert whose foreign key names one of these handlers (a
 * decision, a note), which then waited for the whole assignment batch to commit.
 */
@Injectable()
export class CaseAssignmentService {
  constructor(private readonly config: InvestigationConfig) {}

  /** `excluded`: handlers who may not hold the case (recusal); they are skipped. */
  async assign(
    manager: EntityManager,
    department: string,
    preferredId?: string,
    excluded: ReadonlySet<string> = new Set(),
  ): Promise<Assignment> {
    const chosen = await this.tryAssign(manager, department, preferredId, excluded);
    // Retried, then dead-lettered: the event stays replayable once someone is staffed.
    if (!chosen)
      throw new Error(`no active handler in ${department} or ${this.config.FALLBACK_DEPARTMENT}`);
    return chosen;
  }

  /** As `assign`, but undefined when nobody may take the case. */
  async tryAssign(
    manager: EntityManager,
    department: string,
    preferredId?: string,
    excluded: ReadonlySet<string> = new Set(),
  ): Promise<Assignment | undefined> {
    const allowed = (loads: LockedHandler[]) => loads.filter((h) => !excluded.has(h.id));
    const chosen =
      chooseHandler(
        allowed(await this.lockedLoads(manager, department, preferredId)),
        preferredId,
      ) ??
      (department === this.config.FALLBACK_DEPARTMENT
        ? undefined
        : chooseHandler(allowed(await this.lockedLoads(manager, this.config.FALLBACK_DEPARTMENT))));
    return chosen ? { handlerId: chosen.id, department: chosen.department } : undefined;
  }

  private async lockedLoads(
    manager: EntityManager,
    department: string,
    preferredId?: string,
  ): Promise<LockedHandler[]> {
    const handlers: { id: string; department: string; active: boolean; maxOpenCases: number }[] =
      await manager.query(
        `SELECT id, department, active, max_open_cases AS "maxOpenCases"
         FROM handler
        WHERE department = $1 OR id = $2
        ORDER BY id
          FOR NO KEY UPDATE`,
        [department, preferredId ?? null],
      );
    if (handlers.length === 0) return [];
    const counts: { handlerId: string; openCases: number }[] = await manager.query(
      `SELECT handler_id AS "handlerId", count(*)::int AS "openCases"
         FROM complaint_case
        WHERE handler_id = ANY($1) AND status = ANY($2)
        GROUP BY handler_id`,
      [handlers.map((h) => h.id), UNDECIDED_STATUSES],
    );
    const load = new Map(counts.map((c) => [c.handlerId, c.openCases]));
    return handlers.map((h) => ({ ...h, openCases: load.get(h.id) ?? 0 }));
  }
}
