import { PipelineClient, SAMPLE_COMPLAINTS } from '@complaints/pipeline-client';
import { waitFor } from '@complaints/testing';
import { WorkbenchWorld } from './workbench-world';

/** Complaints submitted while the consumer is stopped. */
const WHILE_STOPPED = 6;
/** ms: generous, the machine is two busy cores; every wait ends as soon as its condition holds */
const LONG = 180_000;

/**
 * The operators' pipeline charts against a real Prometheus scraping the world's services each
 * second: investigation's case-opening group stopped while complaints flow, then restarted.
 */
export function pipelineJourneys(world: WorkbenchWorld): void {
  it("every service's own consumer groups have their Kafka-side series in Prometheus", async () => {
    const { prefix } = world.pipeline;
    const expected = [
      `${prefix}intake.status-view`,
      `${prefix}classification.router`,
      `${prefix}investigation.case-opening`,
      `${prefix}feedback.responder`,
      `${prefix}archiving.timeline`,
      `${prefix}deadlines.clocks`,
      `${prefix}analytics.read-models`,
    ];
    for (const name of [
      'complaints_consumer_group_lag',
      'complaints_consumer_group_oldest_unconsumed_age_seconds',
      'complaints_dead_letters_parked',
      'complaints_events_consumed_total',
    ]) {
      await waitFor(
        `${name} for every group`,
        async () => {
          const groups = new Set(
            (await world.prometheus.query(`last_over_time(${name}[10m])`)).map(
              (s) => s.metric['group'],
            ),
          );
          return expected.every((g) => groups.has(g));
        },
        60_000,
        500,
      );
    }
  });

  it("an operator watches a stopped consumer group's lag rise on the chart, and fall after it restarts", async () => {
    const { prefix } = world.pipeline;
    const group = `${prefix}investigation.case-opening`;
    const page = await world.signIn('operator');
    await page.waitForURL(/\/operations$/);
    const chart = page.getByTestId('chart-lag');
    const series = chart.locator(`[data-testid="series"][data-group="${group}"]`);
    const latest = async (): Promise<number> => Number(await series.getAttribute('data-latest'));
    await series.waitFor({ timeout: LONG });
    await waitFor(
      'the group to have caught up before the stop',
      async () => (await latest()) === 0,
      LONG,
      500,
    );
    // The chart is drawn (ECharts, SVG), not a table.
    await chart.locator('svg').first().waitFor({ timeout: LONG });
    await waitFor(
      'the lag line drawn',
      async () => (await chart.locator('svg path').count()) > 2,
      LONG,
      500,
    );

    await world.pipeline.processes.investigation.stop();
    const client = new PipelineClient(world.pipeline.urls, { apiKey: world.pipeline.apiKey });
    const ids: string[] = [];
    for (let i = 0; i < WHILE_STOPPED; i++) {
      const sample = { ...SAMPLE_COMPLAINTS[0], subject: `积压观察 ${i + 1}` };
      ids.push((await client.submit(sample, `lag-${Date.now()}-${i}`)).id);
    }
    // Classification routes each one; with investigation stopped nobody opens their cases.
    await waitFor(
      "the stopped group's lag to rise on the page to every complaint routed meanwhile",
      async () => (await latest()) >= WHILE_STOPPED,
      LONG,
      500,
    );
    await page.getByTestId('pipeline').getByText(/告警/).first().waitFor();
    await world.screenshot(page, 'operations-lag');

    await world.pipeline.processes.investigation.start();
    await waitFor(
      'the lag to fall back to 0 once it runs again',
      async () => (await latest()) === 0,
      LONG,
      500,
    );
    expect(Number(await series.getAttribute('data-max'))).toBeGreaterThanOrEqual(WHILE_STOPPED);
    // And it did catch up: every case is open.
    await Promise.all(
      ids.map((id) => waitFor(`the case of ${id}`, () => world.findCase(id), LONG, 500)),
    );
    const html = await page.content();
    for (const name of new Set(SAMPLE_COMPLAINTS.map((s) => s.customer.name))) {
      expect(html).not.toContain(name);
    }
    // Its charts refresh every few seconds: closed, so they do not load the journeys after it.
    await page.context().close();
  });
}
