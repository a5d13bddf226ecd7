import {
  AnyEventEnvelope,
  causedBy,
  ClockState,
  createEnvelope,
  DeadlineChangedV1,
  EnvelopeOf,
  EVENT_TYPES,
  ExtensionKind,
} from '@complaints/contracts';
import type { ClockPolicy } from '../policy/clock-policy';
import type { ClockRecord, ComplaintClocks } from './clock-state';

/** A refusal by the approver carries their words; the event carries only that it was theirs. */
const RULE_CODE = /^[A-Z]+\.[A-Z_]+$/;

/** The kinds the policy would still grant this clock: none once it has stopped running. */
function extensionsAvailable(policy: ClockPolicy, clock: ClockRecord): ExtensionKind[] {
  if (clock.kind !== 'decision' || (clock.status !== 'open' && clock.status !== 'paused'))
    return [];
  const granted = clock.extensions.filter((e) => e.status === 'approved').map((e) => e.kind);
  return policy.extensions
    .filter((r) => !granted.includes(r.kind) && (!r.after || granted.includes(r.after)))
    .map((r) => r.kind);
}

function stateOf(policy: ClockPolicy, c: ClockRecord): ClockState {
  return {
    clockId: c.id,
    clock: c.kind,
    round: c.round,
    startedAt: c.startedAt,
    periodDays: c.periodDays,
    periodHours: c.periodHours,
    ...(c.dueAt ? { dueAt: c.dueAt } : {}),
    status: c.status,
    ...(c.metAt ? { metAt: c.metAt } : {}),
    ...(c.endedAt ? { endedAt: c.endedAt } : {}),
    ...(c.endReason ? { endReason: c.endReason } : {}),
    watched: c.watched,
    extensionsAvailable: extensionsAvailable(policy, c),
    extensions: c.extensions.map((e) => ({
      requestId: e.requestId,
      kind: e.kind,
      status: e.status,
      requestedAt: e.requestedAt,
      ...(e.decidedAt ? { decidedAt: e.decidedAt } : {}),
      ...(e.refusal
        ? {
            refusalCode: RULE_CODE.test(e.refusal) ? e.refusal : 'EXTENSION.REFUSED_BY_APPROVER',
          }
        : {}),
      requestedBy: e.requestedBy,
      ...(e.decidedBy ? { decidedBy: e.decidedBy } : {}),
    })),
    pauses: c.pauses.map((p) => ({ kind: p.kind, from: p.from, ...(p.to ? { to: p.to } : {}) })),
  };
}

/** The clocks as complaints.deadline-changed.v1 shows them, without the event's bookkeeping. */
export function clocksView(policy: ClockPolicy, clocks: ComplaintClocks): ClockState[] {
  return clocks.clocks.map((c) => stateOf(policy, c));
}

/**
 * complaints.deadline-changed.v1 for the clocks an input event produced; `basis` is how many
 * events they were computed from, so a consumer keeps the state with the highest.
 */
export function deadlineChangedEvent(
  trigger: AnyEventEnvelope,
  policy: ClockPolicy,
  clocks: ComplaintClocks,
  basis: number,
  lastEventAt: string,
  now: Date,
): EnvelopeOf<'complaint.deadline-changed'> {
  const payload: DeadlineChangedV1 = {
    policy: clocks.policy,
    basis,
    lastEventAt,
    state: clocks.state === 'ended' ? 'ended' : 'open',
    department: clocks.department,
    clocks: clocksView(policy, clocks),
  };
  return createEnvelope({
    ...causedBy(trigger),
    type: EVENT_TYPES.deadlineChanged,
    occurredAt: now,
    payload,
  });
}
