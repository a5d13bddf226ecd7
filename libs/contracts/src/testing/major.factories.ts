import { v4 as uuidv4 } from 'uuid';
import { createEnvelope } from '../envelope/create-envelope';
import { EVENT_TYPES } from '../event-types';
import { EnvelopeOf, EventMap } from '../events';
import { testTime } from './payload.factories';

/** A valid major-incident event: by default one raised by the complainant threshold. */
export function aMajorIncidentEvent(
  o: { complaintId?: string; payload?: Partial<EventMap['complaint.major-incident']> } = {},
): EnvelopeOf<'complaint.major-incident'> {
  return createEnvelope({
    type: EVENT_TYPES.majorIncident,
    complaintId: o.complaintId ?? uuidv4(),
    producer: 'investigation',
    occurredAt: new Date(testTime(2)),
    payload: {
      action: 'raised',
      incidentId: uuidv4(),
      trigger: 'complainant-threshold',
      productLine: 'property',
      complainantCount: 20,
      raisedAt: testTime(2),
      ...o.payload,
    },
  });
}
