import type { ActingPerson, ClockChangedV1 } from '@complaints/contracts';
import type { ClockPolicy } from '../policy/clock-policy';
import type { ClockRecord } from './clock-state';
import type { DeadlineCalculator } from './deadline-calculator';

/** The role that may approve an extension (a superior unit or a senior manager). */
export const APPROVER_ROLE = 'approver';

/**
 * Applies one extension action to the running clock; returns the code of the rule that left it
 * without effect, or undefined. A request made at or after its deadline is recorded refused
 * (EXTENSION.AFTER_DEADLINE); an approval by the requester themself is a refusal
 * (EXTENSION.SELF_APPROVAL). Timeliness is judged when the request is made.
 */
export function applyExtension(
  policy: ClockPolicy,
  deadlines: DeadlineCalculator,
  clock: ClockRecord,
  action: ClockChangedV1,
  actor: ActingPerson,
): string | undefined {
  const requestId = action.requestId ?? '';
  if (action.action === 'extension-requested') {
    const kind = action.extensionKind ?? 'complex';
    const rule = policy.extensions.find((r) => r.kind === kind);
    if (clock.kind !== 'decision' || !rule) return 'EXTENSION.NOT_ALLOWED';
    if (clock.extensions.some((e) => e.requestId === requestId)) return 'EXTENSION.DUPLICATE';
    if (clock.extensions.some((e) => e.status === 'requested')) return 'EXTENSION.PENDING';
    const granted = clock.extensions.filter((e) => e.status === 'approved').map((e) => e.kind);
    if (granted.includes(kind)) return 'EXTENSION.BEYOND_MAXIMUM';
    if (rule.after && !granted.includes(rule.after)) return 'EXTENSION.OUT_OF_ORDER';
    const record = {
      requestId,
      kind,
      status: 'requested' as const,
      requestedAt: action.at,
      requestedBy: actor.subject,
    };
    const due = deadlines.dueAt(clock);
    if (due !== undefined && Date.parse(action.at) >= Date.parse(due)) {
      clock.extensions.push({
        ...record,
        status: 'refused',
        decidedAt: action.at,
        refusal: 'EXTENSION.AFTER_DEADLINE',
      });
      return undefined;
    }
    clock.extensions.push(record);
    return undefined;
  }
  const request = clock.extensions.find((e) => e.requestId === requestId);
  if (!request || request.status !== 'requested') return 'EXTENSION.NOT_PENDING';
  request.decidedAt = action.at;
  request.decidedBy = actor.subject;
  if (action.action === 'extension-refused') {
    request.status = 'refused';
    request.refusal = action.reason;
    return undefined;
  }
  if (!actor.roles.includes(APPROVER_ROLE)) {
    delete request.decidedAt;
    delete request.decidedBy;
    return 'EXTENSION.NOT_APPROVER';
  }
  if (actor.subject === request.requestedBy) {
    request.status = 'refused';
    request.refusal = 'EXTENSION.SELF_APPROVAL';
    return undefined;
  }
  request.status = 'approved';
  const rule = policy.extensions.find((r) => r.kind === request.kind);
  if (rule) clock.periodDays = Math.max(clock.periodDays, rule.toDays);
  return undefined;
}
