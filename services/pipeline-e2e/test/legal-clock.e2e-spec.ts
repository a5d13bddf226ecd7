import { execFile } from 'child_process';
import { resolve } from 'path';
import { promisify } from 'util';
import { randomInt, randomUUID } from 'crypto';
import { TOPICS } from '@complaints/contracts';
import {
  CaseView,
  eventually,
  PipelineClient,
  playJourney,
  SAMPLE_COMPLAINTS,
} from '@complaints/pipeline-client';
import { demoTokens, demoUsers, readTopics, testIdentity } from '@complaints/testing';
import { ComplaintClocksView, lastClock, PeopleHttp, WatchlistView } from './clock-http';
import { sweepServices } from './hostile-sweep';
import { PipelineWorld, startPipeline } from './pipeline-world';

jest.setTimeout(600_000);

/** The calling system whose complaints run on the test-only policy: a day lasts one second. */
const FAST_CALLER = 'e2e-fast-clock';
const STEP_MS = 120_000; // generous: CI runs two projects at once on two cores
const ROOT = resolve(__dirname, '../../..');

/** The local mail sink and SMS stand-in the project runs (infra/smtp): what reached customers. */
const SINK = process.env['MAIL_SINK_URL'] ?? 'http://127.0.0.1:2526';

interface SunkMail {
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}
interface SunkSms {
  to: string;
  text: string;
  receivedAt: string;
}

/** A message with its proofs, as feedback shows it to a complaints officer. */
interface MessageView {
  kind: string;
  status: string;
  proofs: {
    channel: string;
    maskedAddress: string;
    contentHash: string;
    providerMessageId?: string;
    deliveryStatus: string;
  }[];
}

/** A clock on the archived record, as analysts read it. */
interface ArchivedClockView {
  clockId: string;
  clock: string;
  outcome: string;
  dueAt?: string;
  breachedAt?: string;
}

