import { readFileSync } from 'fs';
import { SAMPLE_COMPLAINTS } from '@complaints/pipeline-client';
import { waitFor } from '@complaints/testing';
import type { Hotspots, WatchlistItem } from '../app/api/types';
import { ANALYTICS_FIXTURE, archivedFixture, receivedDaysAgo } from './insight-fixture';
import { insightViewJourneys } from './insight-views-journeys';
import { WorkbenchWorld } from './workbench-world';

/** Personal data the stack holds (the submitted complainants, the clock fixture's customer). */
const NAMES = [...new Set(SAMPLE_COMPLAINTS.map((s) => s.customer.name)), 'Li Wei'];

/**
 * The analysts' and the operators' pages, in the same browser world (registered inside its
 * describe): archived records on the analysts' stream, clocks near and past their deadline.
 */
export function insightJourneys(world: WorkbenchWorld): void {
  const near = receivedDaysAgo(14);
  const breached = receivedDaysAgo(20);

  it('an analyst filters a period, sees the chart, drills down by keyboard and downloads CSV and Parquet; no personal data', async () => {
    // Published here, not before every journey: the two complaints received days ago become
    // claims cases too (classification routes them), which the queue journeys above do not expect.
    await world.insight.publish([...archivedFixture(), ...near.events, ...breached.events]);
    const { period, previous, claims, policyTerms, previousClaims } = ANALYTICS_FIXTURE;
    const analytics = world.insight.urls().analytics;
    await waitFor(
      'analytics to hold the archived records',
      async () =>
        (await world.apiAs<Hotspots>('analyst', `${analytics}/v1/hotspots?period=${period}`)).total
          .count ===
        claims + policyTerms,
      60_000,
      250,
    );
    const page = await world.signIn('analyst');
    await page.waitForURL(/\/analytics$/);
    // A period the API refuses is said in words, naming the field.
    await page.getByLabel(/^期间/).fill('2026-13');
    await page.getByRole('button', { name: '显示' }).click();
    await page.getByRole('alert').getByText('提交的内容有误').waitFor();
    await page
      .getByRole('alert')
      .getByText(/period/)
      .waitFor();

    await page.getByLabel(/^期间/).fill(period);
    await page.getByLabel('维度').selectOption('subcategory');
    await page.getByRole('button', { name: '显示' }).click();
    await page
      .getByTestId('hotspot-total')
      .getByText(`合计 ${claims + policyTerms} 件（上期 ${previousClaims} 件）`)
      .waitFor();
    const chart = page.getByTestId('hotspot-chart');
    await chart.getByText(`${period} 各子类的投诉量（上期 ${previous}）`).waitFor();
    const bars = await chart
      .getByTestId('hotspot-bar')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-value'), e.getAttribute('data-count')]),
      );
    expect(bars).toEqual([
      ['claims', String(claims)],
      ['policy_terms', String(policyTerms)],
    ]);
    const claimsBar = chart.getByRole('button', {
      name: `理赔：${claims} 件，上期 ${previousClaims} 件`,
    });
    await claimsBar.focus();
    await page.keyboard.press('Enter');
    const drill = page.getByTestId('drill-down');
    await drill.getByText(`“理赔”背后的记录（${claims} 条，假名化）`).waitFor();
    await expect(drill.getByTestId('drill-row').count()).resolves.toBe(claims);
    const subcategories = await drill.locator('tbody td:nth-child(5)').allTextContents();
    expect(new Set(subcategories)).toEqual(new Set(['claims']));
    await world.screenshot(page, 'analytics');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-complaint-fact').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`complaint-fact-${period}.csv`);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^complaint_id,archived_event_id,received_at,received_on,/);
    expect(lines).toHaveLength(1 + claims + policyTerms);
    const [parquet] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('parquet-complaint-fact').click(),
    ]);
    expect(parquet.suggestedFilename()).toBe(`complaint-fact-${period}.parquet`);
    const bytes = readFileSync(await parquet.path());
    // A Parquet file starts and ends with its magic number; the bytes came through whole.
    expect([bytes.subarray(0, 4).toString(), bytes.subarray(-4).toString()]).toEqual([
      'PAR1',
      'PAR1',
    ]);
    const html = await page.content();
    for (const name of NAMES) {
      expect(bytes.toString('latin1')).not.toContain(name);
      expect(csv).not.toContain(name);
      expect(html).not.toContain(name);
    }
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Complaint analytics' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
  });

  // The reports, returns, fairness and index views read the records published above.
  insightViewJourneys(world);

  it('an operator sees the open clocks, one near its deadline and one breached; no personal data', async () => {
    const deadlines = world.insight.urls().deadlines;
    const watch = (q: string) =>
      world.apiAs<{ items: WatchlistItem[] }>('operator', `${deadlines}/v1/deadlines?${q}`);
    await waitFor(
      'the deadlines service to publish the breach',
      async () =>
        (await watch('status=breached')).items.some((i) => i.complaintId === breached.complaintId),
      60_000,
      250,
    );
    const page = await world.signIn('operator');
    await page.waitForURL(/\/operations$/);
    const breachedRow = page
      .getByTestId('breached-list')
      .locator(`tr[data-complaint-id="${breached.complaintId}"]`);
    await breachedRow.getByText('已违反').waitFor();
    await breachedRow.getByText(/超过 \d+ 小时/).waitFor();
    const nearRow = page
      .getByTestId('near-list')
      .locator(`tr[data-complaint-id="${near.complaintId}"]`);
    await nearRow.getByText(/剩 \d+ 小时/).waitFor();
    // The figures are the service's own counts.
    const open = (await watch('status=near&withinHours=1440&limit=500')).items.length;
    expect(open).toBeGreaterThanOrEqual(2);
    await waitFor(
      'the open figure to match the service',
      async () =>
        (await page.getByTestId('figure-open').getAttribute('data-value')) === String(open),
      30_000,
      250,
    );
    await page.getByTestId('figure-breached').getByText('已违反时限').waitFor();
    await page
      .getByTestId('figure-met-ratio')
      .getByText(/\d+\.\d%/)
      .waitFor();
    const html = await page.content();
    for (const name of NAMES) expect(html).not.toContain(name);
    await world.screenshot(page, 'operations');
  });

  it('a handler is told in words that both pages are not for their role', async () => {
    const page = await world.signIn('h-claims-01', '/analytics');
    await page.getByRole('alert').getByText('您的角色无权进行此操作。').waitFor();
    await expect(page.getByRole('link', { name: '投诉分析' }).count()).resolves.toBe(0);
    await page.goto(`${page.url().replace(/\/analytics.*$/, '')}/operations`);
    await page.getByRole('heading', { name: '时限监控' }).waitFor();
    await page.getByRole('alert').getByText('您的角色无权进行此操作。').waitFor();
    await expect(page.getByTestId('deadline-figures').count()).resolves.toBe(0);
  });

  it("with analytics stopped the analysts' page says so in words", async () => {
    await world.insight.processes.analytics.stop();
    const page = await world.signIn('analyst');
    await page.getByRole('alert').getByText('分析服务暂时不可用').waitFor({ timeout: 30_000 });
    await page.getByTestId('service-down').getByText('分析服务').waitFor({ timeout: 30_000 });
  });
}
