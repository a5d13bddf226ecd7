import { ComplaintFingerprint } from '../repeats/complaint-fingerprint.entity';
import { RepeatLink } from '../repeats/repeat-link.entity';
import { MajorIncident } from './major-incident.entity';
import { MajorIncidentComplaint } from './major-incident-complaint.entity';
import { MajorIncidentStep } from './major-incident-step.entity';

/** The entities of repeats and major complaints, registered with the service's datasource. */
export const REPEATS_AND_MAJOR_ENTITIES = [
  ComplaintFingerprint,
  RepeatLink,
  MajorIncident,
  MajorIncidentComplaint,
  MajorIncidentStep,
];
