import { randomUUID } from 'crypto';
import { SAMPLE_COMPLAINTS } from '@complaints/pipeline-client';
import { waitFor } from '@complaints/testing';
import type { CaseDetail, CaseRepeats, MajorIncidentDetail } from '../app/api/types';
import { OpenCase, WorkbenchWorld } from './workbench-world';

/** ms: generous, the machine is two busy cores; every wait ends as soon as its condition holds */
const LONG = 60_000;

/**
 * Internal review, recusal, repeats and major incidents in the browser (registered inside the
 * browser world's describe): `decided()` is the case the first journey decided, with its letter
 * sent, and `others()` two of the world's open cases.
 */
export function reviewJourneys(
  world: WorkbenchWorld,
  decided: () => OpenCase,
  others: () => OpenCase[],
): void {
  const investigation = (): string => world.pipeline.urls.investigation;
  const caseAs = (who: string, id: string): Promise<CaseDetail> =>
    world.apiAs<CaseDetail>(who, `${investigation()}/v1/cases/${id}`);

  it('a review request goes to a handler who did not decide; they uphold or overturn it with reasons on their review page', async () => {
    const { complaintId } = decided();
    // The customer asked the complaints officer for a review (recorded through feedback's API).
    await world.postAs('officer', `${world.pipeline.urls.feedback}/v1/feedback/${complaintId}`, {
      rating: 1,
      solved: false,
      comment: '赔付金额仍有争议，申请复核',
      reviewRequested: true,
    });
    const reviewing = await waitFor(
      'the case reopened for internal review',
      async () => {
        const c = await caseAs('officer', complaintId);
        return c.review && c.status === 'reopened' ? c : undefined;
      },
      LONG,
      250,
    );
    const reviewer = reviewing.handlerId;
    expect(reviewer).toMatch(/^h-claims-0\d$/);
    expect(reviewer).not.toBe('h-claims-01');

    const page = await world.signIn(reviewer, '/reviews');
    const row = page.getByTestId('reviews').locator(`tr[data-complaint-id="${complaintId}"]`);
    await row.waitFor({ timeout: LONG });
    await expect(row.textContent()).resolves.toContain('投诉管理专员记录');
    // A reviewer sees no major-incident page: that is the complaints officer's.
    expect(await page.getByRole('link', { name: '重大投诉' }).count()).toBe(0);
    await world.screenshot(page, 'reviews');
    await row.getByRole('link').click();

    // The decision reviewed is shown; the review's outcome must be chosen.
    const reviewed = page.getByTestId('reviewed-decision');
    await reviewed.getByText('h-claims-01').waitFor();
    await page.getByLabel('投诉成立').check();
    await page.getByLabel('调查结果（告知客户的事实认定）').fill('复核确认：理赔材料在后台滞留。');
    const reasons = `复核意见：原补偿金额未计入延误期间的利息 ${Date.now()}`;
    await page.getByLabel('依据与理由').fill(reasons);
    await page.getByRole('button', { name: '检查并预览回复函' }).click();
    await page.getByTestId('decision-problems').getByText('请填写复核结论').waitFor();
    await page.getByLabel('撤销原决定（改判）').check();
    await page.getByRole('button', { name: '检查并预览回复函' }).click();
    await page.getByTestId('letter-preview').getByText(reasons).waitFor();
    await page.getByLabel('我已核对回复函内容，确认发送').check();
    await world.screenshot(page, 'review-decision');
    await page.getByRole('button', { name: '发送决定' }).click();
    await page.getByTestId('decided-message').waitFor({ timeout: LONG });
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await page.getByText('目前没有分配给您的复核申请。').waitFor({ timeout: LONG });

    const held = await caseAs('officer', complaintId);
    expect(held.status).toBe('decided');
    const review = held.decisions.find((d) => d.round === held.round);
    expect([review?.decidedBy, review?.rootCause]).toEqual([reviewer, reasons]);
    await page.context().close();

    // An analyst has no review page.
    const analyst = await world.signIn('analyst', '/reviews');
    await analyst.getByTestId('reviews-forbidden').waitFor();
    expect(await analyst.getByRole('link', { name: '复核申请' }).count()).toBe(0);
    await analyst.context().close();
  });

  it('a handler declares a conflict of interest and sees the case go to a colleague; a repeat is confirmed on new facts; the officer works a major incident', async () => {
    // One customer's two complaints on the same matter: the second is proposed as a repeat.
    const email = `wb-repeat-${randomUUID().slice(0, 8)}@example.test`;
    const motor = SAMPLE_COMPLAINTS[0];
    if (!motor) throw new Error('no sample complaint');
    const customer = { name: motor.customer.name, email };
    const [first, again] = await world.submit([
      { ...motor, channel: 'email', customer },
      {
        ...motor,
        channel: 'email',
        customer,
        description: `${motor.description}我再次投诉，修车发票已经补交。`,
      },
    ]);
    if (!first || !again) throw new Error('the two complaints have no cases');
    await waitFor(
      'the second complaint proposed as a repeat of the first',
      async () => {
        const r = await world.apiAs<CaseRepeats>(
          'officer',
          `${investigation()}/v1/cases/${again.complaintId}/repeats`,
        );
        return r.repeatOf?.earlierComplaintId === first.complaintId;
      },
      LONG,
      250,
    );

    // Recusal: the first complaint's handler declares a conflict; an empty reason is refused.
    const holder = first.handlerId;
    const handler = await world.signIn(holder, `/cases/${first.complaintId}`);
    const conflict = handler.getByTestId('conflict');
    await conflict.getByRole('button', { name: '申报利益冲突' }).click();
    await conflict.getByRole('button', { name: '确认申报并改派' }).click();
    await conflict.getByRole('alert').getByText('原因: reason should not be empty').waitFor();
    await conflict.getByLabel('利益冲突说明').fill('投诉人是我的亲属');
    await conflict.getByRole('button', { name: '确认申报并改派' }).click();
    const declared = handler.getByTestId('conflict-declared');
    await declared.waitFor();
    const moved = await caseAs('officer', first.complaintId);
    expect(moved.handlerId).not.toBe(holder);
    await expect(declared.textContent()).resolves.toContain(`已改派给 ${moved.handlerId}`);
    // No longer theirs: no decision form, the new handler named.
    await handler.getByText(`此案件分配给 ${moved.handlerId}`).waitFor();
    await world.screenshot(handler, 'conflict-declared');
    await handler.context().close();

    // The repeat: the supervisor confirms it brings new facts (the first's clock restarts).
    const supervisor = await world.signIn('sup-claims', `/cases/${again.complaintId}`);
    const decision = supervisor.getByTestId('repeat-decision');
    await decision.waitFor();
    const restart = decision.getByRole('button', { name: '确认重复：有新事实，重新计算期限' });
    await restart.click();
    await decision.getByRole('alert').getByText('原因: reason should not be empty').waitFor();
    await decision
      .getByLabel('处理说明（合并、重新计时或拆分的理由）')
      .fill('补交了修车发票，属于新事实');
    await restart.click();
    await supervisor
      .locator('[data-testid="repeat-of"][data-status="restarted"]')
      .waitFor({ timeout: LONG });
    await expect(decision.count()).resolves.toBe(0);
    await supervisor.context().close();

    // A major incident over two complaints: the officer sees it with its complaints and steps.
    const [a, b] = others();
    if (!a || !b) throw new Error('no open cases for the incident');
    const incident = await world.postAs<MajorIncidentDetail>(
      'officer',
      `${investigation()}/v1/major-incidents`,
      {
        trigger: 'disaster',
        reason: `台风过境，车险报案集中 ${Date.now()}`,
        complaintIds: [a.complaintId, b.complaintId],
      },
    );
    const officer = await world.signIn('officer');
    await officer.getByRole('link', { name: '重大投诉' }).click();
    const card = officer.locator(
      `[data-testid="major-incident"][data-incident-id="${incident.incidentId}"]`,
    );
    await card.waitFor({ timeout: LONG });
    const linked = card.getByTestId('incident-complaints');
    await linked.getByText(a.complaintId).waitFor();
    await linked.getByText(b.complaintId).waitFor();
    await expect(card.getAttribute('data-open')).resolves.toBe('true');
    const step = card.locator('[data-testid="incident-step"][data-step="management-informed"]');
    await step.getByRole('button', { name: '标记为已完成' }).click();
    await step.getByRole('alert').waitFor();
    await step.getByLabel('完成情况说明').fill('已向总经理室书面报告');
    await step.getByRole('button', { name: '标记为已完成' }).click();
    await card
      .locator('[data-testid="incident-step"][data-step="management-informed"][data-done="true"]')
      .getByText('已向总经理室书面报告')
      .waitFor();
    await card.getByText('还有 2 个应急步骤未完成').waitFor();
    await world.screenshot(officer, 'major-incidents');
    await officer.context().close();
  });
}
