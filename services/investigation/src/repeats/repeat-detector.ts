import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { In, LessThan, Not } from 'typeorm';
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
    if (earlier.length === 0) return undefined;
    const ids = earlier.map((e) => e.complaintId);
    const closed = new Set([
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
    const best = earlier
      .filter((e) => !closed.has(e.complaintId))
      .map((e) => ({ e, score: similarity(f.grams, e.grams) }))
      .filter((x) => x.score >= this.config.REPEAT_SIMILARITY_MIN)
      .sort((a, b) => b.score - a.score)[0];
    if (!best) return undefined;
    const link = m.create(RepeatLink, {
      id: randomUUID(),
      complaintId: f.complaintId,
      earlierComplaintId: best.e.complaintId,
      similarity: Math.round(best.score * 1000) / 1000,
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
