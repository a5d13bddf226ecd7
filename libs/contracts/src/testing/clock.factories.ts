import { v4 as uuidv4 } from 'uuid';
import { createEnvelope } from '../envelope/create-envelope';
import { EVENT_TYPES } from '../event-types';
import { EnvelopeOf, EventMap } from '../events';
import type { ClockChangedV1 } from '../payloads/clock/clock-changed-v1.payload';
import { anActingPerson } from './people.factories';
import { testTime } from './payload.factories';

/** A valid clock event; `payload` merges into a request for a complex-case extension. */
export function aClockEvent(
  o: {
    complaintId?: string;
    occurredAt?: string;
    payload?: Partial<ClockChangedV1>;
  } = {},
): EnvelopeOf<'complaint.clock-changed'> {
  const at = o.occurredAt ?? o.payload?.at ?? testTime(1);
  const payload: EventMap['complaint.clock-changed'] = {
    action: 'extension-requested',
    actor: anActingPerson({ username: 'h-claims-01', roles: ['handler'], department: 'claims' }),
    at,
    reason: 'Medical records from two hospitals are needed',
    requestId: uuidv4(),
    extensionKind: 'complex',
    ...o.payload,
  };
  return createEnvelope({
    type: EVENT_TYPES.clockChanged,
    complaintId: o.complaintId ?? uuidv4(),
    producer: 'investigation',
    occurredAt: new Date(at),
    payload,
  });
}

const signalBase = {
  clockId: 'decision:1:0',
  clock: 'decision' as const,
  dueAt: testTime(15),
  department: 'claims',
  greenChannel: false,
  policy: 'cn-2020@1',
};

export function aDeadlineWarningEvent(
  o: { complaintId?: string; payload?: Partial<EventMap['complaint.deadline-warning']> } = {},
): EnvelopeOf<'complaint.deadline-warning'> {
  return createEnvelope({
    type: EVENT_TYPES.deadlineWarning,
    complaintId: o.complaintId ?? uuidv4(),
    producer: 'deadlines',
    occurredAt: new Date(testTime(12)),
    payload: { ...signalBase, leadMinutes: 3 * 24 * 60, warnedAt: testTime(12), ...o.payload },
  });
}

export function aDeadlineBreachedEvent(
  o: { complaintId?: string; payload?: Partial<EventMap['complaint.deadline-breached']> } = {},
): EnvelopeOf<'complaint.deadline-breached'> {
  return createEnvelope({
    type: EVENT_TYPES.deadlineBreached,
    complaintId: o.complaintId ?? uuidv4(),
    producer: 'deadlines',
    occurredAt: new Date(testTime(15.1)),
    payload: { ...signalBase, breachedAt: testTime(15.1), ...o.payload },
  });
}

export function anAcknowledgedEvent(
  o: { complaintId?: string; payload?: Partial<EventMap['complaint.acknowledged']> } = {},
): EnvelopeOf<'complaint.acknowledged'> {
  return createEnvelope({
    type: EVENT_TYPES.acknowledged,
    complaintId: o.complaintId ?? uuidv4(),
    producer: 'feedback',
    occurredAt: new Date(testTime(0.1)),
    payload: { acknowledgedAt: testTime(0.1), channel: 'sms', proofId: 'sms-0001', ...o.payload },
  });
}

/** A complaint's clocks after a receipt: the decision clock open, due in 15 days. */
export function aDeadlineChangedEvent(
  o: { complaintId?: string; payload?: Partial<EventMap['complaint.deadline-changed']> } = {},
): EnvelopeOf<'complaint.deadline-changed'> {
  return createEnvelope({
    type: EVENT_TYPES.deadlineChanged,
    complaintId: o.complaintId ?? uuidv4(),
    producer: 'deadlines',
    occurredAt: new Date(testTime(0)),
    payload: {
      policy: 'cn-2020@1',
      basis: 1,
      lastEventAt: testTime(0),
      state: 'open',
      department: 'claims',
      clocks: [
        {
          clockId: 'decision:1:0',
          clock: 'decision',
          round: 1,
          startedAt: testTime(0),
          periodDays: 15,
          periodHours: 0,
          dueAt: testTime(15),
          status: 'open',
          watched: true,
          extensionsAvailable: ['complex'],
          extensions: [],
          pauses: [],
        },
      ],
      ...o.payload,
    },
  });
}
