import { randomUUID } from 'crypto';
import { CHINA_2020, ClockPolicy, TEST_SECONDS, UK_FCA } from '../policy/clock-policy';
import { NO_HOLIDAYS } from '../policy/working-days';
import { ClockEngine } from './clock-engine';
import type { ClockInput } from './clock-state';
import { DeadlineCalculator } from './deadline-calculator';

const TZ = 'Asia/Shanghai';
const id = randomUUID();
const handler = { subject: 's-handler', username: 'h-claims-01', roles: ['handler'] };
const approver = { subject: 's-approver', username: 'approver', roles: ['approver'] };

const engine = (policy: ClockPolicy = CHINA_2020, calendar = NO_HOLIDAYS) =>
  new ClockEngine(policy, new DeadlineCalculator(policy, TZ, calendar));

let seq = 0;
const ev = (type: string, occurredAt: string, payload: Record<string, unknown>): ClockInput => ({
  eventId: `0000000${seq++}`.slice(-8) + randomUUID().slice(8),
  type,
  occurredAt,
  payload,
});
/** Received 2026-01-05 10:00 in Shanghai (02:00 UTC). */
const received = ev('complaint.received', '2026-01-05T02:00:00.000Z', {
  receivedAt: '2026-01-05T02:00:00.000Z',
});
const clockEv = (at: string, payload: Record<string, unknown>) =>
  ev('complaint.clock-changed', at, { actor: handler, at, reason: 'why', ...payload });
const decision = (events: ClockInput[], policy?: ClockPolicy) =>
  engine(policy)
    .compute(id, events)
    .clocks.filter((c) => c.kind === 'decision');

