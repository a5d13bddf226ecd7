import { randomUUID } from 'crypto';
import { SAMPLE_COMPLAINTS } from '@complaints/pipeline-client';
import { waitFor } from '@complaints/testing';
import { WorkbenchWorld } from './workbench-world';

/** The local mail sink's own listing (infra/smtp), which the page must agree with. */
const SINK = process.env['MAIL_SINK_URL'] ?? 'http://127.0.0.1:2526';

/**
 * The "sent mail" page (registered inside the browser world's describe): what the local mail
 * sink received, through feedback's guarded route, for officers and auditors, not analysts.
 */
export function sentMailJourneys(world: WorkbenchWorld): void {
  it('a complaints officer finds the acknowledgement a customer was sent on the sent-mail page; an analyst has no such page', async () => {
    const email = `wb-${randomUUID().slice(0, 8)}@example.test`;
    const sample = SAMPLE_COMPLAINTS[1];
    if (!sample) throw new Error('no sample complaint');
    await world.submit([{ ...sample, customer: { ...sample.customer, email } }]);
    await waitFor(
      'the acknowledgement in the mail sink',
      async () => {
        const res = await fetch(`${SINK}/mail?to=${encodeURIComponent(email)}`);
        return ((await res.json()) as unknown[]).length > 0;
      },
      120_000,
      500,
    );

    const page = await world.signIn('officer', '/sent-mail');
    await page.getByTestId('sent-mail-filter').fill(email);
    await page.getByTestId('sent-mail-filter').press('Enter');
    const row = page.getByTestId('sent-mail-row').filter({ hasText: email });
    await row.first().waitFor();
    expect(await page.getByTestId('sent-mail-row').count()).toBe(1);
    await row.locator('summary').click();
    await expect(row.locator('pre').textContent()).resolves.toMatch(/投诉编号|reference number/i);
    await world.screenshot(page, 'sent-mail-officer');
    await page.context().close();

    const analyst = await world.signIn('analyst', '/sent-mail');
    await analyst.getByRole('alert').first().waitFor();
    expect(await analyst.getByRole('link', { name: /已发送邮件|Sent mail/ }).count()).toBe(0);
    expect(await analyst.getByTestId('sent-mail').count()).toBe(0);
    await analyst.context().close();
  });
}
