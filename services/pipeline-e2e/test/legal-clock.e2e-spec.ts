import { execFile } from 'child_process';
import { resolve } from 'path';
import { promisify } from 'util';
import { TOPICS } from '@complaints/contracts';
import {
  CaseView,
  eventually,
  PipelineClient,
  playJourney,
  SAMPLE_COMPLAINTS,
} from '@complaints/pipeline-client';
import { demoTokens, readTopics, testIdentity } from '@complaints/testing';
import { ComplaintClocksView, lastClock, PeopleHttp, WatchlistView } from './clock-http';
import { sweepServices } from './hostile-sweep';
import { PipelineWorld, startPipeline } from './pipeline-world';

jest.setTimeout(600_000);

/** The calling system whose complaints run on the test-only policy: a day lasts one second. */
const FAST_CALLER = 'e2e-fast-clock';
const STEP_MS = 120_000; // generous: CI runs two projects at once on two cores
const ROOT = resolve(__dirname, '../../..');

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
});
