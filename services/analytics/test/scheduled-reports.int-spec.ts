import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import { ServiceTestEnv, serviceTestEnv, TestIdentity, testIdentity } from '@complaints/testing';
import { createAnalyticsApp } from '../src/analytics-app.factory';
import { AnalyticsConfig } from '../src/config/analytics.config';
import { ReportScheduler, ScheduleRun } from '../src/schedules/report-scheduler.service';
import { asPeople, untilComplaints } from './analytics-kit';
import { archivedEventOf, archivedRecord, FixtureComplaint } from './archived-fixture';

jest.setTimeout(240_000);

const complaint = (receivedAt: string): FixtureComplaint => ({
  receivedAt,
  productLine: 'motor',
  rootCauseCode: 'claims.delay',
  rootCause: 'Approval step had no deadline',
  slaMet: true,
  daysToDecision: 5,
  answered: false,
  outcome: 'upheld',
  reopened: false,
});

interface Listed {
  period: string;
  kind: string;
  language: string;
  complaints: number;
  formats: string[];
}

/**
 * Time runs forward on the service's own clock: scheduling starts on 20 January 2026 (Shanghai),
 * each month's, quarter's and year's report is generated once its period has closed, in Chinese
 * and English, by one of two instances sharing the schema, and stored as it was then.
 */