describe('ClockEngine (China policy)', () => {
  it('gives 15 natural days from the day after receipt, ending at local midnight', () => {
    // Day 1 is 6 January; day 15 is 20 January; it ends at 24:00 Shanghai = 16:00 UTC.
    expect(decision([received])[0].dueAt).toBe('2026-01-20T16:00:00.000Z');
  });

  it('waits for the receipt: clock events that come first are kept, not lost', () => {
    const pause = clockEv('2026-01-06T02:00:00.000Z', { action: 'paused', pauseKind: 'mediation' });
    expect(engine().compute(id, [pause]).state).toBe('waiting');
    expect(decision([pause, received])[0].status).toBe('paused');
  });

  it('moves the deadline to 30 days when an approver grants a complex extension', () => {
    const requestId = randomUUID();
    const clocks = decision([
      received,
      clockEv('2026-01-10T02:00:00.000Z', {
        action: 'extension-requested',
        requestId,
        extensionKind: 'complex',
      }),
      {
        ...clockEv('2026-01-11T02:00:00.000Z', { action: 'extension-approved', requestId }),
        payload: {
          action: 'extension-approved',
          requestId,
          actor: approver,
          at: '2026-01-11T02:00:00.000Z',
          reason: 'ok',
        },
      },
    ]);
    expect(clocks[0].dueAt).toBe('2026-02-04T16:00:00.000Z');
    expect(clocks[0].extensions[0]).toMatchObject({ status: 'approved', decidedBy: 's-approver' });
  });

  it('refuses an approval by the requester themself, and a request after the deadline', () => {
    const own = randomUUID();
    const self = { ...approver, subject: handler.subject };
    const late = randomUUID();
    const [first] = decision([
      received,
      clockEv('2026-01-10T02:00:00.000Z', {
        action: 'extension-requested',
        requestId: own,
        extensionKind: 'complex',
      }),
      ev('complaint.clock-changed', '2026-01-10T03:00:00.000Z', {
        action: 'extension-approved',
        requestId: own,
        actor: self,
        at: '2026-01-10T03:00:00.000Z',
        reason: 'mine',
      }),
      clockEv('2026-01-21T02:00:00.000Z', {
        action: 'extension-requested',
        requestId: late,
        extensionKind: 'complex',
      }),
    ]);
    expect(first.dueAt).toBe('2026-01-20T16:00:00.000Z');
    expect(first.extensions.map((e) => e.refusal)).toEqual([
      'EXTENSION.SELF_APPROVAL',
      'EXTENSION.AFTER_DEADLINE',
    ]);
  });

  it('does not count paused time, and has no deadline while paused', () => {
    const paused = clockEv('2026-01-08T02:00:00.000Z', {
      action: 'paused',
      pauseKind: 'appraisal',
    });
    expect(decision([received, paused])[0].dueAt).toBeUndefined();
    const resumed = clockEv('2026-01-11T08:00:00.000Z', { action: 'resumed' });
    // 3 days 6 hours paused.
    expect(decision([received, paused, resumed])[0].dueAt).toBe('2026-01-23T22:00:00.000Z');
  });

  it('restarts 15 days on new facts, and a withdrawal ends the clock', () => {
    const restarted = clockEv('2026-01-12T02:00:00.000Z', { action: 'restarted' });
    const clocks = decision([received, restarted]);
    expect(clocks.map((c) => [c.id, c.status])).toEqual([
      ['decision:1:0', 'ended'],
      ['decision:1:1', 'open'],
    ]);
    expect(clocks[1].dueAt).toBe('2026-01-27T16:00:00.000Z');
    const withdrawn = clockEv('2026-01-13T02:00:00.000Z', { action: 'withdrawn' });
    const all = engine().compute(id, [received, restarted, withdrawn]);
    expect(all.state).toBe('ended');
    expect(all.clocks.every((c) => c.status === 'ended')).toBe(true);
  });

  it('gives the same clocks whatever order the events arrive in', () => {
    const events = [
      received,
      clockEv('2026-01-08T02:00:00.000Z', { action: 'paused', pauseKind: 'test' }),
      clockEv('2026-01-09T02:00:00.000Z', { action: 'resumed' }),
      ev('complaint.responded', '2026-01-15T02:00:00.000Z', {}),
    ];
    expect(engine().compute(id, [...events].reverse())).toEqual(engine().compute(id, events));
  });

  it('runs a deadline on a holiday to the end of the next working day when the switch is on', () => {
    const policy = { ...CHINA_2020, holidaysExtendDeadline: true };
    // Received 31 January: day 15 is 15 February, in the 2026 Spring Festival (15 to 23 February).
    const calendar = {
      holidays: new Set([
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
      ]),
      workdays: new Set<string>(),
    };
    const late = ev('complaint.received', '2026-01-31T02:00:00.000Z', {
      receivedAt: '2026-01-31T02:00:00.000Z',
    });
    const clocks = new ClockEngine(policy, new DeadlineCalculator(policy, TZ, calendar)).compute(
      id,
      [late],
    );
    expect(clocks.clocks[0].dueAt).toBe('2026-02-24T16:00:00.000Z');
    expect(decision([late])[0].dueAt).toBe('2026-02-15T16:00:00.000Z');
  });
});

describe('ClockEngine (UK FCA policy, as data)', () => {
  it('gives 8 weeks and refuses any extension', () => {
    const requestId = randomUUID();
    const [clock] = decision(
      [
        received,
        clockEv('2026-01-06T02:00:00.000Z', {
          action: 'extension-requested',
          requestId,
          extensionKind: 'complex',
        }),
      ],
      UK_FCA,
    );
    expect(clock).toMatchObject({ periodDays: 56, dueAt: '2026-03-02T16:00:00.000Z' });
    expect(clock.extensions).toEqual([]);
    expect(engine(UK_FCA).compute(id, [received]).policy).toBe('uk-fca@1');
  });
});

describe('the test-only policy test-seconds@1', () => {
  it('counts a day as one second from receipt, paused time added back, for the end-to-end breach', () => {
    expect(decision([received], TEST_SECONDS)[0].dueAt).toBe('2026-01-05T02:00:15.000Z');
    const paused = decision(
      [
        received,
        clockEv('2026-01-05T02:00:02.000Z', { action: 'paused', pauseKind: 'appraisal' }),
        clockEv('2026-01-05T02:00:07.000Z', { action: 'resumed' }),
      ],
      TEST_SECONDS,
    );
    expect(paused[0].dueAt).toBe('2026-01-05T02:00:20.000Z');
  });
});
