import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A complaint flagged as part of a major incident: one incident per complaint. */
@Entity({ name: 'major_incident_complaint' })
export class MajorIncidentComplaint {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('uuid', { name: 'incident_id' })
  incidentId: string;

  /** Who complained, as counted: intake's keyed hash, else the complaint id (never an identity). */
  @Column('text')
  complainant: string;

  @Column('timestamptz', { name: 'linked_at' })
  linkedAt: Date;
}