describe('analytics: scheduled reports, generated when a period closes', () => {
  let env: ServiceTestEnv;
  let identity: TestIdentity;
  const clocks = [new ManualClock(), new ManualClock()];
  const apps: NestFastifyApplication[] = [];
  let people: ReturnType<typeof asPeople>;

  const at = (iso: string) => clocks.forEach((c) => c.set(iso));
  /** Both instances look at the schedule at the same moment. */
  const bothRun = async (): Promise<ScheduleRun[]> =>
    Promise.all(apps.map((a) => a.get(ReportScheduler).run()));
  const generatedBy = (runs: ScheduleRun[]) =>
    runs
      .flatMap((r) => r.generated)
      .map((g) => `${g.period}/${g.language}`)
      .sort();
  const listed = async (query = ''): Promise<Listed[]> =>
    (await people.get(`/v1/scheduled-reports${query}`)).json().reports;

  beforeAll(async () => {
    identity = await testIdentity();
    env = await serviceTestEnv('analytics-schedule');
    const config = loadConfig(AnalyticsConfig, {
      ...env.env,
      OIDC_ISSUER: identity.issuer,
      // The test drives each look itself instead of the timer.
      REPORT_SCHEDULE_INTERVAL_MS: '0',
    });
    at('2026-01-20T02:00:00.000Z');
    for (const clock of clocks) {
      const app = await createAnalyticsApp(config, clock);
      await app.getHttpAdapter().getInstance().ready();
      apps.push(app);
    }
    people = asPeople(apps[0], identity);
    await env.publish(
      ...[
        '2025-12-28T02:00:00.000Z', // before scheduling began: its month is never generated
        '2026-01-05T02:00:00.000Z',
        '2026-01-12T02:00:00.000Z',
        '2026-01-31T15:00:00.000Z', // 23:00 on 31 January in Shanghai: January's
        '2026-02-10T02:00:00.000Z',
        '2026-03-03T02:00:00.000Z',
        '2026-05-03T02:00:00.000Z',
      ].map((r) => archivedEventOf(archivedRecord(complaint(r)))),
    );
    await untilComplaints(apps[0], 7);
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await env?.cleanup();
  });

  it('generates nothing while the period is open, then January once in both languages when it closes', async () => {
    expect(generatedBy(await bothRun())).toEqual([]);
    // 23:59 on 31 January in Shanghai: still open.
    at('2026-01-31T15:59:00.000Z');
    expect(generatedBy(await bothRun())).toEqual([]);
    at('2026-01-31T16:00:00.000Z');
    const runs = await bothRun();
    // Two instances at once: one held the lock or lost the insert; each report exists once.
    expect(generatedBy(runs)).toEqual(['2026-01/en', '2026-01/zh']);
    expect(generatedBy(await bothRun())).toEqual([]);
    expect(await listed()).toEqual([
      expect.objectContaining({
        period: '2026-01',
        kind: 'monthly',
        language: 'zh',
        complaints: 3,
      }),
      expect.objectContaining({
        period: '2026-01',
        kind: 'monthly',
        language: 'en',
        complaints: 3,
      }),
    ]);
  });

  it('catches up every period that closed meanwhile: February, March and the first quarter', async () => {
    at('2026-04-02T01:00:00.000Z');
    expect(generatedBy(await bothRun())).toEqual(
      ['2026-02', '2026-03', '2026-Q1'].flatMap((p) => [`${p}/en`, `${p}/zh`]).sort(),
    );
    const reports = await listed();
    expect(reports.map((r) => `${r.period}/${r.language}`)).toEqual([
      '2026-Q1/zh',
      '2026-Q1/en',
      '2026-03/zh',
      '2026-03/en',
      '2026-02/zh',
      '2026-02/en',
      '2026-01/zh',
      '2026-01/en',
    ]);
    expect(reports.find((r) => r.period === '2026-Q1')?.complaints).toBe(5);
    expect((await listed('?kind=quarterly')).map((r) => r.period)).toEqual(['2026-Q1', '2026-Q1']);
  });

  it('stores each report as it was: a late record changes the on-demand report, not the stored one', async () => {
    await env.publish(archivedEventOf(archivedRecord(complaint('2026-01-20T02:00:00.000Z'))));
    await untilComplaints(apps[0], 8);
    expect((await people.get('/v1/reports/2026-01')).json().volumes.received).toBe(4);
    const stored = await people.get('/v1/scheduled-reports/2026-01/zh');
    expect(stored.statusCode).toBe(200);
    expect(stored.json().volumes.received).toBe(3);
    expect(stored.json().period.id).toBe('2026-01');
    expect(stored.json().generatedAt).toBe('2026-01-31T16:00:00.000Z');
  });

  it('lets analysts download the page and the PDF; others and bad requests are refused', async () => {
    const html = await people.get('/v1/scheduled-reports/2026-Q1/en?format=html');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('Quarterly Complaint report 2026-Q1');
    const zh = await people.get('/v1/scheduled-reports/2026-Q1/zh?format=html', 'auditor');
    expect(zh.body).toContain('季度投诉报告 2026-Q1');
    const pdf = await people.get('/v1/scheduled-reports/2026-Q1/zh?format=pdf', 'officer');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      'attachment; filename="complaints-2026-Q1-zh.pdf"',
    );
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const never = await people.get('/v1/scheduled-reports/2025-12/zh');
    expect([never.statusCode, never.json().code]).toEqual([404, 'REPORT.NOT_SCHEDULED']);
    const fields = async (url: string) =>
      (await people.get(url))
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort();
    expect(await fields('/v1/scheduled-reports/2026-13/fr')).toEqual(['language', 'period']);
    expect(await fields('/v1/scheduled-reports/2026-Q1/zh?format=doc')).toEqual(['format']);
    expect(await fields('/v1/scheduled-reports?kind=weekly')).toEqual(['kind']);
    for (const who of ['h-claims-01', 'operator', 'approver'])
      expect((await people.get('/v1/scheduled-reports', who)).statusCode).toBe(403);
  });

  it('generates the year and its remaining quarters and months at the turn of the year', async () => {
    at('2026-12-31T16:00:00.000Z'); // midnight, 1 January 2027 in Shanghai
    const generated = generatedBy(await bothRun());
    const months = ['04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}`);
    expect(generated).toEqual(
      [...months, '2026-Q2', '2026-Q3', '2026-Q4', '2026']
        .flatMap((p) => [`${p}/en`, `${p}/zh`])
        .sort(),
    );
    const year = (await listed('?kind=yearly')).map((r) => [r.period, r.complaints]);
    expect(year).toEqual([
      ['2026', 7],
      ['2026', 7],
    ]);
    expect(generatedBy(await bothRun())).toEqual([]);
  });
});
