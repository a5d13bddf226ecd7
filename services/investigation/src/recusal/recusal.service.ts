import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '@complaints/platform';
import { CaseDecision } from '../cases/case-decision.entity';
import { ComplaintCase } from '../cases/complaint-case.entity';
import { CaseRecusal } from './case-recusal.entity';
import { RecusalErrors } from './recusal.errors';
import { StaffIdentity } from './staff-identity.entity';

/** Why a handler may not hold a case; absent: they may. */
export type ExclusionReason = 'complained about' | 'declared a conflict of interest' | 'decided it';

/**
 * Who may not touch a case: the staff member the complaint is about (by employee number, from
 * the token's staff id claim or, for people whose token has none, the staff identity table),
 * handlers who declared a conflict of interest on it, and, for an internal review, everyone who
 * decided one of its rounds.
 */
@Injectable()
export class RecusalService {
  /** The person's employee number: the token's claim first, else the staff identity table. */
  async staffIdOf(manager: EntityManager, actor: Actor): Promise<string | undefined> {
    if (actor.staffId) return actor.staffId;
    const found = await manager.findOneBy(StaffIdentity, { username: actor.username });
    return found?.staffId;
  }

  /** Throws RECUSAL.COMPLAINED_ABOUT (403) when the actor is the person complained about. */
  async refuseComplainedAbout(
    manager: EntityManager,
    actor: Actor,
    found: Pick<ComplaintCase, 'complainedAboutStaffId'>,
    what: string,
  ): Promise<void> {
    if (!found.complainedAboutStaffId) return;
    if ((await this.staffIdOf(manager, actor)) === found.complainedAboutStaffId)
      throw RecusalErrors.complainedAbout(what);
  }

  /** Handlers (ids = usernames) who may not hold the case, with why. */
  async excluded(
    manager: EntityManager,
    found: Pick<ComplaintCase, 'id' | 'complaintId' | 'complainedAboutStaffId'>,
    review: boolean,
  ): Promise<Map<string, ExclusionReason>> {
    const out = new Map<string, ExclusionReason>();
    if (review) {
      const deciders = await manager.find(CaseDecision, {
        where: { caseId: found.id },
        select: { decidedBy: true },
      });
      for (const d of deciders) out.set(d.decidedBy, 'decided it');
    }
    const recused = await manager.find(CaseRecusal, { where: { complaintId: found.complaintId } });
    for (const r of recused) out.set(r.handlerId, 'declared a conflict of interest');
    if (found.complainedAboutStaffId) {
      const person = await manager.findOneBy(StaffIdentity, {
        staffId: found.complainedAboutStaffId,
      });
      if (person) out.set(person.username, 'complained about');
    }
    return out;
  }
}
