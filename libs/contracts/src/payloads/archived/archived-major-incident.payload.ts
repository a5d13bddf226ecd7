import { IsIn, IsUUID } from 'class-validator';
import { MAJOR_INCIDENT_TRIGGERS, MajorIncidentTrigger } from '../major/major-incident.vocabulary';

/** The major incident a complaint was part of, so analysts can count major complaints. */
export class ArchivedMajorIncident {
  @IsUUID()
  incidentId: string;

  @IsIn(MAJOR_INCIDENT_TRIGGERS)
  trigger: MajorIncidentTrigger;
}
