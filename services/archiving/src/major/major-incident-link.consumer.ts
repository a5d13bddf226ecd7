import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ArchivedMajorIncident, EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, Transaction } from '@complaints/messaging';

/**
 * Keeps which major incident a complaint was linked to (investigation's `linked` events on
 * complaints.major-incident.v1, keyed by the complaint), so its sealed record carries the flag
 * and analysts can count major complaints. Like the clock history it never holds the seal back:
 * a link that arrives after the seal stays out of the record. The first link wins (a complaint
 * is in one incident); a redelivered or republished link changes nothing.
 */
@Injectable()
export class MajorIncidentLinkConsumer implements OnModuleInit {
  constructor(private readonly consumers: ConsumerHost) {}

  onModuleInit(): void {
    this.consumers.register('major-incident-links', [EVENT_TYPES.majorIncident], (event, tx) =>
      this.linked(event, tx),
    );
  }

  async linked(event: EnvelopeOf<'complaint.major-incident'>, tx: Transaction): Promise<void> {
    const p = event.payload;
    if (p.action !== 'linked') return;
    await tx.manager.query(
      `INSERT INTO major_incident_link (complaint_id, incident_id, trigger, event_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT (complaint_id) DO NOTHING`,
      [event.complaintId, p.incidentId, p.trigger, event.eventId],
    );
  }
}

/** The major incident a complaint was linked to before its seal, if any. */
export async function majorIncidentOf(
  tx: Transaction,
  complaintId: string,
): Promise<ArchivedMajorIncident | undefined> {
  const rows = (await tx.manager.query(
    `SELECT incident_id, trigger FROM major_incident_link WHERE complaint_id = $1`,
    [complaintId],
  )) as { incident_id: string; trigger: ArchivedMajorIncident['trigger'] }[];
  return rows[0] ? { incidentId: rows[0].incident_id, trigger: rows[0].trigger } : undefined;
}

@Module({ providers: [MajorIncidentLinkConsumer] })
export class MajorIncidentLinkModule {}
