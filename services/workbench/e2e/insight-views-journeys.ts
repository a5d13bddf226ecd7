import { execFile } from 'child_process';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { Page } from 'playwright-core';
import { SAMPLE_COMPLAINTS } from '@complaints/pipeline-client';
import { demoTokens, waitFor } from '@complaints/testing';
import type {
  CnQuarterlyReturn,
  ExperienceIndex,
  Fairness,
  FcaHalfYearlyReturn,
} from '../app/insight/insight-types';
import { ANALYTICS_FIXTURE, FAIRNESS_FIXTURE, fairnessFixture } from './insight-fixture';
import { WorkbenchWorld } from './workbench-world';

const ROOT = resolve(__dirname, '../../..');
const NAMES = [...new Set(SAMPLE_COMPLAINTS.map((s) => s.customer.name)), 'Li Wei'];
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The PDF's text as pdf.js reads it (analytics' own reader, in a child process). */
async function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      [resolve(ROOT, 'services/analytics/test/pdf-text.cjs')],
      { cwd: ROOT, timeout: 60_000, maxBuffer: 10_000_000 },
      (err, stdout) => (err ? fail(err) : done((JSON.parse(stdout) as { text: string }).text)),
    );
    child.stdin?.end(pdf);
  });
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<[string, Buffer]> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return [download.suggestedFilename(), readFileSync(await download.path())];
}

async function noPersonalData(page: Page): Promise<void> {
  const html = await page.content();
  for (const name of NAMES) expect(html).not.toContain(name);
}

/**
 * The analysts' report, returns, fairness and experience-index views against the archived
 * records the hotspot journey published (2026-Q2/Q3) and a fairness fixture with a known bias
 * (2026-Q1): every figure the page shows is the service's, and the fixture's known ones are checked.
 */
