import { createEnvelope, EVENT_TYPES, MajorIncidentStep } from '@complaints/contracts';
import type { MajorIncident } from './major-incident.entity';

interface Cause {
  correlationId: string;
  causationId: string | null;
}

/** complaints.major-incident.v1 for one incident, keyed by `complaintId`. */
export function majorIncidentEvent(
  incident: MajorIncident,
  complaintId: string,
  action: 'raised' | 'linked' | 'step-done',
  complainantCount: number,
  at: Date,
  cause: Cause,
  step?: MajorIncidentStep,
) {
  return createEnvelope({
    type: EVENT_TYPES.majorIncident,
    complaintId,
    correlationId: cause.correlationId,
    causationId: cause.causationId,
    occurredAt: at,
    payload: {
      action,
      incidentId: incident.id,
      trigger: incident.trigger,
      ...(incident.productLine ? { productLine: incident.productLine } : {}),
      complainantCount: Math.max(1, complainantCount),
      raisedAt: incident.raisedAt.toISOString(),
      ...(incident.reason ? { reason: incident.reason } : {}),
      ...(step ? { step } : {}),
    },
  });
}
