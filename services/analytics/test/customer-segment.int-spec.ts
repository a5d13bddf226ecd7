import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ServiceTestEnv } from '@complaints/testing';
import { asPeople, startAnalytics } from './analytics-kit';
import { archivedEventOf, archivedRecord, FixtureComplaint } from './archived-fixture';

jest.setTimeout(180_000);

/**
 * 2025-Q4, built with a known bias against vulnerable customers: 20 aged 75 or more and
 * vulnerable, upheld 4 of 20; 40 aged 35-44, not vulnerable, upheld 28 of 40; 20 with no segment
 * recorded, upheld 14 of 20. Only the vulnerable (and the 75+) group differs from the rest more
 * than chance would explain (4/20 against 42/60: z -3.92; the others |z| < 2.4, α 0.05 / 3).
 */
function segmentFixture(): FixtureComplaint[] {
  const group = (
    n: number,
    upheld: number,
    segment?: FixtureComplaint['customerSegment'],
  ): FixtureComplaint[] =>
    Array.from({ length: n }, (_, i) => ({
      receivedAt: `2025-11-${String((i % 28) + 1).padStart(2, '0')}T03:00:00.000Z`,
      productLine: 'motor',
      rootCause: 'Approval step had no deadline',
      slaMet: true,
      daysToDecision: 6,
      answered: false,
      outcome: i < upheld ? 'upheld' : 'rejected',
      reopened: false,
      ...(segment ? { customerSegment: segment } : {}),
    }));
  return [
    ...group(20, 4, { ageBand: '75_plus', vulnerable: true }),
    ...group(40, 28, { ageBand: '35_44', vulnerable: false }),
    ...group(20, 14),
  ];
}

interface Group {
  value: string | null;
  complaints: number;
  upheld: number;
  flagged: boolean;
  test?: { z: number; pValue: number };
}

describe('analytics: the customer segment (age band, vulnerable) as a dimension', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let people: ReturnType<typeof asPeople>;

  beforeAll(async () => {
    const fixture = segmentFixture();
    ({ env, app, people } = await startAnalytics(
      'analytics-segment',
      '2026-01-15T02:00:00.000Z',
      fixture.map((x) => archivedEventOf(archivedRecord(x))),
      fixture.length,
    ));
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('keeps the age band and the flag on each complaint, and no birth date anywhere', async () => {
    const ds = app.get(DataSource);
    const rows = (await ds.query(
      `SELECT age_band, vulnerable, count(*)::int AS n FROM complaint_fact
        GROUP BY 1, 2 ORDER BY 3 DESC, 1`,
    )) as { age_band: string | null; vulnerable: boolean | null; n: number }[];
    expect(rows).toEqual([
      { age_band: '35_44', vulnerable: false, n: 40 },
      { age_band: '75_plus', vulnerable: true, n: 20 },
      { age_band: null, vulnerable: null, n: 20 },
    ]);
    const columns = (await ds.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name IN ('complaint_fact', 'decision_fact')`,
    )) as { column_name: string }[];
    expect(
      columns.map((c) => c.column_name).filter((c) => /birth|dob|age(?!_band)/.test(c)),
    ).toEqual([]);
    const csv = (await people.get('/v1/exports/complaint-fact?period=2025-Q4')).body;
    const header = csv
      .replace(/^\ufeff/, '')
      .split(/\r?\n/)[0]
      .split(',');
    expect(header).toEqual(expect.arrayContaining(['age_band', 'vulnerable']));
  });

  it('counts hotspots by age band and by the vulnerable flag', async () => {
    const by = async (dimension: string) =>
      (await people.get(`/v1/hotspots?dimension=${dimension}&period=2025-Q4`))
        .json()
        .rows.map((r: { value: string | null; count: number }) => [r.value, r.count])
        // biggest first; groups of equal size in any order
        .sort(
          (a: [string | null, number], b: [string | null, number]) =>
            b[1] - a[1] || String(a[0]).localeCompare(String(b[0])),
        );
    expect(await by('ageBand')).toEqual([
      ['35_44', 40],
      ['75_plus', 20],
      [null, 20],
    ]);
    expect(await by('vulnerable')).toEqual([
      ['false', 40],
      [null, 20],
      ['true', 20],
    ]);
  });

  it('flags exactly the vulnerable customers and the 75+ band in fairness, with the test and p-value', async () => {
    for (const [dimension, biased] of [
      ['vulnerable', 'true'],
      ['ageBand', '75_plus'],
    ]) {
      const res = await people.get(`/v1/fairness?dimension=${dimension}&period=2025-Q4`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { test: { adjustedAlpha: number }; groups: Group[] };
      expect(body.groups.filter((g) => g.flagged).map((g) => g.value)).toEqual([biased]);
      const flagged = body.groups.find((g) => g.value === biased) as Group;
      expect([flagged.complaints, flagged.upheld]).toEqual([20, 4]);
      expect(flagged.test?.z).toBeCloseTo(-3.92, 2);
      expect(flagged.test?.pValue).toBeLessThan(body.test.adjustedAlpha);
      for (const g of body.groups.filter((x) => !x.flagged))
        expect(g.test?.pValue).toBeGreaterThan(body.test.adjustedAlpha);
    }
    const bad = await people.get('/v1/fairness?dimension=birthDate&period=2025-Q4');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['dimension']);
  });
});
