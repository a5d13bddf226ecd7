import { duePeriods, scheduleKinds } from './report-schedule';

const ids = (kind: 'month' | 'quarter' | 'year', start: string, now: string, delayHours = 0) =>
  duePeriods(kind, new Date(start), new Date(now), delayHours, 'Asia/Shanghai').map((p) => p.id);

describe('report schedule: which periods are due', () => {
  it('starts with the period holding the day scheduling began, not those before', () => {
    expect(ids('month', '2026-01-20T02:00:00Z', '2026-01-31T15:59:59Z')).toEqual([]);
    // midnight of 1 February in Shanghai
    expect(ids('month', '2026-01-20T02:00:00Z', '2026-01-31T16:00:00Z')).toEqual(['2026-01']);
    expect(ids('quarter', '2026-01-20T02:00:00Z', '2026-07-01T00:00:00Z')).toEqual([
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(ids('year', '2026-01-20T02:00:00Z', '2026-12-31T16:00:00Z')).toEqual(['2026']);
  });

  it('waits the configured hours after a period closes', () => {
    expect(ids('month', '2026-01-20T02:00:00Z', '2026-02-01T01:00:00Z', 12)).toEqual([]);
    expect(ids('month', '2026-01-20T02:00:00Z', '2026-02-01T04:00:00Z', 12)).toEqual(['2026-01']);
  });

  it('reads the configured kinds once each, in order', () => {
    expect(scheduleKinds('yearly,monthly,yearly')).toEqual(['yearly', 'monthly']);
    expect(scheduleKinds('')).toEqual([]);
  });
});
