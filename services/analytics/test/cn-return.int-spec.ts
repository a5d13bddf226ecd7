import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceTestEnv } from '@complaints/testing';
import { asPeople, startAnalytics } from './analytics-kit';
import { archivedEventOf, archivedRecord, knownFixture } from './archived-fixture';

jest.setTimeout(180_000);

describe("analytics: China's quarterly return by cause and product line", () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let people: ReturnType<typeof asPeople>;

  beforeAll(async () => {
    ({ env, app, people } = await startAnalytics(
      'analytics-return',
      '2026-07-15T02:00:00.000Z',
      knownFixture().map((c) => archivedEventOf(archivedRecord(c))),
      49,
    ));
    const loaded = await people.put('/v1/reference/policy-counts', {
      rows: [
        {
          productLine: 'motor',
          period: '2026-Q2',
          policies: 100_000,
          premiumYuan: 300_000_000,
          insuredPersons: 120_000,
        },
        { productLine: 'health', period: '2026-Q2', policies: 50_000 },
      ],
    });
    expect(loaded.json()).toEqual({ loaded: 2 });
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('counts by the regulator cause and divides by each denominator loaded', async () => {
    const res = await people.get('/v1/returns/cn-quarterly/2026-Q2', 'officer');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const row = (line: string, cause: string) =>
      body.rows.find(
        (r: { productLine: string; cause: string }) => r.productLine === line && r.cause === cause,
      );
    // claims.delay and claims.denial are claims causes; unclassified counts as other.
    expect(row('motor', 'claims')).toEqual({
      productLine: 'motor',
      cause: 'claims',
      complaints: 30,
      share: 1,
      per100mYuanPremium: 10,
      per10kPolicies: 3,
      per10kInsured: 2.5,
    });
    expect(row('motor', 'sales')).toMatchObject({ complaints: 0, per10kPolicies: 0 });
    expect(row('health', 'other')).toMatchObject({
      complaints: 5,
      per10kPolicies: 1,
      per100mYuanPremium: null,
    });
    expect(body.rows).toHaveLength(10);
    expect(body.notes).toEqual(['health: premium not loaded for 2026-Q2']);

    const csv = await people.get('/v1/returns/cn-quarterly/2026-Q2?format=csv');
    const lines = csv.body.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe(
      'quarter,product_line,cause,complaints,share_of_product_line,complaints_per_100m_yuan_premium,complaints_per_10k_policies,complaints_per_10k_insured_persons',
    );
    expect(lines).toContain('2026-Q2,motor,claims,30,1,10,3,2.5');
    expect(lines).toContain('2026-Q2,health,other,5,1,,1,');
  });

  it('says so instead of dividing when a quarter has no denominators, and checks its input', async () => {
    const q1 = (await people.get('/v1/returns/cn-quarterly/2026-Q1')).json();
    expect(q1.notes).toEqual([
      'health: no denominators loaded for 2026-Q1; counts only',
      'motor: no denominators loaded for 2026-Q1; counts only',
    ]);
    expect(
      q1.rows.find(
        (r: { cause: string; productLine: string }) =>
          r.productLine === 'motor' && r.cause === 'all',
      ),
    ).toMatchObject({
      complaints: 10,
      per10kPolicies: null,
    });
    for (const [url, field] of [
      ['/v1/returns/cn-quarterly/2026-05', 'quarter'],
      ['/v1/returns/cn-quarterly/2026-Q2?region=Shanghai!', 'region'],
    ]) {
      const bad = await people.get(url);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect((await people.get('/v1/returns/cn-quarterly/2026-Q2', 'h-claims-01')).statusCode).toBe(
      403,
    );
  });

  it("records improvement actions and shows the cause's rate before and after, also in the report", async () => {
    const post = (body: unknown, user = 'officer', query = '?windowDays=60') =>
      people.post(`/v1/improvement-actions${query}`, body, user);
    const action = {
      rootCauseCode: 'claims.delay',
      kind: 'process_change',
      ownerUnit: 'claims',
      takenOn: '2026-03-01',
    };
    expect((await post(action, 'analyst')).statusCode).toBe(403);
    expect((await post({ ...action, rootCauseCode: 'claims.weather' })).json().code).toBe(
      'ROOT_CAUSE.UNKNOWN_CODE',
    );
    const bad = await post({ ...action, takenOn: '2026-02-30', kind: 'prayer' });
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['kind', 'takenOn']);
    const recorded = await post(action);
    expect(recorded.statusCode).toBe(201);
    // 60 days each side: 10 in February against 1 (31 March 16:30 UTC, 1 April in Shanghai).
    expect(recorded.json().effect).toEqual({
      windowDays: 60,
      before: 10,
      after: 1,
      afterDays: 60,
      ratePer30DaysBefore: 5,
      ratePer30DaysAfter: 0.5,
      change: -0.9,
      pValue: 0.011719,
      significant: true,
    });
    const q1 = (await people.get('/v1/reports/2026-Q1')).json();
    expect(q1.actions.map((a: { effect: object }) => a.effect)).toEqual([
      expect.objectContaining({ windowDays: 90, before: 10, after: 20 }),
    ]);
    expect((await people.get('/v1/reports/2026-Q2')).json().actions).toEqual([]);
  });
});
