import { createHash } from 'crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceTestEnv } from '@complaints/testing';
import { asPeople, startAnalytics } from './analytics-kit';
import { archivedEventOf, archivedRecord, biasFixture } from './archived-fixture';

jest.setTimeout(180_000);

const pseudonym = (s: string) => createHash('sha256').update(s).digest('hex');

describe('analytics: fairness on data built to show a known bias', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let people: ReturnType<typeof asPeople>;

  beforeAll(async () => {
    ({ env, app, people } = await startAnalytics(
      'analytics-fairness',
      '2025-10-15T02:00:00.000Z',
      biasFixture().map((c) => archivedEventOf(archivedRecord(c))),
      100,
    ));
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('flags the branch channel, whose uphold rate differs from the rest more than chance', async () => {
    const res = await people.get('/v1/fairness?dimension=channel&period=2025-Q3');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.test).toMatchObject({ alpha: 0.05, groupsTested: 3 });
    expect(body.test.adjustedAlpha).toBeCloseTo(0.05 / 3, 6);
    expect(body.currency).toBe('CNY');
    const rows = body.groups.map((g: Record<string, unknown>) => [
      g.value,
      g.complaints,
      g.upheld,
      g.upholdRate,
      g.meanCompensationMinor,
      g.flagged,
    ]);
    expect(rows).toEqual([
      ['phone', 40, 30, 0.75, 50_000, false],
      ['web', 40, 28, 0.7, 50_000, false],
      ['branch', 20, 4, 0.2, 10_000, true],
    ]);
    const branch = body.groups[2];
    expect(branch.upholdRateCi95).toEqual([0.0807, 0.416]);
    expect(branch.test.z).toBeCloseTo(-4.327, 2);
    expect(branch.test.pValue).toBeLessThan(0.0001);
    // Phone is higher than the rest (p 0.029) but not beyond the Bonferroni threshold.
    expect(body.groups[0].test.pValue).toBeCloseTo(0.0287, 3);
  });

  it('shows handlers as pseudonyms only, the same bias by handler', async () => {
    const body = (
      await people.get('/v1/fairness?dimension=handler&period=2025-Q3', 'auditor')
    ).json();
    const flagged = body.groups.filter((g: { flagged: boolean }) => g.flagged);
    expect(flagged.map((g: { value: string }) => g.value)).toEqual([pseudonym('h-claims-03')]);
    expect(JSON.stringify(body)).not.toContain('h-claims');
    expect((await people.get('/v1/fairness?dimension=colour', 'officer')).json().errors).toEqual([
      { field: 'dimension', reason: expect.stringContaining('dimension must be one of') },
    ]);
    expect((await people.get('/v1/fairness', 'operator')).statusCode).toBe(403);
  });

  it('gives handling results per handler (pseudonym) and per team', async () => {
    const handlers = (await people.get('/v1/handler-performance?period=2025-Q3', 'officer')).json();
    const byUnit = (rows: [string, number, number][]) =>
      rows.sort(([a], [b]) => a.localeCompare(b));
    expect(
      byUnit(
        handlers.map((h: { unit: string; decided: number; upheldRate: number }) => [
          h.unit,
          h.decided,
          h.upheldRate,
        ]),
      ),
    ).toEqual(
      byUnit([
        [pseudonym('h-claims-01'), 40, 0.75],
        [pseudonym('h-claims-02'), 40, 0.7],
        [pseudonym('h-claims-03'), 20, 0.2],
      ]),
    );
    expect(handlers.map((h: { decided: number }) => h.decided)).toEqual([40, 40, 20]);
    expect(handlers.every((h: { team: string }) => h.team === 'claims')).toBe(true);
    expect(handlers[0]).toMatchObject({
      meanDaysToDecision: 6,
      deadlineMetRate: 1,
      reopenRate: 0,
      meanRating: 4,
      closedSatisfiedRate: 1,
    });
    const teams = (await people.get('/v1/handler-performance?period=2025-Q3&by=team')).json();
    expect(teams).toEqual([
      expect.objectContaining({ unit: 'claims', decided: 100, upheldRate: 0.62 }),
    ]);
  });
});
