import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { In, IsNull, MoreThanOrEqual, Not } from 'typeorm';
import { Transaction } from '@complaints/messaging';
import { Clock } from '@complaints/platform';
import { InvestigationConfig } from '../config/investigation.config';
import { ComplaintFingerprint } from '../repeats/complaint-fingerprint.entity';
import { similarity } from '../repeats/text-grams';
import { MajorIncident } from './major-incident.entity';
import { MajorIncidentComplaint } from './major-incident-complaint.entity';
import { majorIncidentEvent } from './major-incident.events';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Most recent complaints of a product line compared with a new one (bounds the work per event). */
const MAX_CANDIDATES = 5_000;

interface Cause {
  correlationId: string;
  causationId: string | null;
}

/**
 * Finds major complaints across complaints: MAJOR_COMPLAINANTS_MIN or more distinct
 * complainants on one matter (same product line, received within MAJOR_WINDOW_DAYS, texts at
 * least MAJOR_SIMILARITY_MIN alike). The first time a matter reaches the threshold one incident
 * is raised and every complaint on it linked; later complaints on the same matter join it. A
 * transaction-scoped advisory lock per product line makes concurrent consumers take turns, so
 * two partitions never raise two incidents for one matter.
 */
@Injectable()
export class MajorDetector {
  constructor(
    private readonly config: InvestigationConfig,
    private readonly clock: Clock,
  ) {}

  async consider(tx: Transaction, f: ComplaintFingerprint, cause: Cause): Promise<void> {
    const m = tx.manager;
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`major:${f.productLine}`]);
    if (await m.existsBy(MajorIncidentComplaint, { complaintId: f.complaintId })) return;
    const since = new Date(f.receivedAt.getTime() - this.config.MAJOR_WINDOW_DAYS * DAY_MS);
    const alike = (g: ComplaintFingerprint['grams']) =>
      similarity(f.grams, g) >= this.config.MAJOR_SIMILARITY_MIN;
    const open = await m.find(MajorIncident, {
      where: { productLine: f.productLine, raisedAt: MoreThanOrEqual(since), grams: Not(IsNull()) },
      order: { raisedAt: 'DESC' },
    });
    const joined = open.find((i) => i.grams && alike(i.grams));
    if (joined) {
      await this.link(tx, joined, [f], cause);
      return;
    }
    const recent = await m.find(ComplaintFingerprint, {
      where: { productLine: f.productLine, receivedAt: MoreThanOrEqual(since) },
      order: { receivedAt: 'DESC' },
      take: MAX_CANDIDATES,
    });
    const taken = new Set(
      (
        await m.find(MajorIncidentComplaint, {
          select: { complaintId: true },
          where: { complaintId: In(recent.map((r) => r.complaintId)) },
        })
      ).map((r) => r.complaintId),
    );
    const matter = recent.filter(
      (r) => !taken.has(r.complaintId) && (r.complaintId === f.complaintId || alike(r.grams)),
    );
    if (complainants(matter) < this.config.MAJOR_COMPLAINANTS_MIN) return;
    const earliest = matter.reduce((a, b) => (b.receivedAt < a.receivedAt ? b : a));
    const incident = m.create(MajorIncident, {
      id: randomUUID(),
      trigger: 'complainant-threshold',
      productLine: f.productLine,
      anchorComplaintId: earliest.complaintId,
      grams: f.grams,
      reason: null,
      raisedAt: this.clock.now(),
      raisedBy: null,
      raisedBySubject: null,
      correlationId: cause.correlationId,
    });
    await m.insert(MajorIncident, incident);
    tx.publish(
      majorIncidentEvent(
        incident,
        incident.anchorComplaintId,
        'raised',
        complainants(matter),
        incident.raisedAt,
        cause,
      ),
    );
    await this.link(tx, incident, matter, cause);
  }

  /** Flags each complaint as part of the incident and publishes one `linked` event for each. */
  async link(
    tx: Transaction,
    incident: MajorIncident,
    complaints: Pick<ComplaintFingerprint, 'complaintId' | 'repeatKey'>[],
    cause: Cause,
  ): Promise<number> {
    const now = this.clock.now();
    const rows = complaints.map((c) => ({
      complaintId: c.complaintId,
      incidentId: incident.id,
      complainant: c.repeatKey ?? c.complaintId,
      linkedAt: now,
    }));
    if (rows.length === 0) return 0;
    const inserted = (await tx.manager
      .createQueryBuilder()
      .insert()
      .into(MajorIncidentComplaint)
      .values(rows)
      .orIgnore()
      .returning('complaint_id')
      .execute()) as { raw: { complaint_id: string }[] };
    const count = await this.complainantCount(tx, incident.id);
    for (const { complaint_id } of inserted.raw)
      tx.publish(majorIncidentEvent(incident, complaint_id, 'linked', count, now, cause));
    return inserted.raw.length;
  }

  async complainantCount(tx: Transaction, incidentId: string): Promise<number> {
    const [row] = (await tx.manager.query(
      `SELECT count(DISTINCT complainant)::int AS n FROM major_incident_complaint WHERE incident_id = $1`,
      [incidentId],
    )) as { n: number }[];
    return row?.n ?? 0;
  }
}

/** Distinct complainants: one per repeat key, a complaint without one counts alone. */
function complainants(rows: Pick<ComplaintFingerprint, 'complaintId' | 'repeatKey'>[]): number {
  return new Set(rows.map((r) => r.repeatKey ?? r.complaintId)).size;
}
