import { mkdirSync } from 'fs';
import { waitFor } from '@complaints/testing';
import { driftFrom, OpenApiDocument } from './openapi-fields';
import { insightJourneys } from './insight-journeys';
import { pipelineJourneys } from './pipeline-journeys';
import { reviewJourneys } from './review-journeys';
import { sentMailJourneys } from './sent-mail-journeys';
import { claimsComplaints, OpenCase, SCREENSHOTS, WorkbenchWorld } from './workbench-world';

jest.setTimeout(240_000);

/**
 * People's journeys in a real browser (Debian's Chromium, headless, driven by playwright-core)
 * against the real stack: the five services as processes on private schemas, Kafka,
 * PostgreSQL, Keycloak's own login page, the workbench server in front.
 */
describe('the workbench in a browser', () => {
  const world = new WorkbenchWorld();
  let cases: OpenCase[];
  let decided: OpenCase;
  let other: OpenCase;
  let hospital: OpenCase;
  const reasons = `理赔材料在后台积压，审核超时 ${Date.now()}`;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await world.start();
    cases = await world.submit(claimsComplaints(4));
    hospital = cases[4];
    // Least-loaded assignment spreads the cases over the department's three handlers.
    const motor = cases.slice(0, 4);
    const mine = motor.find((c) => c.handlerId === 'h-claims-01');
    if (!mine) throw new Error(`no case went to h-claims-01: ${JSON.stringify(cases)}`);
    decided = mine;
    other = motor.find((c) => c.handlerId !== 'h-claims-01') as OpenCase;
    // A new machine installs Chromium first (apt-get), then the stack starts: give it time.
  }, 420_000);

  afterAll(async () => {
    await world.close();
  }, 60_000);

  it("every field the screens read is in the running services' OpenAPI documents", async () => {
    const documents = Object.fromEntries(
      await Promise.all(
        (['intake', 'classification', 'investigation', 'feedback', 'deadlines'] as const).map(
          async (s) => {
            const urls = { ...world.pipeline.urls, ...world.insight.urls() };
            const res = await fetch(`${urls[s]}/docs/openapi.json`);
            expect(res.status).toBe(200);
            return [s, (await res.json()) as OpenApiDocument] as const;
          },
        ),
      ),
    );
    expect(driftFrom(documents)).toEqual([]);
  });

  it('a handler signs in, works the queue, decides a case and sees it leave the queue; the letter states the reasons', async () => {
    const page = await world.signIn('h-claims-01');
    const queue = page.getByTestId('queue');
    const row = queue.locator(`tr[data-complaint-id="${decided.complaintId}"]`);
    await row.waitFor();
    // The department's queue: the green-channel case first, then by time left, shown on each.
    await page.getByLabel('只看分配给我的案件').uncheck();
    await queue.locator(`tr[data-complaint-id="${hospital.complaintId}"]`).waitFor();
    await expect(queue.locator('tbody tr').count()).resolves.toBe(cases.length);
    const order = await queue
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-green'), r.getAttribute('data-due')]),
      );
    expect(order[0]).toEqual(['true', expect.any(String)]);
    const dues = order.slice(1).map(([, due]) => due as string);
    expect(dues).toEqual([...dues].sort());
    const lefts = await queue.getByTestId('time-left').allTextContents();
    expect(lefts).toHaveLength(cases.length);
    expect(lefts.every((t) => /剩余 \d+ 天 \d+ 小时/.test(t))).toBe(true);
    await queue.locator('tbody tr').first().getByText('绿色通道').waitFor();
    await world.screenshot(page, 'queue');
    await page.getByLabel('只看分配给我的案件').check();
    await queue
      .locator(`tr[data-complaint-id="${other.complaintId}"]`)
      .waitFor({ state: 'detached' });

    // By keyboard: the case's link takes focus and Enter opens it.
    await row.getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('case').waitFor();
    await expect(page.getByText('我三个月前提交的车险理赔').first().isVisible()).resolves.toBe(
      true,
    );
    await page.getByTestId('classification').getByText('理赔').first().waitFor();
    await page.getByRole('button', { name: /查看投诉人信息/ }).click();
    await page.getByTestId('complainant').getByText('王芳').waitFor();

    await page.getByLabel('添加备注').fill('已致电客户，核实修车发票已收到。');
    await page.getByRole('button', { name: '添加备注' }).click();
    await page.getByTestId('timeline').getByText('已致电客户').waitFor();

    // Checked before sending: the empty form names what is missing.
    await page.getByRole('button', { name: '检查并预览回复函' }).click();
    await page.getByTestId('decision-problems').getByText('请填写处理结论').waitFor();

    await page.getByLabel('投诉成立').check();
    await page
      .getByLabel('调查结果（告知客户的事实认定）')
      .fill('您的理赔申请材料齐全，但在我司后台滞留三个月未处理。');
    await page.getByLabel('依据与理由').fill(reasons);
    await page.getByLabel('处理措施（可选）').fill('十个工作日内完成赔付，并按日支付利息。');
    await page.getByLabel('补偿金额（可选，单位：元）').fill('500');
    await page.getByRole('button', { name: '检查并预览回复函' }).click();
    const preview = page.getByTestId('letter-preview');
    await preview.getByText(reasons).waitFor();
    await expect(preview.textContent()).resolves.toContain('我司将向您支付补偿金');
    const send = page.getByRole('button', { name: '发送决定' });
    await expect(send.isDisabled()).resolves.toBe(true);
    await page.getByLabel('我已核对回复函内容，确认发送').check();
    await world.screenshot(page, 'case');
    await send.click();

    await page.getByTestId('decided-message').or(page.getByRole('alert')).first().waitFor();
    const refused = await page.getByRole('alert').allTextContents();
    expect(refused).toEqual([]);
    await page.getByTestId('queue').or(page.getByText('队列中没有待处理的案件')).first().waitFor();
    await row.waitFor({ state: 'detached' });
    // Asked again from the server, not just the page's memory: still gone.
    await page.reload();
    await page.getByTestId('queue').or(page.getByText('队列中没有待处理的案件')).first().waitFor();
    await expect(row.count()).resolves.toBe(0);
    await world.screenshot(page, 'queue-after-decision');
    const held = await world.findCase(decided.complaintId);
    expect(held?.status).toBe('decided');

    // The letter feedback wrote from the decision, in the customer's language (Chinese).
    await page.goto(`${page.url().replace(/\/$/, '')}/cases/${decided.complaintId}`);
    const letter = page.getByTestId('letter');
    await letter.waitFor({ timeout: 60_000 });
    await expect(letter.textContent()).resolves.toContain(reasons);
    await expect(letter.textContent()).resolves.toContain('依据与理由');
    await world.screenshot(page, 'letter');
  });

  it('a supervisor reassigns a case on the board, with a reason', async () => {
    const page = await world.signIn('sup-claims', '/board');
    await page.getByTestId('workload').locator('tr[data-handler="h-claims-01"]').waitFor();
    await page.locator('#due-window').selectOption('30');
    const row = page
      .getByTestId('due-soon')
      .locator(`tr[data-complaint-id="${other.complaintId}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: '改派' }).click();
    const form = row.getByTestId('reassign');
    // The handlers come from the department's workload: wait for them.
    await form.locator('select option[value^="h-claims-"]').first().waitFor({ state: 'attached' });
    const optionEls = await form.locator('select option').all();
    const options = (await Promise.all(optionEls.map((o) => o.getAttribute('value')))).filter(
      (v): v is string => Boolean(v),
    );
    const to = options[0];
    expect(to).toMatch(/^h-claims-0\d$/);
    expect(to).not.toBe(other.handlerId);
    await form.locator('select').selectOption(to);
    await form.getByLabel('改派原因').fill(`${other.handlerId} 休假一周`);
    await world.screenshot(page, 'board');
    await form.getByRole('button', { name: '改派' }).click();
    await row.getByText(`已改派给 ${to}`).waitFor();
    await waitFor(
      'the reassignment',
      async () => (await world.findCase(other.complaintId))?.handlerId === to,
    );
    await row.getByTestId('handler').getByText(to).waitFor();
  });

  it('a handler of another department gets "not found" for a claims case', async () => {
    const page = await world.signIn('h-policy-01', `/cases/${other.complaintId}`);
    const message = page.getByTestId('not-found');
    await message.waitFor();
    await expect(message.textContent()).resolves.toContain('未找到该案件');
    await expect(page.getByText('我三个月前提交的车险理赔').count()).resolves.toBe(0);
    await world.screenshot(page, 'not-found');
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByText('Case not found. It may not exist, or it belongs to another department.')
      .waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    // Signing out ends the identity provider's session: back to the sign-in page.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('您已退出登录。').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '登录' }).waitFor();
  });

  it('a complaints officer sees every department and corrects a class and department', async () => {
    const page = await world.signIn('officer');
    const row = page
      .getByTestId('all-cases')
      .locator(`tr[data-complaint-id="${hospital.complaintId}"]`);
    await row.waitFor();
    await row.getByRole('link').click();
    await page.getByTestId('class-department').getByText('理赔部').waitFor();
    await page.getByLabel('类别', { exact: true }).selectOption('product_service');
    await page.getByLabel('子类', { exact: true }).selectOption('policy_terms');
    await page.getByLabel('部门（留空则按类别默认）').selectOption('policy-services');
    await page.getByLabel('更正原因').fill('客户质疑的是住院责任条款的解释，而非理赔处理');
    await page.getByRole('button', { name: '提交更正' }).click();
    await page.getByText('已更正。案件将转到相应部门。').waitFor();
    await page.getByTestId('class-department').getByText('保全服务部').waitFor();
    await waitFor(
      'the case to move to policy-services',
      async () => (await world.findCase(hospital.complaintId))?.department === 'policy-services',
      30_000,
      250,
    );
    await world.screenshot(page, 'correction');

    // Officers reassign across departments: to the complaints office.
    const form = page.getByTestId('reassign');
    await form.getByLabel('部门').selectOption('complaints-office');
    await form.locator('select option[value="h-office-01"]').waitFor({ state: 'attached' });
    await form.getByLabel('改派给').selectOption('h-office-01');
    await form.getByLabel('改派原因').fill('涉及多个部门，由投诉管理办公室统一处理');
    await form.getByRole('button', { name: '改派' }).click();
    await form.getByText('已改派给 h-office-01').waitFor();
    const moved = await world.findCase(hospital.complaintId);
    expect([moved?.department, moved?.handlerId]).toEqual(['complaints-office', 'h-office-01']);
  });

  insightJourneys(world);
  pipelineJourneys(world);
  sentMailJourneys(world);
  reviewJourneys(
    world,
    () => decided,
    () => [other, hospital],
  );

  it('with a service down the page says which one, in words, and the rest still shows', async () => {
    await world.pipeline.processes.feedback.stop();
    const page = await world.signIn('h-claims-01', `/cases/${decided.complaintId}`);
    await page.getByTestId('case').waitFor();
    await page.getByText('回复服务暂时不可用').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('service-down').getByText('回复服务').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('timeline').isVisible()).resolves.toBe(true);
    await world.screenshot(page, 'service-down');
  });
});