export function insightViewJourneys(world: WorkbenchWorld): void {
  const tokens = demoTokens();
  const { period, claims, policyTerms, previous, previousClaims } = ANALYTICS_FIXTURE;
  const received = claims + policyTerms;

  it('an analyst opens the quarterly report as a page in both languages and saves its PDF and CSV', async () => {
    const analytics = world.insight.urls().analytics;
    const page = await world.signIn('analyst');
    await page.waitForURL(/\/analytics$/);
    await page.getByRole('link', { name: '期间报告' }).click();
    await page.waitForURL(/\/analytics\/reports$/);
    // No period has closed since this service started: nothing scheduled yet, and it says so.
    await page.getByTestId('scheduled-reports').getByText('还没有按计划生成的报告。').waitFor();
    await page.getByRole('textbox', { name: /^期间/ }).fill(period);
    await page.getByLabel('语言').selectOption('zh');
    await page.getByRole('button', { name: '打开网页版' }).click();
    const frame = page.frameLocator('[data-testid="report-frame"]');
    await frame.getByRole('heading', { name: `季度投诉报告 ${period}` }).waitFor();
    const cell = (th: string) =>
      frame.locator('tr', { has: frame.locator(`th:text-is("${th}")`) }).locator('td');
    await expect(cell('受理投诉').textContent()).resolves.toBe(String(received));
    await expect(cell(`上期 ${previous}`).textContent()).resolves.toBe(String(previousClaims));
    await world.screenshot(page, 'analytics-report');

    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('button', { name: '打开网页版' }).click();
    await frame.getByRole('heading', { name: `Quarterly Complaint report ${period}` }).waitFor();
    await expect(cell('Complaints received').textContent()).resolves.toBe(String(received));

    await page.getByLabel('语言').selectOption('zh');
    const [pdfName, pdf] = await downloaded(page, () => page.getByTestId('report-pdf').click());
    expect(pdfName).toBe(`complaints-${period}-zh.pdf`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const lines = (await pdfText(pdf)).split('\n');
    expect(lines).toContain(`季度投诉报告 ${period}`);
    expect(lines).toContain(`受理投诉 ${received}`);
    expect(lines).toContain(`上期 ${previous} ${previousClaims}`);
    for (const name of NAMES) expect(lines.join('\n')).not.toContain(name);

    const [csvName, csv] = await downloaded(page, () => page.getByTestId('report-csv').click());
    expect(csvName).toBe(`complaints-${period}.csv`);
    const res = await fetch(`${analytics}/v1/reports/${period}?format=csv`, {
      headers: { authorization: `Bearer ${await tokens('analyst')}` },
    });
    // The file saved is the service's CSV as it answered it.
    expect(csv.toString('utf8')).toBe(await res.text());
    await noPersonalData(page);
  });

  it("an analyst reads China's quarterly return and the FCA half-yearly return and saves both CSVs", async () => {
    const analytics = world.insight.urls().analytics;
    // The insurer's denominators for motor in the quarter (health has none: the page says so).
    const put = await fetch(`${analytics}/v1/reference/policy-counts`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${await tokens('officer')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        rows: [
          {
            productLine: 'motor',
            period,
            policies: 20_000,
            premiumYuan: 300_000_000,
            insuredPersons: 30_000,
          },
        ],
      }),
    });
    expect(put.status).toBe(200);
    const cn = await world.apiAs<CnQuarterlyReturn>(
      'analyst',
      `${analytics}/v1/returns/cn-quarterly/${period}`,
    );
    const page = await world.signIn('analyst', '/analytics/returns');
    const cnSection = page.getByTestId('cn-return');
    await cnSection.getByLabel(/^季度/).fill(period);
    await cnSection.getByRole('button', { name: '显示' }).click();
    const cnRow = (line: string, cause: string) =>
      cnSection.locator(`tr[data-product-line="${line}"][data-cause="${cause}"] td`);
    await cnRow('motor', 'claims').first().getByText('车险').waitFor();
    // 6 motor complaints on claims causes: per 100m yuan of premium 2, per 10k policies 3, per 10k insured 2.
    await expect(cnRow('motor', 'claims').allTextContents()).resolves.toEqual([
      '车险',
      '理赔',
      String(claims),
      '100.0%',
      '2',
      '3',
      '2',
    ]);
    await expect(cnRow('health', 'all').allTextContents()).resolves.toEqual([
      '健康险',
      '合计',
      String(policyTerms),
      '100.0%',
      '—',
      '—',
      '—',
    ]);
    await expect(cnSection.getByTestId('cn-return-row').count()).resolves.toBe(cn.rows.length);
    await cnSection.getByTestId('return-notes').getByText(cn.notes[0]).waitFor();
    expect(cn.notes).toEqual([`health: no denominators loaded for ${period}; counts only`]);
    const [cnName, cnCsv] = await downloaded(page, () =>
      cnSection.getByTestId('csv-cn-return').click(),
    );
    expect(cnName).toBe(`cn-return-${period}.csv`);
    const cnLines = cnCsv
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(cnLines[0]).toBe(
      'quarter,product_line,cause,complaints,share_of_product_line,complaints_per_100m_yuan_premium,complaints_per_10k_policies,complaints_per_10k_insured_persons',
    );
    expect(cnLines).toContain(`${period},motor,claims,${claims},1,2,3,2`);

    const fcaPeriod = '2026-H2';
    const fca = await world.apiAs<FcaHalfYearlyReturn>(
      'analyst',
      `${analytics}/v1/returns/fca-half-yearly/${fcaPeriod}`,
    );
    const fcaSection = page.getByTestId('fca-return');
    await fcaSection.getByLabel(/^半年/).fill(fcaPeriod);
    await fcaSection.getByRole('button', { name: '显示' }).click();
    await fcaSection.getByTestId('fca-outstanding').getByText('期初未结：0 件').waitFor();
    const fcaRow = (product: string) =>
      fcaSection.locator(`tr[data-product="${product}"]`).locator('th, td');
    // Received in August and September, closed 7 days later: after 3 business days, within 8 weeks.
    await expect(fcaRow('Motor & transport').allTextContents()).resolves.toEqual([
      'Motor & transport',
      '0',
      String(claims),
      '0',
      '0',
      '0',
      String(claims),
      String(claims),
      '0',
      String(claims),
      '0',
      `${fca.rows.find((r) => r.product === 'Motor & transport')?.closed.upheldPercent}%`,
      '0 ',
    ]);
    await expect(fcaRow('total').allTextContents()).resolves.toEqual([
      '合计',
      '0',
      String(received),
      '0',
      '0',
      '0',
      String(received),
      String(received),
      '0',
      String(received),
      '0',
      '100%',
      '0 ',
    ]);
    const [fcaName, fcaCsv] = await downloaded(page, () =>
      fcaSection.getByTestId('csv-fca-return').click(),
    );
    expect(fcaName).toBe(`fca-return-${fcaPeriod}.csv`);
    const fcaLines = fcaCsv
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(fcaLines[0]).toMatch(/^reporting_period,product_group,product,opened_arrears_related,/);
    expect(fcaLines).toHaveLength(1 + fca.rows.length + 1);
    await world.screenshot(page, 'analytics-returns');
    await noPersonalData(page);
    for (const name of NAMES) {
      expect(cnCsv.toString('utf8')).not.toContain(name);
      expect(fcaCsv.toString('utf8')).not.toContain(name);
    }
  });

  it('an analyst sees uphold rates by channel with intervals, and exactly the biased channel flagged with its test and p-value', async () => {
    await world.insight.publish(fairnessFixture());
    const analytics = world.insight.urls().analytics;
    const { perChannel, upheld } = FAIRNESS_FIXTURE;
    const url = `${analytics}/v1/fairness?period=${FAIRNESS_FIXTURE.period}&dimension=channel`;
    await waitFor(
      'analytics to hold the fairness fixture',
      async () =>
        (await world.apiAs<Fairness>('analyst', url)).groups.reduce(
          (s, g) => s + g.complaints,
          0,
        ) ===
        3 * perChannel,
      60_000,
      250,
    );
    const fairness = await world.apiAs<Fairness>('analyst', url);
    const page = await world.signIn('analyst', '/analytics/fairness');
    await page.getByLabel(/^期间/).fill(FAIRNESS_FIXTURE.period);
    await page.getByLabel('分组').selectOption('channel');
    await page.getByRole('button', { name: '显示' }).click();
    await page.getByTestId('fairness-test').getByText(fairness.test.name).waitFor();
    const flagged = page.getByTestId('flagged-group');
    await flagged.first().waitFor();
    await expect(
      flagged.evaluateAll((els) => els.map((e) => e.getAttribute('data-value'))),
    ).resolves.toEqual(['phone']);
    const phone = fairness.groups.find((g) => g.value === 'phone');
    expect(phone?.test?.pValue).toBeLessThan(fairness.test.adjustedAlpha);
    await flagged
      .getByText(
        `电话：成立率 90.0%（${upheld.phone}/${perChannel}），z = ${phone?.test?.z}，p = ${Number(phone?.test?.pValue.toPrecision(3))}`,
      )
      .waitFor();
    for (const g of fairness.groups) {
      const cells = await page
        .locator(`tr[data-testid="fairness-row"][data-value="${g.value}"]`)
        .locator('th, td')
        .allTextContents();
      expect(cells.slice(1, 5)).toEqual([
        String(g.complaints),
        String(g.upheld),
        pct(g.upholdRate),
        `${pct(g.upholdRateCi95[0])} – ${pct(g.upholdRateCi95[1])}`,
      ]);
      expect(cells[9]).toBe(g.flagged ? '差异超出偶然' : '');
      expect(g.upheld).toBe(upheld[g.value as keyof typeof upheld]);
    }
    await world.screenshot(page, 'analytics-fairness');
    await noPersonalData(page);
  });

  it('an analyst sees the experience index per unit with its indicators, weights and formula', async () => {
    const analytics = world.insight.urls().analytics;
    const index = await world.apiAs<ExperienceIndex>(
      'analyst',
      `${analytics}/v1/experience-index?period=${period}`,
    );
    const page = await world.signIn('analyst', '/analytics/experience');
    await page.getByLabel(/^期间/).fill(period);
    await page.getByRole('button', { name: '显示' }).click();
    await page.getByTestId('experience-formula').getByText(index.formula).waitFor();
    for (const i of index.indicators) {
      await expect(page.locator(`tr[data-code="${i.code}"] td`).allTextContents()).resolves.toEqual(
        [i.code, i.labelZh, i.dimension, String(i.weight)],
      );
    }
    const units = Object.fromEntries(index.units.map((u) => [u.unit, u]));
    expect([
      units['claims']?.complaints,
      units['product-management']?.complaints,
      units['all']?.complaints,
    ]).toEqual([claims, policyTerms, received]);
    for (const u of index.units) {
      const row = page.locator(`tr[data-unit="${u.unit}"]`);
      await expect(row.locator('td').nth(0).textContent()).resolves.toBe(String(u.complaints));
      await expect(row.getByTestId('unit-index').textContent()).resolves.toBe(String(u.index));
      for (const [code, score] of Object.entries(u.scores)) {
        await expect(row.locator(`td[data-code="${code}"]`).textContent()).resolves.toBe(
          score === null ? '—' : String(score),
        );
      }
    }
    await page.locator('tr[data-unit="all"]').getByText('全公司').waitFor();
    await world.screenshot(page, 'analytics-experience');
    await noPersonalData(page);
  });
}
