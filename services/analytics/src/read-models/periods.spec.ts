import { localDate, parsePeriod, Period, periodOf, previousPeriod } from './periods';

const period = (id: string) => parsePeriod(id) as Period;

describe('reporting periods', () => {
  it('cuts by the local calendar: 16:30 UTC on 31 March is 1 April in Shanghai', () => {
    expect(localDate('2026-03-31T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-04-01');
    expect(localDate('2026-03-31T16:30:00.000Z', 'UTC')).toBe('2026-03-31');
  });

  it('parses months, quarters and years as half-open ranges of local dates', () => {
    expect(parsePeriod('2026-03')).toEqual({
      kind: 'month',
      id: '2026-03',
      from: '2026-03-01',
      to: '2026-04-01',
    });
    expect(parsePeriod('2026-Q4')).toMatchObject({ from: '2026-10-01', to: '2027-01-01' });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', to: '2027-01-01' });
    expect(['2026-13', '2026-Q5', '26', '2026-3', ''].map(parsePeriod)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('steps back across a year boundary', () => {
    expect(previousPeriod(period('2026-01')).id).toBe('2025-12');
    expect(previousPeriod(period('2026-Q1')).id).toBe('2025-Q4');
    expect(previousPeriod(period('2026')).id).toBe('2025');
    expect(periodOf('quarter', '2026-08-15').id).toBe('2026-Q3');
  });
});