describe('the legal clock end to end (six services: the five and deadlines, Keycloak tokens)', () => {
  let world: PipelineWorld;
  let client: PipelineClient;
  let fastClient: PipelineClient;
  let people: PeopleHttp;
  let deadlines: string;
  const tokens = demoTokens();

  beforeAll(async () => {
    world = await startPipeline({
      extraServices: ['deadlines'],
      callerSystems: [FAST_CALLER],
      env: {
        DEADLINES_TEST_POLICIES: 'on',
        DEADLINES_POLICY_BY_CALLER_SYSTEM: `${FAST_CALLER}=test-seconds@1`,
        DEADLINES_SWEEP_INTERVAL_MS: '1000',
      },
      // Feedback names its own address: the gateway's receipts and the customer's answer link.
      serviceEnv: (ports) => ({
        feedback: {
          SMS_CALLBACK_URL: `http://127.0.0.1:${ports['feedback']}/v1/deliveries/sms`,
          ANSWER_LINK_BASE_URL: `http://127.0.0.1:${ports['feedback']}`,
        },
      }),
    });
    client = new PipelineClient(world.urls, { apiKey: world.apiKey, tokens });
    fastClient = new PipelineClient(world.urls, {
      apiKey: world.callerKeys[FAST_CALLER],
      tokens,
    });
    people = new PeopleHttp(tokens);
    deadlines = world.extra['deadlines'].baseUrl;
  });

  afterAll(async () => {
    await world?.close();
  });

  const caseUrl = (c: CaseView, action: string) =>
    `${world.urls.investigation}/v1/cases/${c.complaintId}/${action}`;

  const submit = async (c: PipelineClient, i: number, run: string): Promise<CaseView> => {
    const sample = SAMPLE_COMPLAINTS[i % SAMPLE_COMPLAINTS.length];
    const accepted = await c.submit(sample, `CLOCK-${run}-${i}`);
    return eventually(
      `the case of ${accepted.id}`,
      () => client.findCase(accepted.id),
      STEP_MS,
      200,
    );
  };

  const clocksWhen = (id: string, what: string, ready: (v: ComplaintClocksView) => boolean) =>
    people.clocksWhen(`${deadlines}/v1/deadlines/${id}`, what, ready, STEP_MS);

  const ids: string[] = [];
  let breachedComplaint: { id: string; department: string } | undefined;

  it('extends, refuses, pauses and resumes, restarts, withdraws, reviews, and breaches with an escalation', async () => {
    const run = `${Date.now()}`;
    // The breach first: its 15 "days" (seconds) run while the other actions are taken.
    const late = await submit(fastClient, 0, `${run}-fast`);
    const [approved, refused, paused, restarted, withdrawn, reviewed] = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) => submit(client, i, run)),
    );
    ids.push(
      late.complaintId,
      ...[approved, refused, paused, restarted, withdrawn, reviewed].map((c) => c.complaintId),
    );

    // An internal review: the customer is unhappy with the first answer; a reopened round.
    const review = playJourney(client, reviewed.complaintId, {
      outcome: 'upheld',
      dissatisfiedFirst: true,
      stepTimeoutMs: STEP_MS,
    });

    // An extension asked by the assigned handler and approved by an approver: 30 days.
    const askA = await people.post<{ requestId: string }>(
      caseUrl(approved, 'extensions'),
      approved.handlerId,
      { kind: 'complex', reason: 'Two hospitals must send records' },
      201,
    );
    await people.post(
      caseUrl(approved, `extensions/${askA.requestId}/decision`),
      'approver',
      { outcome: 'approved', reason: 'Complex: records from third parties' },
      200,
    );
    // One refused: the deadline stays at 15 days.
    const askR = await people.post<{ requestId: string }>(
      caseUrl(refused, 'extensions'),
      refused.handlerId,
      { kind: 'complex', reason: 'Busy month' },
      201,
    );
    await people.post(
      caseUrl(refused, `extensions/${askR.requestId}/decision`),
      'approver',
      { outcome: 'refused', reason: 'Not complex: one document is missing' },
      200,
    );
    // A pause for an outside appraisal, then resumed.
    const before = lastClock(
      await clocksWhen(paused.complaintId, 'a decision clock', (v) => v.state === 'open'),
    );
    await people.post(
      caseUrl(paused, 'pause'),
      paused.handlerId,
      { kind: 'appraisal', reason: 'Outside loss assessor' },
      201,
    );
    await clocksWhen(paused.complaintId, 'paused', (v) => lastClock(v).status === 'paused');
    await people.post(
      caseUrl(paused, 'resume'),
      paused.handlerId,
      { reason: 'Report received' },
      200,
    );
    // New facts restart the 15 days; the complainant withdraws another.
    await people.post(
      caseUrl(restarted, 'restart'),
      restarted.handlerId,
      { reason: 'New facts: a second claim' },
      201,
    );
    await people.post(
      caseUrl(withdrawn, 'withdrawal'),
      withdrawn.handlerId,
      { reason: 'Customer withdrew by phone' },
      201,
    );

    const a = lastClock(
      await clocksWhen(
        approved.complaintId,
        'extended to 30 days',
        (v) => lastClock(v).periodDays === 30,
      ),
    );
    expect(a.extensions).toEqual([
      expect.objectContaining({ kind: 'complex', status: 'approved' }),
    ]);
    expect(a).toMatchObject({ status: 'open', breached: false });

    const r = lastClock(
      await clocksWhen(
        refused.complaintId,
        'extension refused',
        (v) => lastClock(v).extensions[0]?.status === 'refused',
      ),
    );
    expect(r).toMatchObject({ periodDays: 15, status: 'open' });
    // Figures only: the approver's words are not shown.
    expect(r.extensions[0].refusal).toBe('EXTENSION.REFUSED');

    const p = lastClock(
      await clocksWhen(
        paused.complaintId,
        'resumed',
        (v) => lastClock(v).pauses[0]?.to !== undefined,
      ),
    );
    expect(p).toMatchObject({
      status: 'open',
      pauses: [expect.objectContaining({ kind: 'appraisal' })],
    });
    expect(p.pausedMs).toBeGreaterThan(0);
    // Paused time does not count: the deadline moved by exactly the time paused.
    expect(Date.parse(p.dueAt ?? '') - Date.parse(before.dueAt ?? '')).toBe(p.pausedMs);

    const s = await clocksWhen(restarted.complaintId, 'restarted', (v) =>
      v.clocks.some((c) => c.id === 'decision:1:1'),
    );
    expect(
      s.clocks.filter((c) => c.kind === 'decision').map((c) => [c.id, c.status, c.endReason]),
    ).toEqual([
      ['decision:1:0', 'ended', 'restarted'],
      ['decision:1:1', 'open', undefined],
    ]);
    expect(lastClock(s).periodDays).toBe(15);

    const w = await clocksWhen(withdrawn.complaintId, 'withdrawn', (v) => v.state === 'ended');
    expect(w).toMatchObject({ endReason: 'withdrawn' });
    expect(lastClock(w)).toMatchObject({ status: 'ended', endReason: 'withdrawn' });

    expect((await review).feedbackStatuses).toEqual(['reopened', 'closed']);
    const v = await clocksWhen(
      reviewed.complaintId,
      'reviewed and closed',
      (x) => x.state === 'ended',
    );
    expect(
      v.clocks
        .filter((c) => c.kind === 'decision' || c.kind === 'review')
        .map((c) => [c.id, c.periodDays, c.status]),
    ).toEqual([
      ['decision:1:0', 15, 'met'],
      ['review:2:0', 30, 'met'],
    ]);
    expect(v.endReason).toBe('closed');

    // The breach: published once, and escalated to the department's supervisor and the officer.
    const breachTopic = world.prefix + TOPICS.deadlineBreached;
    const ofLate = (m: { key: string | null }) => m.key === late.complaintId;
    await readTopics(world.brokers, [breachTopic], (m) => m.some(ofLate), STEP_MS);
    await new Promise((done) => setTimeout(done, 3000)); // sweeps go on: any duplicate would come now
    const breaches = (
      await readTopics(world.brokers, [breachTopic], (m) => m.filter(ofLate).length > 1, 6000)
    ).filter(ofLate);
    expect(breaches).toHaveLength(1);
    expect(JSON.parse(breaches[0].value ?? '{}').payload).toMatchObject({
      clockId: 'decision:1:0',
      clock: 'decision',
      department: late.department,
    });
    const b = await clocksWhen(late.complaintId, 'breached', (x) => lastClock(x).breached);
    breachedComplaint = { id: late.complaintId, department: late.department };
    expect(b.policy).toBe('test-seconds@1');
    for (const person of ['officer', `sup-${late.department}`]) {
      const list = await people.call<WatchlistView>(
        'GET',
        `${deadlines}/v1/deadlines?status=breached`,
        person,
      );
      expect({ person, status: list.status }).toEqual({ person, status: 200 });
      expect(list.body.items.filter((i) => i.complaintId === late.complaintId)).toEqual([
        expect.objectContaining({ breached: true, department: late.department }),
      ]);
    }
    // Nothing else breached: real days under the China policy.
    const all = await people.call<WatchlistView>(
      'GET',
      `${deadlines}/v1/deadlines?status=breached`,
      'officer',
    );
    expect(all.body.items.map((i) => i.complaintId)).toEqual([late.complaintId]);

    // The escalation on the case itself: flagged for the officer and the department's supervisor.
    const flagged = await eventually(
      'the breached case flagged in investigation',
      async () => {
        const a = await people.call<CaseView & { breached: boolean; breaches?: object[] }>(
          'GET',
          `${world.urls.investigation}/v1/cases/${late.complaintId}`,
          'officer',
        );
        return a.status === 200 && a.body.breached ? a.body : undefined;
      },
      STEP_MS,
      200,
    );
    expect(flagged.breaches).toEqual([
      expect.objectContaining({ clockId: 'decision:1:0', department: late.department }),
    ]);
    const board = await people.call<{ items: { complaintId: string }[] }>(
      'GET',
      `${world.urls.investigation}/v1/cases?breached=true`,
      `sup-${late.department}`,
    );
    expect(board.body.items.map((i) => i.complaintId)).toContain(late.complaintId);
    expect(board.body.items.map((i) => i.complaintId)).not.toContain(approved.complaintId);
    // Too late to extend: investigation refuses at once, naming the deadline, and records nothing.
    const tooLate = await people.call<{ code: string; errors: { field: string }[] }>(
      'POST',
      caseUrl(late, 'extensions'),
      late.handlerId,
      { kind: 'complex', reason: 'Asked after the deadline' },
    );
    expect(tooLate).toMatchObject({
      status: 422,
      body: { code: 'EXTENSION.AFTER_DEADLINE', errors: [{ field: 'kind' }] },
    });

    // Answered late and closed: the breach stays on the archived record's clock history.
    await playJourney(fastClient, late.complaintId, {
      outcome: 'upheld',
      dissatisfiedFirst: false,
      stepTimeoutMs: STEP_MS,
    });
    const archivedClocks = async (id: string) =>
      (
        (await eventually(
          `the archived record of ${id}`,
          () => client.findArchived(id),
          STEP_MS,
          250,
        )) as {
          clockHistory?: { policy: string; clocks: ArchivedClockView[] };
        }
      ).clockHistory;
    const lateHistory = await archivedClocks(late.complaintId);
    expect(lateHistory?.policy).toBe('test-seconds@1');
    expect(lateHistory?.clocks.find((c) => c.clockId === 'decision:1:0')).toMatchObject({
      outcome: 'breached',
      breachedAt: expect.any(String),
      dueAt: b.clocks.find((c) => c.id === 'decision:1:0')?.dueAt,
    });
    // The reviewed complaint: both rounds' clocks, met.
    const reviewedHistory = await archivedClocks(reviewed.complaintId);
    expect(
      reviewedHistory?.clocks
        .filter((c) => c.clock === 'decision' || c.clock === 'review')
        .map((c) => [c.clockId, c.outcome]),
    ).toEqual([
      ['decision:1:0', 'met'],
      ['review:2:0', 'met'],
    ]);
  });

  it('rebuilds every clock from the topics alone: npm run deadlines:replay reports 0 differ', async () => {
    expect(ids).toHaveLength(7);
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'deadlines:replay'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: world.databaseUrl,
        DATABASE_SCHEMA: world.schemas['deadlines'],
        KAFKA_BROKERS: world.brokers.join(','),
        TOPIC_PREFIX: world.prefix,
        LOG_LEVEL: 'warn',
      },
      timeout: 180_000, // npm and the TypeScript loader start slowly on a loaded machine
    });
    const last = stdout.trim().split('\n').pop();
    process.stdout.write(`deadlines:replay on the e2e world: ${last}\n`);
    expect(last).toBe(`replayed ${ids.length} complaints: ${ids.length} match, 0 differ`);
  });

  it("refuses hostile tokens, a refused role and another department on the deadlines service's routes", async () => {
    const complaint = breachedComplaint ?? {
      id: ids[0] ?? '00000000-0000-7000-8000-000000000000',
      department: 'claims',
    };
    const sweep = await sweepServices(
      { deadlines } as unknown as Parameters<typeof sweepServices>[0],
      await testIdentity(),
      complaint,
    );
    const report = sweep.perService['deadlines'];
    expect(report.routes).toBeGreaterThanOrEqual(2);
    expect({
      accepted: report.accepted,
      serverErrors: report.serverErrors,
      unexpected: report.unexpected,
    }).toEqual({ accepted: [], serverErrors: [], unexpected: [] });
    process.stdout.write(
      `deadlines hostile sweep with Keycloak tokens: ${report.routes} routes, ${report.requests} requests\n`,
    );
  });

  /**
   * Talking to the customer, with proof (issue 12's end-to-end test), in this world rather than
   * one of its own (CI time): the customer's messages read where they arrived (the project's
   * SMTP sink and SMS stand-in, over real SMTP and HTTP), the gateway's receipts posted back to
   * feedback, the customer's answers given on the signed link as a browser would, the people
   * with their own Keycloak tokens. Runs last: the replay above counts the clock suite's seven.
   */
  it('talks to the customer with proof: acknowledged by e-mail in time, an extension notice, the decision by e-mail and text with receipts, an answer on the signed link asking for review, a different person decides it, and the archived record holds every proof', async () => {
    const feedback = world.urls.feedback;
    const tag = randomUUID().slice(0, 8);
    const email = `li.${tag}@example.test`;
    const phone = `+86 139 ${randomInt(1000, 9998)} ${randomInt(1000, 9998)}`;
    const digits = phone.replace(/\s/g, '');
    const complainedAbout = demoUsers().find((u) => u.username === 'h-claims-01');
    const mailOf = async (subject: string) =>
      eventually(
        `an e-mail "${subject}" to the customer`,
        async () => {
          const all = (await (await fetch(`${SINK}/mail?to=${email}`)).json()) as SunkMail[];
          return all.find((m) => m.subject.startsWith(subject));
        },
        STEP_MS,
        250,
      );
    // Intake may keep the number as given or without its spaces: the stand-in is asked for both.
    const textOf = async (start: string) =>
      eventually(
        `a text "${start}" to the customer`,
        async () => {
          const all: SunkSms[] = [];
          for (const to of new Set([phone, digits]))
            all.push(
              ...((await (
                await fetch(`${SINK}/sms?to=${encodeURIComponent(to)}`)
              ).json()) as SunkSms[]),
            );
          return all.find((m) => m.text.startsWith(start));
        },
        STEP_MS,
        250,
      );
    const messagesWhen = (what: string, ready: (ms: MessageView[]) => boolean) =>
      eventually(
        `feedback's proofs: ${what}`,
        async () => {
          const a = await people.call<MessageView[]>(
            'GET',
            `${feedback}/v1/messages/${accepted.id}`,
            'officer',
          );
          return a.status === 200 && ready(a.body) ? a.body : undefined;
        },
        STEP_MS,
        250,
      );
    const proofsOf = (ms: MessageView[], kind: string) =>
      (ms.find((m) => m.kind === kind)?.proofs ?? []).map((p) => [p.channel, p.deliveryStatus]);
    const linkIn = (text: string) => {
      const link = /(\S+)\/answer#t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(text);
      if (!link) throw new Error(`no answer link in: ${text}`);
      return { base: link[1], token: link[2] };
    };

    // The customer complains on the web with an e-mail and a mobile number, about a handler.
    const sample = SAMPLE_COMPLAINTS[0];
    const submitted = await fetch(`${world.urls.intake}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.apiKey}` },
      body: JSON.stringify({
        channel: 'web',
        externalReference: `TALK-${tag}`,
        productLine: sample.productLine,
        subject: sample.subject,
        description: sample.description,
        customer: { name: '李伟', email, phone },
        complainedAbout: { staffId: complainedAbout?.staffId, unit: 'claims' },
      }),
    });
    expect(submitted.status).toBe(202);
    const accepted = (await submitted.json()) as {
      id: string;
      referenceNumber: string;
      receivedAt: string;
    };
    const reference = accepted.referenceNumber;

    // 1. Acknowledged by e-mail, read from the SMTP server, before the acknowledgement deadline.
    const ack = await mailOf(`投诉受理通知（投诉编号：${reference}）`);
    expect(ack.text).toContain(`投诉编号为${reference}`);
    const acked = await clocksWhen(
      accepted.id,
      'the acknowledgement met',
      (v) => v.clocks.find((c) => c.kind === 'acknowledgement')?.status === 'met',
    );
    const ackClock = acked.clocks.find((c) => c.kind === 'acknowledgement');
    expect(Date.parse(ack.receivedAt)).toBeLessThan(Date.parse(ackClock?.dueAt ?? ''));

    // The case goes to a handler who is not the person complained about.
    const first = await eventually(
      `the case of ${accepted.id}`,
      () => client.findCase(accepted.id),
      STEP_MS,
      200,
    );
    expect(first.handlerId).not.toBe(complainedAbout?.username);

    // 2. An extension, asked by the handler and approved: the customer is told why and until when.
    const ask = await people.post<{ requestId: string }>(
      caseUrl(first, 'extensions'),
      first.handlerId,
      { kind: 'complex', reason: 'Repair invoices from two garages are needed' },
      201,
    );
    const why = 'Complex: the repair invoices come from third parties';
    await people.post(
      caseUrl(first, `extensions/${ask.requestId}/decision`),
      'approver',
      { outcome: 'approved', reason: why },
      200,
    );
    const notice = await mailOf(`投诉处理期限延长通知（投诉编号：${reference}）`);
    expect(notice.text).toContain(`延期原因：${why}`);
    const newDue = new Date(Date.parse(accepted.receivedAt) + 30 * 86_400_000);
    const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
      .format(newDue)
      .split('-')
      .map(Number);
    expect(notice.text).toContain(`新的处理期限：${ymd[0]}年${ymd[1]}月${ymd[2]}日`);
    await clocksWhen(accepted.id, 'extended to 30 days', (v) => lastClock(v).periodDays === 30);

    // 3. The decision letter, by e-mail and by text, each with its proof; the text's receipt recorded.
    await client.decide(accepted.id, first.handlerId, 'rejected', 1);
    const letter = await mailOf(`投诉处理决定书（投诉编号：${reference}）`);
    const letterText = await textOf(`投诉处理决定书（投诉编号：${reference}）`);
    for (const part of ['30日内向我司申请内部复核', '调解', '仲裁', '诉讼', '12378'])
      expect({
        part,
        email: letter.text.includes(part),
        sms: letterText.text.includes(part),
      }).toEqual({ part, email: true, sms: true });
    const link = linkIn(letter.text);
    expect(link.base).toBe(feedback);
    expect(linkIn(letterText.text).token).toBe(link.token);
    const decided = await messagesWhen('the decision on both channels, the text delivered', (ms) =>
      proofsOf(ms, 'decision').some(([c, s]) => c === 'sms' && s === 'delivered'),
    );
    expect(proofsOf(decided, 'acknowledgement')).toEqual([['email', 'sent']]);
    expect(proofsOf(decided, 'extension')).toEqual([['email', 'sent']]);
    expect(proofsOf(decided, 'decision')).toEqual([
      ['email', 'sent'],
      ['sms', 'delivered'],
    ]);
    const decisionProofs = decided.find((m) => m.kind === 'decision')?.proofs ?? [];
    expect(decisionProofs[0]?.providerMessageId).toMatch(/^<.+>$/);
    expect(decisionProofs[1]?.maskedAddress).toBe(`*********${digits.slice(-4)}`);
    expect(JSON.stringify(decided)).not.toContain(email);

    // 4. The customer opens the link (the public page, then what it is for) and asks for a review.
    const page = await fetch(`${link.base}/answer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const answer = (body: object) =>
      fetch(`${feedback}/v1/answers${'rating' in body ? '' : '/lookup'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const lookup = await answer({ token: link.token });
    expect(lookup.status).toBe(200);
    expect(await lookup.json()).toMatchObject({ referenceNumber: reference, round: 1 });
    const asked = await answer({
      token: link.token,
      rating: 1,
      solved: false,
      comment: '理由不成立，请换人复核',
      reviewRequested: true,
    });
    expect(asked.status).toBe(202);
    expect(await asked.json()).toMatchObject({ round: 1, status: 'received' });
    // The link works once.
    const again = await answer({ token: link.token, rating: 5, solved: true });
    expect(again.status).toBe(410);

    // 5. The review goes to someone who neither decided nor is complained about, and they decide.
    const review = await eventually(
      `the review of ${accepted.id}`,
      async () => {
        const c = await client.findCase(accepted.id);
        return c && c.round === 2 && c.status === 'reopened' ? c : undefined;
      },
      STEP_MS,
      200,
    );
    expect(review.handlerId).not.toBe(first.handlerId);
    expect(review.handlerId).not.toBe(complainedAbout?.username);
    const reviewDecision = {
      outcome: 'upheld',
      summary: '复核查明：修理发票于1月3日已齐全，理赔延误系我司审批环节所致。',
      rootCause: '审批环节没有时限，违反保险合同第7条',
      remedy: '赔付修理费用并支付延误利息',
      reviewOutcome: 'overturned',
    };
    const byDecider = await people.call(
      'POST',
      caseUrl(first, 'decision'),
      first.handlerId,
      reviewDecision,
    );
    expect(byDecider.status).toBe(403);
    await people.post(caseUrl(first, 'decision'), review.handlerId, reviewDecision, 201);

    // Its letter, by e-mail and by text with its receipt; the customer answers it on its own link.
    const reviewLetter = await mailOf(`内部复核决定书（投诉编号：${reference}）`);
    const reviewText = await textOf(`内部复核决定书（投诉编号：${reference}）`);
    for (const part of ['撤销原处理决定', '赔付修理费用并支付延误利息', '调解', '仲裁', '诉讼'])
      expect({
        part,
        email: reviewLetter.text.includes(part),
        sms: reviewText.text.includes(part),
      }).toEqual({ part, email: true, sms: true });
    await messagesWhen('the review decision on both channels, the text delivered', (ms) =>
      proofsOf(ms, 'review-decision').some(([c, s]) => c === 'sms' && s === 'delivered'),
    );
    const satisfied = await answer({
      token: linkIn(reviewLetter.text).token,
      rating: 4,
      solved: true,
    });
    expect(satisfied.status).toBe(202);
    expect(await satisfied.json()).toMatchObject({ round: 2 });

    // 6. Closed and archived: the record on complaints.archived.v1 holds every proof and the review.
    const archivedTopic = world.prefix + TOPICS.archived;
    const ofThis = (m: { key: string | null }) => m.key === accepted.id;
    const [sealed] = (
      await readTopics(world.brokers, [archivedTopic], (ms) => ms.some(ofThis), STEP_MS)
    ).filter(ofThis);
    const record = JSON.parse(sealed?.value ?? '{}').payload as {
      notifications?: {
        messageKind: string;
        channel: string;
        deliveryStatus: string;
        maskedAddress: string;
        contentHash: string;
        templateId: string;
      }[];
      reviews?: {
        reviewedRound: number;
        reviewRound: number;
        requestedThrough: string;
        outcome?: string;
        reviewerPseudonym?: string;
      }[];
    };
    expect(record.notifications?.map((n) => [n.messageKind, n.channel, n.deliveryStatus])).toEqual([
      ['acknowledgement', 'email', 'sent'],
      ['extension', 'email', 'sent'],
      ['decision', 'email', 'sent'],
      ['decision', 'sms', 'delivered'],
      ['review-decision', 'email', 'sent'],
      ['review-decision', 'sms', 'delivered'],
    ]);
    expect(record.notifications?.find((n) => n.messageKind === 'decision')?.contentHash).toBe(
      decisionProofs[0]?.contentHash,
    );
    expect(JSON.stringify(record)).not.toContain(email);
    expect(JSON.stringify(record)).not.toContain(digits);
    expect(record.reviews).toEqual([
      expect.objectContaining({
        reviewedRound: 1,
        reviewRound: 2,
        requestedThrough: 'answer-link',
        outcome: 'overturned',
        reviewerPseudonym: expect.any(String),
      }),
    ]);
    // The analysts' archive API serves the same sealed record.
    const served = (await eventually(
      `the archived record of ${accepted.id}`,
      () => client.findArchived(accepted.id),
      STEP_MS,
      250,
    )) as typeof record;
    expect(served.notifications).toEqual(record.notifications);
    process.stdout.write(
      `customer journey with proof: ${first.department}, decided by ${first.handlerId}, reviewed by ` +
        `${review.handlerId} (complained about: ${complainedAbout?.username}), ` +
        `${record.notifications?.length} proofs archived\n`,
    );
  });
});
