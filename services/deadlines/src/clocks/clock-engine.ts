import type { ClockChangedV1, ClockKind } from '@complaints/contracts';
import { EVENT_TYPES } from '@complaints/contracts';
import { ClockPolicy, policyKey } from '../policy/clock-policy';
import type { ClockInput, ClockRecord, ComplaintClocks } from './clock-state';
import { DeadlineCalculator } from './deadline-calculator';
import { applyExtension } from './extension-rules';

/** Events sorted as the clock reads them: by time, then by id (UUIDv7 ids sort by time too). */
export function inClockOrder(events: readonly ClockInput[]): ClockInput[] {
  return [...events].sort(
    (a, b) =>
      Date.parse(a.occurredAt) - Date.parse(b.occurredAt) ||
      (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0),
  );
}

/**
 * A complaint's clocks as a pure function of its events and a policy: the same events in any
 * arrival order give the same clocks (they are sorted first). Nothing here reads the time:
 * whether a deadline has passed is the sweep's question.
 */
export class ClockEngine {
  constructor(
    private readonly policy: ClockPolicy,
    private readonly deadlines: DeadlineCalculator,
  ) {}

  compute(complaintId: string, events: readonly ClockInput[]): ComplaintClocks {
    const state: ComplaintClocks = {
      complaintId,
      policy: policyKey(this.policy),
      state: 'waiting',
      department: 'unrouted',
      greenChannel: false,
      clocks: [],
      ignored: [],
    };
    const ordered = inClockOrder(events);
    const received = ordered.find((e) => e.type === EVENT_TYPES.received);
    if (!received) return state;
    // Receipt starts everything, whatever arrived first (clock events wait for it).
    this.receive(state, received);
    for (const event of ordered) if (event !== received) this.apply(state, event);
    for (const clock of state.clocks) clock.dueAt = this.deadlines.dueAt(clock);
    return state;
  }

  private receive(state: ComplaintClocks, event: ClockInput): void {
    const at = String(event.payload['receivedAt'] ?? event.occurredAt);
    state.state = 'open';
    state.receivedAt = at;
    state.clocks.push(this.clock('decision', 1, 0, at, this.policy.decisionDays));
    state.clocks.push({
      ...this.clock('acknowledgement', 1, 0, at, 0),
      periodHours: this.policy.acknowledgementHours,
      watched: this.policy.watchAcknowledgement,
    });
  }

  private apply(state: ComplaintClocks, event: ClockInput): void {
    const p = event.payload;
    switch (event.type) {
      case EVENT_TYPES.routed:
        state.department = String(p['department']);
        state.greenChannel = p['greenChannel'] === true;
        if (state.greenChannel) this.greenChannel(state);
        return;
      case EVENT_TYPES.assigned:
        state.department = String(p['department']);
        return;
      case EVENT_TYPES.acknowledged:
        this.meet(state, 'acknowledgement', String(p['acknowledgedAt']));
        return;
      case EVENT_TYPES.responded:
        this.meet(state, 'decision', event.occurredAt);
        this.meet(state, 'review', event.occurredAt);
        this.meet(state, 'green-channel', event.occurredAt);
        return;
      case EVENT_TYPES.reopened: {
        const at = String(p['reopenedAt']);
        this.end(state, at, 'reopened');
        const round = Number(p['reopenCount']) + 1;
        state.clocks.push(this.clock('review', round, 0, at, this.policy.reviewDays));
        return;
      }
      case EVENT_TYPES.closed:
        this.end(state, String(p['closedAt']), 'closed');
        state.state = 'ended';
        state.endedAt = String(p['closedAt']);
        state.endReason = 'closed';
        return;
      case EVENT_TYPES.clockChanged:
        this.clockAction(state, event, p as unknown as ClockChangedV1);
        return;
      default:
        return;
    }
  }

