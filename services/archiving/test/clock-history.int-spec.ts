import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { v4 as uuidv4 } from 'uuid';
import {
  AnyEventEnvelope,
  ClockState,
  ComplaintArchivedV1,
  EventEnvelope,
  TOPICS,
  validateEnvelope,
  verifySeal,
} from '@complaints/contracts';
import {
  aDeadlineBreachedEvent,
  aDeadlineChangedEvent,
  aMajorIncidentEvent,
  testTime,
} from '@complaints/contracts/testing';
import { loadConfig } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import {
  readTopics,
  ReadMessage,
  ServiceTestEnv,
  serviceTestEnv,
  TestIdentity,
  testIdentity,
  waitFor,
} from '@complaints/testing';
import { ArchivingConfig } from '../src/config/archiving.config';
import { createArchivingApp } from '../src/archiving-app.factory';
import { aFullLifecycle, PERSONAL_STRINGS, TEST_PSEUDONYM_KEY } from './complaint-lifecycles';

jest.setTimeout(180_000);

/** ms; generous: other suites share the machine's two cores and the broker. */
const WAIT_MS = 90_000;
const REQUESTER = 'f3b0c1de-handler-subject-in-clear';
const APPROVER = '0a9e77aa-approver-subject-in-clear';

/** The decision clock of aFullLifecycle's complaint (received day 0, answered day 6.1). */
function decisionClock(overrides: Partial<ClockState> = {}): ClockState {
  return {
    clockId: 'decision:1:0',
    clock: 'decision',
    round: 1,
    startedAt: testTime(0),
    periodDays: 30,
    periodHours: 0,
    dueAt: testTime(5),
    status: 'open',
    watched: true,
    extensionsAvailable: ['especially-complex'],
    extensions: [
      {
        requestId: uuidv4(),
        kind: 'complex',
        status: 'approved',
        requestedAt: testTime(1),
        decidedAt: testTime(2),
        requestedBy: REQUESTER,
        decidedBy: APPROVER,
      },
    ],
    pauses: [{ kind: 'mediation', from: testTime(2.5), to: testTime(3) }],
    ...overrides,
  };
}

