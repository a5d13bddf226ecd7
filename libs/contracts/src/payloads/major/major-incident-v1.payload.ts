import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { PRODUCT_LINES, ProductLine } from '../complaint.vocabulary';
import {
  MAJOR_INCIDENT_ACTIONS,
  MAJOR_INCIDENT_STEPS,
  MAJOR_INCIDENT_TRIGGERS,
  MajorIncidentAction,
  MajorIncidentStep,
  MajorIncidentTrigger,
} from './major-incident.vocabulary';

/**
 * `complaints.major-incident.v1`: a major complaint handled under the contingency plan
 * (investigation). One `raised` per incident, one `linked` per complaint in it (keyed by that
 * complaint, so its archived record can carry the flag), one `step-done` per ticked step. No
 * personal data: complainants are counted, never named.
 */
export class MajorIncidentV1 {
  @IsIn(MAJOR_INCIDENT_ACTIONS)
  action: MajorIncidentAction;

  @IsUUID()
  incidentId: string;

  @IsIn(MAJOR_INCIDENT_TRIGGERS)
  trigger: MajorIncidentTrigger;

  /** The product line of the matter, when the complaints share one. */
  @OptionalNotNull()
  @IsIn(PRODUCT_LINES)
  productLine?: ProductLine;

  /** Distinct complainants linked when the event was written (>= 1). */
  @IsInt()
  @Min(1)
  complainantCount: number;

  /** When the incident was raised (UTC). */
  @IsUtcTimestamp()
  raisedAt: string;

  /** The officer's reason for a declaration or designation; absent when found by the threshold. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;

  /** The step ticked; required by `step-done`. */
  @ValidateIf((o: MajorIncidentV1) => o.action === 'step-done' || o.step !== undefined)
  @IsIn(MAJOR_INCIDENT_STEPS)
  step?: MajorIncidentStep;
}
