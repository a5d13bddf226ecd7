import type { ClockKind, ExtensionKind, PauseKind } from '@complaints/contracts';

/** An event as the deadlines service keeps it: the facts a clock is computed from. */
export interface ClockInput {
  eventId: string;
  type: string;
  /** ISO 8601 UTC */
  occurredAt: string;
  payload: Record<string, unknown>;
}

export type ExtensionStatus = 'requested' | 'approved' | 'refused';

export interface ExtensionRecord {
  requestId: string;
  kind: ExtensionKind;
  status: ExtensionStatus;
  requestedAt: string;
  decidedAt?: string;
  /** Why it was refused: the approver's reason, or a rule's code (EXTENSION.AFTER_DEADLINE). */
  refusal?: string;
  /** The requester's and approver's subjects (staff, never shown to operators). */
  requestedBy: string;
  decidedBy?: string;
}

export interface PauseRecord {
  kind: PauseKind;
  from: string;
  to?: string;
}

/**
 * open: counting; paused: stopped (no deadline while it is); met: the decision was told;
 * ended: withdrawn, merged, closed or restarted before it was met.
 */
export type ClockStatus = 'open' | 'paused' | 'met' | 'ended';

export interface ClockRecord {
  /** `<kind>:<round>:<restarts>`, stable: signals are keyed by it */
  id: string;
  kind: ClockKind;
  round: number;
  startedAt: string;
  /** natural days of the period in force (15, 30 after an extension, ...); 0 for hour clocks */
  periodDays: number;
  /** hours of an hour-based clock (acknowledgement, green channel); 0 for day clocks */
  periodHours: number;
  /** ms stopped by finished pauses, >= 0 */
  pausedMs: number;
  pausedSince?: string;
  /** ISO UTC; absent while paused */
  dueAt?: string;
  status: ClockStatus;
  metAt?: string;
  endedAt?: string;
  endReason?: string;
  /** false: shown, but never warned about or breached (the policy's choice) */
  watched: boolean;
  extensions: ExtensionRecord[];
  pauses: PauseRecord[];
}

/** An event the rules did not apply, and why (kept so the history explains itself). */
export interface IgnoredAction {
  eventId: string;
  action: string;
  code: string;
}

export interface ComplaintClocks {
  complaintId: string;
  /** `<policy id>@<version>` */
  policy: string;
  /** waiting: events arrived before complaints.received.v1, kept until it comes */
  state: 'waiting' | 'open' | 'ended';
  department: string;
  greenChannel: boolean;
  receivedAt?: string;
  endedAt?: string;
  endReason?: string;
  clocks: ClockRecord[];
  ignored: IgnoredAction[];
}
