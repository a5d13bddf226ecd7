import { ComplaintArchivedV1, TOPICS, verifySeal } from '@complaints/contracts';
import {
  JourneyResult,
  Outcome,
  PipelineClient,
  playJourney,
  SAMPLE_COMPLAINTS,
} from '@complaints/pipeline-client';
import { randomUUID } from 'crypto';
import {
  demoTokens,
  readTopics,
  testIdentity,
  waitFor,
  writeHostileReport,
} from '@complaints/testing';
import { sweepServices } from './hostile-sweep';
import { PipelineWorld, startPipeline } from './pipeline-world';

jest.setTimeout(600_000);

const COMPLAINTS = 50;
/** Every tenth customer is dissatisfied the first time: a reopen and a second decision. */
const isDissatisfiedFirst = (i: number): boolean => i % 10 === 3;
const OUTCOMES: Outcome[] = ['upheld', 'partially_upheld', 'rejected'];
const STEP_TIMEOUT_MS = 120_000;

const ONE_ROUND = [
  'received',
  'routed',
  'investigated',
  'responded',
  'feedback_received',
  'closed',
];
const TWO_ROUNDS = [
  'received',
  'routed',
  'investigated',
  'responded',
  'feedback_received',
  'reopened',
  'investigated',
  'responded',
  'feedback_received',
  'closed',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

describe('a complaint travels from intake to the archive (five services, real Kafka and PostgreSQL)', () => {
  let world: PipelineWorld;
  let closedComplaint: { id: string; department: string } | undefined;

  beforeAll(async () => {
    world = await startPipeline();
  });

  afterAll(async () => {
    await world?.close();
  });

  it('archives every complaint exactly once with a complete, ordered timeline, across a crash of a service', async () => {
    const client = new PipelineClient(world.urls, { apiKey: world.apiKey, tokens: demoTokens() });
    const run = `${Date.now()}`;
    const ids: string[] = [];
    const journeys: Promise<JourneyResult>[] = [];
    for (let i = 0; i < COMPLAINTS; i++) {
      if (i === COMPLAINTS / 2) {
        // Classification dies mid-run with no warning; intake keeps accepting meanwhile.
        await world.processes.classification.kill();
      }
      const sample = SAMPLE_COMPLAINTS[i % SAMPLE_COMPLAINTS.length];
      const accepted = await client.submit(sample, `E2E-${run}-${i}`, {
        idempotencyKey: `e2e-${run}-${i}`,
      });
      expect(accepted.status).toBe('received');
      ids.push(accepted.id);
      journeys.push(
        playJourney(client, accepted.id, {
          outcome: OUTCOMES[i % OUTCOMES.length],
          dissatisfiedFirst: isDissatisfiedFirst(i),
          stepTimeoutMs: STEP_TIMEOUT_MS,
        }),
      );
    }
    await world.processes.classification.start();
    const results = await Promise.all(journeys);
    results.forEach((r, i) =>
      expect(r.feedbackStatuses).toEqual(
        isDissatisfiedFirst(i) ? ['reopened', 'closed'] : ['closed'],
      ),
    );

    const archivedTopic = world.prefix + TOPICS.archived;
    const messages = await readTopics(
      world.brokers,
      [archivedTopic],
      (m) => m.length >= COMPLAINTS,
      STEP_TIMEOUT_MS,
    );
    // Let any late duplicate arrive before counting.
    await new Promise((r) => setTimeout(r, 3000));
    const all = await readTopics(
      world.brokers,
      [archivedTopic],
      (m) => m.length > COMPLAINTS,
      5000,
    );
    if (messages.length !== COMPLAINTS) {
      process.stdout.write(
        `archiving's last output:\n${world.processes.archiving.recentOutput()}\n`,
      );
    }
    expect(messages.length).toBe(COMPLAINTS);
    expect(all.length).toBe(COMPLAINTS);
    expect(new Set(all.map((m) => m.key))).toEqual(new Set(ids));

    const crashIndex = COMPLAINTS / 2;
    const toRouted: number[] = [];
    const toRoutedDuringCrash: number[] = [];
    const toInvestigated: number[] = [];
    const toArchive: number[] = [];
    for (const message of all) {
      const envelope = JSON.parse(message.value ?? '{}');
      const record = envelope.payload as ComplaintArchivedV1;
      const index = ids.indexOf(record.complaintId);
      expect(verifySeal(record)).toBe(true);
      const stages = record.timeline.map((s) => s.stage);
      expect(stages).toEqual(isDissatisfiedFirst(index) ? TWO_ROUNDS : ONE_ROUND);
      const times = record.timeline.map((s) => Date.parse(s.occurredAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(record.decisions).toHaveLength(isDissatisfiedFirst(index) ? 2 : 1);
      // Who did what reached the record, as pseudonyms: each round's decision by a handler,
      // and the case assigned on routing (and again on reopening).
      const decided = (record.audit ?? []).filter((a) => a.action === 'case.decided');
      expect(decided).toHaveLength(isDissatisfiedFirst(index) ? 2 : 1);
      expect(decided.every((a) => a.actorRole.includes('handler') && !!a.actorRef)).toBe(true);
      expect((record.assignments ?? []).map((a) => a.cause)).toEqual(
        isDissatisfiedFirst(index) ? ['routed', 'reopened'] : ['routed'],
      );
      expect(record.closure.resolution).toBe('satisfied');
      // The customer is pseudonymised: nothing of who complained is in the archive.
      const sample = SAMPLE_COMPLAINTS[index % SAMPLE_COMPLAINTS.length];
      for (const personal of Object.values(sample.customer))
        expect(message.value).not.toContain(personal);
      // Nor who handled it: people are pseudonyms in the analysts' stream.
      expect(message.value).not.toMatch(/"h-[a-z]+-\d\d"|"officer"|127\.0\.0\.1/);

      const received = Date.parse(record.complaint.receivedAt);
      (index < crashIndex ? toRouted : toRoutedDuringCrash).push(
        Date.parse(record.timeline[1].occurredAt) - received,
      );
      const investigated = record.timeline.find((s) => s.stage === 'investigated');
      if (investigated) toInvestigated.push(Date.parse(investigated.occurredAt) - received);
      toArchive.push(Date.parse(record.sealedAt) - received);
    }

    // Intake's status view follows the lifecycle topics on its own consumer.
    await waitFor(
      'every complaint closed in the status view',
      async () =>
        (await Promise.all(ids.map((id) => client.status(id)))).every((s) => s.status === 'closed'),
      120_000, // a loaded CI machine: the status view trails the archive
      250,
    );

    // A calling system finds its complaint by its own reference too.
    expect((await client.statusByReference(`E2E-${run}-0`)).id).toBe(ids[0]);
    const first = await client.status(ids[0]);
    closedComplaint = { id: first.id, department: first.department ?? 'claims' };

    toRouted.sort((a, b) => a - b);
    toRoutedDuringCrash.sort((a, b) => a - b);
    toArchive.sort((a, b) => a - b);
    toInvestigated.sort((a, b) => a - b);
    process.stdout.write(
      `\nend-to-end, ${COMPLAINTS} complaints (ms): intake -> routed p50 ${percentile(toRouted, 50)} ` +
        `p95 ${percentile(toRouted, 95)} max ${toRouted[toRouted.length - 1]}; submitted while classification ` +
        `was down: p50 ${percentile(toRoutedDuringCrash, 50)} max ${toRoutedDuringCrash[toRoutedDuringCrash.length - 1]}; ` +
        `intake -> investigated p50 ${percentile(toInvestigated, 50)} p95 ${percentile(toInvestigated, 95)}; ` +
        `intake -> archived p50 ` +
        `${percentile(toArchive, 50)} p95 ${percentile(toArchive, 95)} max ${toArchive[toArchive.length - 1]} ` +
        `(archive times include the test's handler and customer steps)\n`,
    );
  });

  it('refuses hostile tokens, a role without access and another department on every route of every service', async () => {
    const identity = await testIdentity();
    const complaint = closedComplaint ?? { id: randomUUID(), department: 'claims' };
    const sweep = await sweepServices(world.urls, identity, complaint);
    for (const [service, report] of Object.entries(sweep.perService)) {
      writeHostileReport(service, report, 'e2e-keycloak');
      expect({ service, accepted: report.accepted }).toEqual({ service, accepted: [] });
      expect({ service, serverErrors: report.serverErrors }).toEqual({ service, serverErrors: [] });
      expect({ service, unexpected: report.unexpected }).toEqual({ service, unexpected: [] });
    }
    expect(Object.keys(sweep.perService)).toHaveLength(5);
    process.stdout.write(
      `hostile sweep with Keycloak tokens: ${sweep.total.routes} routes, ${sweep.total.requests} requests, ` +
        `${sweep.total.accepted} accepted, ${sweep.total.serverErrors} 5xx\n`,
    );
  });
});
