import type { ClockRecord, ComplaintClocks } from '../clocks/clock-state';
import { CHINA_2020 } from '../policy/clock-policy';
import { dueSignals } from './due-signals';

const DUE = '2026-03-17T16:00:00.000Z';
const clock = (over: Partial<ClockRecord> = {}): ClockRecord => ({
  id: 'decision:1:0',
  kind: 'decision',
  round: 1,
  startedAt: '2026-03-02T02:00:00.000Z',
  periodDays: 15,
  periodHours: 0,
  pausedMs: 0,
  dueAt: DUE,
  status: 'open',
  watched: true,
  extensions: [],
  pauses: [],
  ...over,
});
const state = (c: ClockRecord, greenChannel = false): ComplaintClocks => ({
  complaintId: 'c',
  policy: 'cn-2020@1',
  state: 'open',
  department: 'claims',
  greenChannel,
  clocks: [c],
  ignored: [],
});
const at = (iso: string) => new Date(iso);

describe('dueSignals', () => {
  it('warns 3 days and 1 day before, and says when to look next', () => {
    const early = dueSignals(CHINA_2020, state(clock()), at('2026-03-10T00:00:00.000Z'));
    expect(early.due).toEqual([]);
    expect(early.nextCheckAt?.toISOString()).toBe('2026-03-14T16:00:00.000Z');
    const near = dueSignals(CHINA_2020, state(clock()), at('2026-03-15T00:00:00.000Z'));
    expect(near.due.map((s) => s.key)).toEqual(['decision:1:0:15d0h:warning:4320']);
    expect(near.nextCheckAt?.toISOString()).toBe('2026-03-16T16:00:00.000Z');
  });

  it('breaches a clock past due, or met late; never a paused, met-in-time, ended or unwatched one', () => {
    const after = at('2026-03-18T00:00:00.000Z');
    expect(dueSignals(CHINA_2020, state(clock()), after).due.map((s) => s.kind)).toEqual([
      'breach',
    ]);
    const late = clock({ status: 'met', metAt: '2026-03-17T16:00:01.000Z' });
    expect(dueSignals(CHINA_2020, state(late), after).due.map((s) => s.key)).toEqual([
      'decision:1:0:breach',
    ]);
    for (const quiet of [
      clock({ status: 'paused', dueAt: undefined, pausedSince: '2026-03-10T00:00:00.000Z' }),
      clock({ status: 'met', metAt: DUE }),
      clock({ status: 'ended' }),
      clock({ watched: false }),
    ])
      expect(dueSignals(CHINA_2020, state(quiet), after)).toEqual({ due: [] });
  });

  it('warns hours ahead on the green channel', () => {
    const s = dueSignals(CHINA_2020, state(clock(), true), at('2026-03-17T06:00:00.000Z'));
    expect(s.due.map((x) => x.leadMinutes)).toEqual([720]);
  });
});
