import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { In, LessThan, MoreThan, Not } from 'typeorm';
import { Transaction } from '@complaints/messaging';
import { Clock } from '@complaints/platform';
import { ComplaintCase } from '../cases/complaint-case.entity';
import { ClockRequest } from '../clock/clock-request.entity';
import { InvestigationConfig } from '../config/investigation.config';
import { ComplaintFingerprint } from './complaint-fingerprint.entity';
import { RepeatLink } from './repeat-link.entity';
import { similarity } from './text-grams';

/**
 * Proposes a complaint as a repeat of the same customer's open complaint on the same policy
 * (intake's keyed hash of both is equal) when the texts are at least REPEAT_SIMILARITY_MIN alike:
 * the most similar such complaint received before it. Open: its case is undecided and was neither
 * merged nor withdrawn; a complaint that is itself a repeat awaiting its handler is not a target.
 * Routed events of different complaints may be consumed out of order: a complaint matched before
 * its customer's earlier one is linked when the earlier one arrives.
 */
@Injectable()
export class RepeatDetector {
  constructor(
    private readonly config: InvestigationConfig,
    private readonly clock: Clock,
  ) {}

  async consider(tx: Transaction, f: ComplaintFingerprint): Promise<RepeatLink | undefined> {
    if (!f.repeatKey) return undefined;
    const m = tx.manager;
    // One customer's complaints take turns, so two arriving at once see each other.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`repeat:${f.repeatKey}`]);
    if (await m.existsBy(RepeatLink, { complaintId: f.complaintId })) return undefined;
    const earlier = await m.find(ComplaintFingerprint, {
      where: {
        repeatKey: f.repeatKey,
        receivedAt: LessThan(f.receivedAt),
        complaintId: Not(f.complaintId),
      },
      order: { receivedAt: 'DESC' },
      take: 50,
    });
    if (earlier.length === 0) return this.adoptLater(tx, f);
    const closed = await this.notOpen(
      tx,
      earlier.map((e) => e.complaintId),
    );
    const best = earlier
      .filter((e) => !closed.has(e.complaintId))
      .map((e) => ({ e, score: similarity(f.grams, e.grams) }))
      .filter((x) => x.score >= this.config.REPEAT_SIMILARITY_MIN)
      .sort((a, b) => b.score - a.score)[0];
    if (!best) return this.adoptLater(tx, f);
    return this.link(tx, f.complaintId, best.e.complaintId, best.score);
  }

  /**
   * Complaints of the same customer received after this one but matched before it (their routed
   * events were consumed first): each similar one not yet linked becomes this one's repeat.
   */
  private async adoptLater(
    tx: Transaction,
    f: ComplaintFingerprint,
  ): Promise<RepeatLink | undefined> {
    const m = tx.manager;
    const later = await m.find(ComplaintFingerprint, {
      where: { repeatKey: f.repeatKey ?? '', receivedAt: MoreThan(f.receivedAt) },
      order: { receivedAt: 'ASC' },
      take: 50,
    });
    if (later.length === 0) return undefined;
    const ids = later.map((l) => l.complaintId);
    const linked = new Set(
      (
        await m.find(RepeatLink, { select: { complaintId: true }, where: { complaintId: In(ids) } })
      ).map((r) => r.complaintId),
    );
    const closed = await this.notOpen(tx, ids);
    let first: RepeatLink | undefined;
    for (const l of later) {
      if (linked.has(l.complaintId) || closed.has(l.complaintId)) continue;
      const score = similarity(f.grams, l.grams);
      if (score < this.config.REPEAT_SIMILARITY_MIN) continue;
      const link = await this.link(tx, l.complaintId, f.complaintId, score);
      first ??= link;
    }
    return first;
  }

  /** Of these complaints, those decided, merged, withdrawn or themselves awaiting a repeat decision. */
  private async notOpen(tx: Transaction, ids: string[]): Promise<Set<string>> {
    const m = tx.manager;
    return new Set([
      ...(
        await m.find(ComplaintCase, {
          select: { complaintId: true },
          where: { complaintId: In(ids), status: 'decided' },
        })
      ).map((c) => c.complaintId),
      ...(
        await m.find(ClockRequest, {
          select: { complaintId: true },
          where: { complaintId: In(ids), kind: In(['merge', 'withdrawal']) },
        })
      ).map((r) => r.complaintId),
      ...(
        await m.find(RepeatLink, {
          select: { complaintId: true },
          where: { complaintId: In(ids), status: In(['proposed', 'merged', 'restarted']) },
        })
      ).map((r) => r.complaintId),
    ]);
  }

  private async link(
    tx: Transaction,
    complaintId: string,
    earlierComplaintId: string,
    score: number,
  ): Promise<RepeatLink> {
    const m = tx.manager;
    const link = m.create(RepeatLink, {
      id: randomUUID(),
      complaintId,
      earlierComplaintId,
      similarity: Math.round(score * 1000) / 1000,
      status: 'proposed',
      proposedAt: this.clock.now(),
      decidedBy: null,
      decidedBySubject: null,
      decidedAt: null,
      reason: null,
    });
    await m.insert(RepeatLink, link);
    return link;
  }
}
