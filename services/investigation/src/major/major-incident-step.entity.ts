import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MajorIncidentStep as Step } from '@complaints/contracts';

/** A contingency step the complaints officer ticked: once per incident and step. */
@Entity({ name: 'major_incident_step' })
export class MajorIncidentStep {
  @PrimaryColumn('uuid', { name: 'incident_id' })
  incidentId: string;

  @PrimaryColumn('text')
  step: Step;

  /** What was done (who in management was told, the response agreed, ...). */
  @Column('text')
  note: string;

  @Column('text', { name: 'done_by' })
  doneBy: string;

  @Column('text', { name: 'done_by_subject' })
  doneBySubject: string;

  @Column('timestamptz', { name: 'done_at' })
  doneAt: Date;
}