describe('archiving: the clock history and the major-incident flag on the sealed record (real Kafka, real PostgreSQL)', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let identity: TestIdentity;

  beforeAll(async () => {
    identity = await testIdentity();
    env = await serviceTestEnv('archiving-clocks');
    const config = loadConfig(ArchivingConfig, {
      ...env.env,
      PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
      OIDC_ISSUER: identity.issuer,
    });
    app = await createArchivingApp(config, new ManualClock(testTime(8)));
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  const applied = (eventId: string) =>
    waitFor(
      `event ${eventId} applied`,
      async () =>
        (
          await app
            .get(DataSource)
            .query('SELECT 1 FROM inbox_message WHERE event_id = $1', [eventId])
        ).length > 0 || undefined,
      WAIT_MS,
    );

  /** The complaint's one archived event, read from the topic as an analyst would. */
  async function archived(
    complaintId: string,
  ): Promise<{ value: string; record: ComplaintArchivedV1 }> {
    const mine = (m: ReadMessage[]) => m.filter((x) => x.key === complaintId);
    const messages = await readTopics(
      env.brokers,
      [env.prefix + TOPICS.archived],
      (m) => mine(m).length >= 1,
      WAIT_MS,
    );
    const [message] = mine(messages);
    const result = validateEnvelope(JSON.parse(message.value ?? ''), 'produce');
    if (!result.ok) throw new Error(`invalid archived event: ${JSON.stringify(result.errors)}`);
    const envelope = result.envelope as EventEnvelope<ComplaintArchivedV1>;
    return { value: message.value ?? '', record: envelope.payload };
  }

  it('seals each clock: deadline, extension with approver as a pseudonym, pause, breached', async () => {
    const complaintId = uuidv4();
    const state = aDeadlineChangedEvent({
      complaintId,
      payload: {
        basis: 5,
        lastEventAt: testTime(3),
        clocks: [
          decisionClock(),
          {
            ...decisionClock(),
            clockId: 'acknowledgement:1:0',
            clock: 'acknowledgement',
            periodDays: 0,
            periodHours: 24,
            dueAt: testTime(1),
            status: 'met',
            metAt: testTime(0.1),
            watched: false,
            extensionsAvailable: [],
            extensions: [],
            pauses: [],
          },
        ],
      },
    });
    // An older state arriving later changes nothing; a breach redelivered is kept once.
    const older = aDeadlineChangedEvent({
      complaintId,
      payload: { basis: 2, clocks: [decisionClock({ dueAt: testTime(15), extensions: [] })] },
    });
    const breach = aDeadlineBreachedEvent({
      complaintId,
      payload: { clockId: 'decision:1:0', dueAt: testTime(5), breachedAt: testTime(5.01) },
    });
    await env.publish(state, older, breach, breach);
    await applied(older.eventId);
    await applied(breach.eventId);
    await env.publish(...(aFullLifecycle(complaintId) as AnyEventEnvelope[]));

    const { value, record } = await archived(complaintId);
    expect(verifySeal(record)).toBe(true);
    const history = record.clockHistory;
    expect(history?.policy).toBe('cn-2020@1');
    const [decision, ack] = history?.clocks ?? [];
    // The answer on day 6.1 came after the state: the archive applies it, late, so breached.
    expect(decision).toMatchObject({
      clockId: 'decision:1:0',
      periodDays: 30,
      dueAt: testTime(5),
      outcome: 'breached',
      metAt: testTime(6.1),
      breachedAt: testTime(5.01),
      extensions: [
        {
          kind: 'complex',
          status: 'approved',
          requestedAt: testTime(1),
          decidedAt: testTime(2),
        },
      ],
      pauses: [{ kind: 'mediation', from: testTime(2.5), to: testTime(3) }],
    });
    const [extension] = decision.extensions;
    expect(extension.requesterRef).toMatch(/^[0-9a-f]{64}$/);
    expect(extension.approverRef).toMatch(/^[0-9a-f]{64}$/);
    expect(extension.approverRef).not.toBe(extension.requesterRef);
    expect(ack).toMatchObject({ clock: 'acknowledgement', outcome: 'unwatched' });
    for (const clear of [REQUESTER, APPROVER, ...PERSONAL_STRINGS])
      expect(value).not.toContain(clear);
  });

  it('records a clock met in time as met and one the closure ended as ended; none without a state', async () => {
    const complaintId = uuidv4();
    const state = aDeadlineChangedEvent({
      complaintId,
      payload: {
        basis: 2,
        lastEventAt: testTime(0.01),
        clocks: [
          decisionClock({ dueAt: testTime(15), periodDays: 15, extensions: [], pauses: [] }),
          {
            ...decisionClock({ extensions: [], pauses: [] }),
            clockId: 'green-channel:1:0',
            clock: 'green-channel',
            startedAt: testTime(6.5),
            dueAt: testTime(10),
          },
        ],
      },
    });
    await env.publish(state);
    await applied(state.eventId);
    await env.publish(...(aFullLifecycle(complaintId) as AnyEventEnvelope[]));
    const { record } = await archived(complaintId);
    expect(record.clockHistory?.clocks.map((c) => [c.clockId, c.outcome, c.endReason])).toEqual([
      ['decision:1:0', 'met', undefined],
      ['green-channel:1:0', 'ended', 'closed'],
    ]);
    expect(record.clockHistory?.clocks[1].endedAt).toBe(
      (
        aFullLifecycle(complaintId).find((e) => e.type === 'complaint.closed')?.payload as {
          closedAt: string;
        }
      ).closedAt,
    );

    const without = uuidv4();
    await env.publish(...(aFullLifecycle(without) as AnyEventEnvelope[]));
    expect((await archived(without)).record.clockHistory).toBeUndefined();
  });

  it('flags the record of a complaint linked to a major incident (the link, not the raise, is keyed by the complaint)', async () => {
    const complaintId = uuidv4();
    const incidentId = uuidv4();
    const raised = aMajorIncidentEvent({ complaintId, payload: { incidentId } });
    const linked = aMajorIncidentEvent({
      complaintId,
      payload: { action: 'linked', incidentId, complainantCount: 25 },
    });
    const other = aMajorIncidentEvent({
      complaintId,
      payload: { action: 'linked', incidentId: uuidv4(), trigger: 'disaster' },
    });
    // Redelivered, then a second link: the first link stands.
    await env.publish(raised, linked, linked);
    await applied(linked.eventId);
    await env.publish(other);
    await applied(other.eventId);
    await env.publish(...(aFullLifecycle(complaintId) as AnyEventEnvelope[]));
    const { record } = await archived(complaintId);
    expect(record.majorIncident).toEqual({ incidentId, trigger: 'complainant-threshold' });
    expect(verifySeal(record)).toBe(true);

    const unlinked = uuidv4();
    await env.publish(aMajorIncidentEvent({ complaintId: unlinked }));
    await env.publish(...(aFullLifecycle(unlinked) as AnyEventEnvelope[]));
    expect((await archived(unlinked)).record.majorIncident).toBeUndefined();
  });
});
