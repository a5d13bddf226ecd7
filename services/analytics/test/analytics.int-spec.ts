import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { anArchivedEvent } from '@complaints/contracts/testing';
import { ServiceTestEnv, TestIdentity } from '@complaints/testing';
import { asPeople, runRebuild, untilConsumed, startAnalytics } from './analytics-kit';
import { archivedEventOf, archivedRecord, knownFixture } from './archived-fixture';

jest.setTimeout(180_000);

type Row = { value: string | null; count: number; previousCount: number; significant: boolean };
const pick = (rows: Row[]) => rows.map((r) => [r.value, r.count, r.previousCount, r.significant]);

describe('analytics: read models from complaints.archived.v1 (real Kafka, PostgreSQL, Keycloak)', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let identity: TestIdentity;
  let people: ReturnType<typeof asPeople>;
  const events = knownFixture().map((c) => archivedEventOf(archivedRecord(c)));

  beforeAll(async () => {
    ({ env, app, identity, people } = await startAnalytics(
      'analytics',
      '2026-07-15T02:00:00.000Z',
      events,
      49,
    ));
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  const sql = (text: string) => app.get(DataSource).query(text);

  it('keeps one pseudonymised row per complaint and decision, and no free text', async () => {
    expect(await sql(`SELECT count(*)::int AS n FROM decision_fact`)).toEqual([{ n: 49 }]);
    const leaked = await sql(
      `SELECT count(*)::int AS n FROM complaint_fact f
        WHERE row_to_json(f)::text ~* 'denied|deadline|mind|claim payment'`,
    );
    expect(leaked).toEqual([{ n: 0 }]);
    // 16:30 UTC on 31 March is 1 April in Shanghai: a second-quarter complaint.
    const boundary = await sql(
      `SELECT received_on::text AS d FROM complaint_fact WHERE received_at = '2026-03-31T16:30:00Z'`,
    );
    expect(boundary).toEqual([{ d: '2026-04-01' }]);
  });

  it('applies a redelivered record once and a replayed one idempotently', async () => {
    const state = `SELECT md5(string_agg((row_to_json(f)::jsonb - 'archived_event_id')::text, ','
                     ORDER BY complaint_id)) AS h FROM complaint_fact f`;
    const before = await sql(state);
    const replayed = anArchivedEvent({
      complaintId: events[0].complaintId,
      payload: events[0].payload,
    });
    await env.publish(events[0], events[1], replayed);
    await untilConsumed(env);
    expect(await sql(state)).toEqual(before);
    expect(
      await app
        .get(DataSource)
        .query(`SELECT archived_event_id::text AS id FROM complaint_fact WHERE complaint_id = $1`, [
          events[0].complaintId,
        ]),
    ).toEqual([{ id: replayed.eventId }]);
    expect(await sql(`SELECT count(*)::int AS n FROM decision_fact`)).toEqual([{ n: 49 }]);
  });

  it('counts hotspots by subcategory against the previous quarter, with the test', async () => {
    const res = await people.get('/v1/hotspots?dimension=subcategory&period=2026-Q2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.period).toMatchObject({ id: '2026-Q2', from: '2026-04-01', to: '2026-07-01' });
    expect(body.previousPeriod.id).toBe('2026-Q1');
    expect(body.test).toMatchObject({ name: 'poisson-conditional-binomial', alpha: 0.05 });
    expect(pick(body.rows)).toEqual([
      ['claims', 30, 10, true],
      ['policy_terms', 5, 4, false],
    ]);
    expect(body.rows[0].change).toBe(2);
    // Exact: P(X >= 30 or X <= 10), X ~ Binomial(40, 1/2)
    expect(body.rows[0].pValue).toBeCloseTo(0.00222, 5);
    expect(body.total).toMatchObject({ value: 'total', count: 35, previousCount: 14 });
  });

  it('groups by region and branch where records carry them, by root cause, and by month', async () => {
    const region = (await people.get('/v1/hotspots?dimension=region&period=2026-Q2')).json();
    expect(pick(region.rows)).toEqual([
      ['cn-sh', 25, 0, true],
      [null, 10, 14, false],
    ]);
    const cause = (
      await people.get('/v1/hotspots?dimension=rootCause&period=2026-Q2', 'auditor')
    ).json();
    expect(pick(cause.rows)).toEqual([
      ['claims.delay', 20, 10, false],
      ['claims.denial', 10, 0, true],
      [null, 5, 4, false],
    ]);
    const may = (
      await people.get('/v1/hotspots?dimension=productLine&period=2026-05', 'officer')
    ).json();
    // May against April, which holds the complaint of 31 March 16:30 UTC.
    expect(pick(may.rows)).toEqual([['motor', 29, 1, true]]);
  });

  it('counts complaints by root cause from the versioned taxonomy, chosen or derived', async () => {
    const taxonomy = await people.get('/v1/root-causes', 'h-claims-01');
    expect(taxonomy.statusCode).toBe(200);
    expect(taxonomy.json().version).toBe(1);
    expect(taxonomy.json().causes).toContainEqual({
      code: 'claims.delay',
      regulatorCause: 'claims',
      labelEn: 'Claim handled too slowly',
      labelZh: '理赔时效',
    });
    const counts = (await people.get('/v1/root-causes/counts?period=2026-Q2')).json();
    expect(counts).toMatchObject({ taxonomyVersion: 1, total: 35 });
    expect(
      counts.causes.map((c: Record<string, unknown>) => [
        c.code,
        c.count,
        c.chosen,
        c.derived,
        c.regulatorCause,
      ]),
    ).toEqual([
      ['claims.delay', 20, 20, 0, 'claims'],
      ['claims.denial', 10, 0, 10, 'claims'],
      [null, 5, 0, 0, null],
    ]);
  });

  it('loads policy counts as a whole file and gives rates per 10,000 policies', async () => {
    const bad = await people.put('/v1/reference/policy-counts', {
      rows: [
        { productLine: 'motor', period: '2026-Q2', policies: 100_000 },
        { productLine: 'motor', period: '2026-Q1', policies: -5 },
        { productLine: 'boats', period: '2026-Q9', policies: 1 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'rows.1.policies',
      'rows.2.productLine',
      'rows.2.period',
    ]);
    const twice = await people.put('/v1/reference/policy-counts', {
      rows: [
        { productLine: 'motor', period: '2026-Q2', policies: 1 },
        { productLine: 'motor', period: '2026-Q2', policies: 2 },
      ],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json()).toMatchObject({
      code: 'REFERENCE.DUPLICATE_ROW',
      errors: [{ field: 'rows.1' }],
    });
    expect((await people.get('/v1/reference/policy-counts')).json()).toEqual([]);
    expect(
      (await people.put('/v1/reference/policy-counts', { rows: [] }, 'auditor')).statusCode,
    ).toBe(403);

    const loaded = await people.put(
      '/v1/reference/policy-counts',
      {
        rows: [
          { productLine: 'motor', period: '2026-Q1', policies: 100_000 },
          { productLine: 'motor', period: '2026-Q2', policies: 100_000 },
          { productLine: 'health', period: '2026-Q2', policies: 50_000 },
          { productLine: 'motor', region: 'cn-sh', period: '2026-Q2', policies: 40_000 },
        ],
      },
      'officer',
    );
    expect(loaded.json()).toEqual({ loaded: 4 });
    const lines = (await people.get('/v1/hotspots?dimension=productLine&period=2026-Q2')).json();
    expect(
      lines.rows.map((r: Record<string, unknown>) => [r.value, r.ratePer10k, r.previousRatePer10k]),
    ).toEqual([
      ['motor', 3, 1],
      ['health', 1, undefined],
    ]);
    expect(lines.total).toMatchObject({ ratePer10k: 2.333, previousRatePer10k: 1.4 });
    const region = (await people.get('/v1/hotspots?dimension=region&period=2026-Q2')).json();
    expect(region.rows[0]).toMatchObject({ value: 'cn-sh', ratePer10k: 6.25 });
  });

  it('writes the quarterly report with exact figures, as JSON and CSV', async () => {
    const res = await people.get('/v1/reports/2026-Q2');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      kind: 'quarterly',
      timeZone: 'Asia/Shanghai',
      generatedAt: '2026-07-15T02:00:00.000Z',
      // 35 on 150,000 policies against 14 on 100,000: a rate up by two thirds, within chance.
      volumes: {
        received: 35,
        previousReceived: 14,
        change: 0.6667,
        significant: false,
        ratePer10k: 2.333,
      },
      handling: {
        daysToDecision: { mean: 6.57, median: 6, p90: 10 },
        daysToClose: { mean: 7.57, median: 7, p90: 11 },
      },
      deadlines: { measured: 35, met: 32, breached: 3, metRate: 0.9143 },
      outcomes: { upheld: 30, partially_upheld: 0, rejected: 5 },
      satisfaction: {
        answered: 30,
        meanRating: 4,
        solved: 30,
        closedSatisfied: 30,
        closedNoFeedback: 5,
        satisfiedRate: 0.8571,
      },
      reopened: { complaints: 2, rate: 0.0571 },
    });
    expect(pick(r.breakdowns.category)).toEqual([
      ['business_handling', 30, 10, true],
      ['product_service', 5, 4, false],
    ]);
    expect(
      r.hotspots
        .map((h: { dimension: string; value: string }) => `${h.dimension}:${h.value}`)
        .sort(),
    ).toEqual([
      'branch:cn-sh-pudong',
      'category:business_handling',
      'channel:phone',
      'department:claims',
      'productLine:motor',
      'region:cn-sh',
      'rootCause:claims.denial',
      'subcategory:claims',
    ]);
    const csv = await people.get('/v1/reports/2026-Q2?format=csv', 'officer');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe(
      'section,name,value,count,previous_count,change,p_value,significant,rate_per_10k',
    );
    expect(lines).toContain('summary,received,35,,,,,,');
    expect(lines).toContain('summary,deadlines_met_rate,0.9143,,,,,,');
    expect(lines).toContain('by_subcategory,claims,,30,10,2,0.002221,true,');
    expect(lines).toContain('cause,claims.denial,拒赔,10,,,,,');
  });

  it('refuses a bad period or dimension naming the field, and people who are not readers', async () => {
    const bad = await people.get('/v1/hotspots?dimension=colour&period=2026-Q7');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'dimension',
      'period',
    ]);
    const report = await people.get('/v1/reports/last-year');
    expect(report.statusCode).toBe(400);
    expect(report.json().errors).toEqual([
      { field: 'period', reason: 'period must be YYYY, YYYY-MM or YYYY-Qn' },
    ]);
    for (const user of ['h-claims-01', 'operator', 'approver'])
      expect((await people.get('/v1/reports/2026-Q2', user)).statusCode).toBe(403);
  });

  it('rebuilds from the topic into the same figures, whatever the tables held', async () => {
    const before = (await people.get('/v1/reports/2026-Q2')).json();
    await sql(`UPDATE complaint_fact SET channel = 'tampered', sla_met = NOT sla_met`);
    await sql(`DELETE FROM decision_fact WHERE round = 1 AND outcome = 'rejected'`);
    const lines = await runRebuild({ ...env.env, OIDC_ISSUER: identity.issuer });
    expect(lines[lines.length - 1]).toBe('rebuilt 49 complaints into 2 read models');
    expect(await sql(`SELECT count(*)::int AS n FROM decision_fact`)).toEqual([{ n: 49 }]);
    expect((await people.get('/v1/reports/2026-Q2')).json()).toEqual(before);
  });
});
