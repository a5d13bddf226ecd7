import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceTestEnv } from '@complaints/testing';
import { asPeople, startAnalytics } from './analytics-kit';
import { archivedEventOf, archivedRecord, FixtureComplaint } from './archived-fixture';

jest.setTimeout(180_000);

/** Received at 10:00 in Shanghai; closed `daysToDecision + 1` days later. */
const c = (
  day: string,
  productLine: 'motor' | 'health',
  daysToDecision: number,
  rootCauseCode: string | undefined,
  upheldWith?: number,
): FixtureComplaint => ({
  receivedAt: `${day}T02:00:00.000Z`,
  productLine,
  ...(rootCauseCode ? { rootCauseCode } : {}),
  rootCause: 'Customer changed their mind',
  slaMet: true,
  daysToDecision,
  answered: false,
  outcome: upheldWith === undefined ? 'rejected' : 'upheld',
  reopened: false,
  ...(upheldWith ? { compensationMinor: upheldWith } : {}),
});

/**
 * 2026-H1 as the return sees it: one complaint outstanding at the start (received 20 Dec,
 * closed 10 Jan), six opened, of which one closes in July; of the six closed in the half-year
 * three within 3 business days (one over a weekend: Thursday to Monday is 4 days but 2
 * business days), two within 8 weeks, one after 70 days; three upheld with CNY 1,000.00.
 */
const FIXTURE: FixtureComplaint[] = [
  c('2025-10-01', 'motor', 8, 'claims.delay', 99_900), // 2025-H2 only
  c('2025-12-20', 'motor', 20, 'claims.delay', 50_000), // outstanding, closed 2026-01-10
  c('2026-02-02', 'motor', 1, 'claims.denial'), // Mon -> Wed: 2 business days
  c('2026-02-06', 'motor', 2, 'claims.documents'), // Fri -> Mon: 1 business day
  c('2026-02-05', 'health', 3, 'sales.misrepresentation', 20_000), // Thu -> Mon: 2
  c('2026-03-02', 'health', 69, undefined), // unclassified, closed after 70 days
  c('2026-04-01', 'motor', 9, 'claims.amount', 30_000), // 10 days
  c('2026-06-20', 'motor', 15, 'claims.delay'), // closed 2026-07-06, in H2
];

describe("analytics: the UK FCA's half-yearly complaints return", () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let people: ReturnType<typeof asPeople>;

  beforeAll(async () => {
    ({ env, app, people } = await startAnalytics(
      'analytics-fca',
      '2026-07-15T02:00:00.000Z',
      FIXTURE.map((x) => archivedEventOf(archivedRecord(x))),
      FIXTURE.length,
    ));
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('counts opened by cause and closed by how fast, with the share upheld and redress', async () => {
    const res = await people.get('/v1/returns/fca-half-yearly/2026-H1', 'officer');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.period).toEqual({ id: '2026-H1', from: '2026-01-01', to: '2026-07-01' });
    expect(r.outstandingAtStart).toBe(1);
    expect(r.redressCurrency).toBe('CNY');
    expect(r.rows.map((x: { product: string }) => x.product)).toEqual([
      'Motor & transport',
      'Other general insurance',
    ]);
    expect(r.rows[0]).toEqual({
      productGroup: 'Insurance & pure protection',
      product: 'Motor & transport',
      opened: {
        arrears_related: 0,
        general_admin_customer_service: 2,
        advising_selling_arranging: 0,
        terms_disputed_sums_charges: 2,
        other: 0,
        total: 4,
      },
      closed: {
        total: 4,
        within3BusinessDays: 2,
        after3BusinessDaysWithin8Weeks: 2,
        after8Weeks: 0,
        upheldPercent: 50,
        redressPaid: 800,
      },
    });
    expect(r.rows[1].opened).toMatchObject({ advising_selling_arranging: 1, other: 1, total: 2 });
    expect(r.rows[1].closed).toEqual({
      total: 2,
      within3BusinessDays: 1,
      after3BusinessDaysWithin8Weeks: 0,
      after8Weeks: 1,
      upheldPercent: 50,
      redressPaid: 200,
    });
    expect(r.total.opened.total).toBe(6);
    expect(r.total.closed).toMatchObject({ total: 6, upheldPercent: 50, redressPaid: 1000 });
  });

  it("exports it as CSV in the return's column order, with the total row", async () => {
    const res = await people.get('/v1/returns/fca-half-yearly/2026-H1?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.replace(/^\ufeff/, '').split('\r\n')).toEqual([
      'reporting_period,product_group,product,opened_arrears_related,' +
        'opened_general_admin_customer_service,opened_advising_selling_arranging,' +
        'opened_terms_disputed_sums_charges,opened_other,opened_total,closed_total,' +
        'closed_within_3_business_days,closed_after_3_business_days_within_8_weeks,' +
        'closed_after_8_weeks,upheld_percent,redress_paid,redress_currency',
      '2026-H1,Insurance & pure protection,Motor & transport,0,2,0,2,0,4,4,2,2,0,50,800.00,CNY',
      '2026-H1,Insurance & pure protection,Other general insurance,0,0,1,0,1,2,2,1,0,1,50,200.00,CNY',
      '2026-H1,all,all,0,2,1,2,1,6,6,3,2,1,50,1000.00,CNY',
      '',
    ]);
  });

  it('gives the second half-year its own figures, and refuses a bad period by name', async () => {
    const h2 = (await people.get('/v1/returns/fca-half-yearly/2025-H2')).json();
    expect(h2.period).toEqual({ id: '2025-H2', from: '2025-07-01', to: '2026-01-01' });
    expect(h2.total.opened.total).toBe(2);
    expect(h2.total.closed).toMatchObject({ total: 1, redressPaid: 999 });
    const bad = await people.get('/v1/returns/fca-half-yearly/2026-H3');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'halfYear', reason: 'halfYear must be YYYY-H1 or YYYY-H2' },
    ]);
    const handler = await people.get('/v1/returns/fca-half-yearly/2026-H1', 'h-claims-01');
    expect(handler.statusCode).toBe(403);
  });
});