  private clockAction(state: ComplaintClocks, event: ClockInput, action: ClockChangedV1): void {
    const ignore = (code: string): void => {
      state.ignored.push({ eventId: event.eventId, action: action.action, code });
    };
    if (state.state === 'ended') return ignore('CLOCK.ENDED');
    const current = this.current(state);
    if (!current) return ignore('CLOCK.NOT_RUNNING');
    switch (action.action) {
      case 'extension-requested':
      case 'extension-approved':
      case 'extension-refused': {
        const code = applyExtension(this.policy, this.deadlines, current, action, action.actor);
        if (code) ignore(code);
        return;
      }
      case 'paused':
        if (current.pausedSince) return ignore('CLOCK.ALREADY_PAUSED');
        if (this.isPastDue(current, action.at)) return ignore('CLOCK.PAST_DUE');
        current.pausedSince = action.at;
        current.status = 'paused';
        current.pauses.push({ kind: action.pauseKind ?? 'evaluation', from: action.at });
        return;
      case 'resumed': {
        if (!current.pausedSince) return ignore('CLOCK.NOT_PAUSED');
        current.pausedMs += Math.max(0, Date.parse(action.at) - Date.parse(current.pausedSince));
        const pause = current.pauses[current.pauses.length - 1];
        if (pause) pause.to = action.at;
        delete current.pausedSince;
        current.status = 'open';
        return;
      }
      case 'restarted': {
        this.finish(current, action.at, 'restarted');
        const restarts = Number(current.id.split(':')[2]) + 1;
        const next = this.clock(
          'decision',
          current.round,
          restarts,
          action.at,
          this.policy.restartDays,
        );
        state.clocks.push(next);
        return;
      }
      case 'merged':
      case 'withdrawn':
        this.end(state, action.at, action.action);
        state.state = 'ended';
        state.endedAt = action.at;
        state.endReason = action.action;
        return;
    }
  }

  private greenChannel(state: ComplaintClocks): void {
    const ack = state.clocks.find((c) => c.kind === 'acknowledgement');
    if (ack && ack.status === 'open') ack.periodHours = this.policy.greenAcknowledgementHours;
    const hours = this.policy.greenChannelTargetHours;
    if (!hours || !state.receivedAt || state.clocks.some((c) => c.kind === 'green-channel')) return;
    state.clocks.push({
      ...this.clock('green-channel', 1, 0, state.receivedAt, 0),
      periodHours: hours,
    });
  }

  /** The decision or review clock running now (open or paused), if any. */
  private current(state: ComplaintClocks): ClockRecord | undefined {
    return [...state.clocks]
      .reverse()
      .find(
        (c) =>
          (c.kind === 'decision' || c.kind === 'review') &&
          (c.status === 'open' || c.status === 'paused'),
      );
  }

  private isPastDue(clock: ClockRecord, at: string): boolean {
    const due = this.deadlines.dueAt(clock);
    return due !== undefined && Date.parse(at) >= Date.parse(due);
  }

  private meet(state: ComplaintClocks, kind: ClockKind, at: string): void {
    for (const clock of state.clocks) {
      if (clock.kind !== kind || (clock.status !== 'open' && clock.status !== 'paused')) continue;
      if (clock.pausedSince) this.resumeAt(clock, at);
      clock.status = 'met';
      clock.metAt = at;
    }
  }

  /** Ends every clock still running (withdrawal, merge, closure, a new round). */
  private end(state: ComplaintClocks, at: string, reason: string): void {
    for (const clock of state.clocks)
      if (clock.status === 'open' || clock.status === 'paused') this.finish(clock, at, reason);
  }

  private finish(clock: ClockRecord, at: string, reason: string): void {
    if (clock.pausedSince) this.resumeAt(clock, at);
    clock.status = 'ended';
    clock.endedAt = at;
    clock.endReason = reason;
  }

  private resumeAt(clock: ClockRecord, at: string): void {
    clock.pausedMs += Math.max(0, Date.parse(at) - Date.parse(clock.pausedSince ?? at));
    const pause = clock.pauses[clock.pauses.length - 1];
    if (pause && !pause.to) pause.to = at;
    delete clock.pausedSince;
  }

  private clock(
    kind: ClockKind,
    round: number,
    restarts: number,
    at: string,
    days: number,
  ): ClockRecord {
    return {
      id: `${kind}:${round}:${restarts}`,
      kind,
      round,
      startedAt: at,
      periodDays: days,
      periodHours: 0,
      pausedMs: 0,
      status: 'open',
      watched: true,
      extensions: [],
      pauses: [],
    };
  }
}
