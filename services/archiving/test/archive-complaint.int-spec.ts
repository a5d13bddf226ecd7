import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Admin, Kafka, Producer } from 'kafkajs';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { v4 as uuidv4 } from 'uuid';
import {
  AnyEventEnvelope,
  ComplaintArchivedV1,
  EVENT_TYPES,
  EventEnvelope,
  findEventDefinition,
  TOPICS,
  validateEnvelope,
  verifySeal,
} from '@complaints/contracts';
import { createKafka, createProducer } from '@complaints/messaging';
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
import { TIMELINE_TOPICS } from '../src/archive/lifecycle.consumer';
import { ArchivingConfig } from '../src/config/archiving.config';
import { createArchivingApp } from '../src/archiving-app.factory';
import {
  aFullLifecycle,
  aReopenedLifecycle,
  PERSONAL_STRINGS,
  STAFF_STRINGS,
  staffedLifecycle,
  TEST_PSEUDONYM_KEY,
} from './complaint-lifecycles';

jest.setTimeout(180_000);

/** ms; generous: other suites share the machine's two cores and the broker. */
const WAIT_MS = 90_000;
const SEALED_AT = '2026-01-05T09:00:00.000Z';

describe('archiving: sealing closed complaints (real Kafka, real PostgreSQL)', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;
  let identity: TestIdentity;
  const tokens = new Map<string, { token: string; at: number }>();

  /** A demo user's access token, fetched again after a minute (they live five). */
  async function tokenOf(username: string): Promise<string> {
    const cached = tokens.get(username);
    if (cached && Date.now() - cached.at < 60_000) return cached.token;
    const token = await identity.token(username);
    tokens.set(username, { token, at: Date.now() });
    return token;
  }

  beforeAll(async () => {
    identity = await testIdentity();
    env = await serviceTestEnv('archiving');
    const config = loadConfig(ArchivingConfig, {
      ...env.env,
      PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
      OIDC_ISSUER: identity.issuer,
    });
    app = await createArchivingApp(config, new ManualClock(SEALED_AT));
    await app.getHttpAdapter().getInstance().ready();
    kafka = createKafka({
      brokers: env.brokers,
      clientId: 'archiving-test',
      logger: pino({ level: 'silent' }),
    });
    producer = createProducer(kafka);
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
  });

  afterAll(async () => {
    await admin?.disconnect();
    await producer?.disconnect();
    await app?.close();
    await env?.cleanup();
  });

  /** Publishes in the order given, each event to its own topic, as the other services would. */
  async function publish(events: AnyEventEnvelope[]): Promise<void> {
    for (const event of events) {
      const definition = findEventDefinition(event.type, event.version);
      if (!definition) throw new Error(`no topic for ${event.type}`);
      await producer.send({
        topic: env.prefix + definition.topic,
        acks: -1,
        messages: [{ key: event.complaintId, value: JSON.stringify(event) }],
      });
    }
  }

  /** A GET as a demo user: the analyst unless named. */
  const get = async (url: string, username = 'analyst') =>
    app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${await tokenOf(username)}` },
    });

  /** Waits until the archive has consumed everything published and its outbox is sent. */
  async function settled(): Promise<void> {
    const groups = [
      { groupId: `${env.prefix}archiving.timeline`, topics: TIMELINE_TOPICS },
      { groupId: `${env.prefix}archiving.audit-trail`, topics: [TOPICS.audit] },
    ];
    await waitFor(
      'the archive to consume every event and publish its outbox',
      async () => {
        for (const group of groups) {
          const topics = group.topics.map((t) => env.prefix + t);
          const committed = await admin.fetchOffsets({ groupId: group.groupId, topics });
          for (const { topic, partitions } of committed) {
            const ends = await admin.fetchTopicOffsets(topic);
            for (const end of ends) {
              const at = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
              if (BigInt(end.high) > 0n && BigInt(at) < BigInt(end.high)) return false;
            }
          }
        }
        const [{ pending }] = await app
          .get(DataSource)
          .query(`SELECT count(*)::int AS pending FROM outbox_message WHERE sent_at IS NULL`);
        return pending === 0;
      },
      WAIT_MS,
      250,
    );
  }

  /** Everything on the archived topic, read from the beginning as an analyst would. */
  async function archivedTopic(): Promise<ReadMessage[]> {
    await settled();
    const topic = env.prefix + TOPICS.archived;
    const total = (await admin.fetchTopicOffsets(topic)).reduce(
      (n, p) => n + Number(p.high) - Number(p.low),
      0,
    );
    const messages = await readTopics(env.brokers, [topic], (m) => m.length >= total, WAIT_MS);
    expect(messages).toHaveLength(total);
    return messages;
  }

  function recordOf(message: ReadMessage): EventEnvelope<ComplaintArchivedV1> {
    const result = validateEnvelope(JSON.parse(message.value ?? ''), 'produce');
    if (!result.ok) throw new Error(`invalid archived event: ${JSON.stringify(result.errors)}`);
    return result.envelope as EventEnvelope<ComplaintArchivedV1>;
  }

  it('seals one record once a late response completes a closed timeline; duplicates change nothing', async () => {
    const complaintId = uuidv4();
    const events = aFullLifecycle(complaintId);
    const [received, , , responded, , closed] = events;
    expect(responded.type).toBe(EVENT_TYPES.responded);

    // closed (and duplicates) before responded: the timeline is closed but not complete.
    await publish([...events.filter((e) => e !== responded), received, closed]);
    await waitFor(
      'five events in the timeline',
      async () => {
        const res = await get(`/v1/archive/${complaintId}/timeline`);
        return res.statusCode === 200 && res.json().length === 5;
      },
      WAIT_MS,
    );
    const early = await get(`/v1/archive/${complaintId}`);
    expect(early.statusCode).toBe(404);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json()).toMatchObject({ code: 'ARCHIVE.NOT_FOUND', status: 404 });

    await publish([responded, responded, ...events]);
    const sealed = await waitFor(
      'the sealed record',
      async () => {
        const res = await get(`/v1/archive/${complaintId}`);
        return res.statusCode === 200 ? (res.json() as ComplaintArchivedV1) : undefined;
      },
      WAIT_MS,
    );

    const mine = (await archivedTopic()).filter((m) => m.key === complaintId);
    expect(mine).toHaveLength(1);
    const archived = recordOf(mine[0]);
    const record = archived.payload;
    expect(verifySeal(record)).toBe(true);
    expect(record).toEqual(sealed);
    for (const value of PERSONAL_STRINGS) expect(mine[0].value).not.toContain(value);
    expect(record.timeline.map((s) => s.eventId)).toEqual(events.map((e) => e.eventId));
    expect(record.timeline.map((s) => s.stage)).toEqual([
      'received',
      'routed',
      'investigated',
      'responded',
      'feedback_received',
      'closed',
    ]);
    expect(record.sealedAt).toBe(SEALED_AT);
    expect(archived).toMatchObject({
      complaintId,
      producer: 'archiving',
      correlationId: received.correlationId,
      causationId: responded.eventId,
    });

    const timeline = await get(`/v1/archive/${complaintId}/timeline`);
    expect(timeline.json().map((e: { eventId: string }) => e.eventId)).toEqual(
      events.map((e) => e.eventId),
    );
    for (const value of PERSONAL_STRINGS) expect(timeline.body).not.toContain(value);
  });

  it('seals a reopened complaint with one decision per round, however its rounds arrive', async () => {
    const complaintId = uuidv4();
    const events = aReopenedLifecycle(complaintId);
    const lateRound = events.filter(
      (e) =>
        e.type === EVENT_TYPES.reopened ||
        (e.type === EVENT_TYPES.investigated && e.payload.round === 2),
    );
    await publish([...events.filter((e) => !lateRound.includes(e)), ...lateRound]);

    await readTopics(
      env.brokers,
      [env.prefix + TOPICS.archived],
      (m) => m.some((x) => x.key === complaintId),
      WAIT_MS,
    );
    const mine = (await archivedTopic()).filter((m) => m.key === complaintId);
    expect(mine).toHaveLength(1);
    const record = recordOf(mine[0]).payload;
    expect(verifySeal(record)).toBe(true);
    expect(record.decisions.map((d) => [d.round, d.outcome])).toEqual([
      [1, 'rejected'],
      [2, 'partially_upheld'],
    ]);
    expect(record.closure).toMatchObject({ reopenCount: 1, resolution: 'satisfied' });
    expect(record.timeline.map((s) => s.eventId)).toEqual(events.map((e) => e.eventId));
    for (const value of PERSONAL_STRINGS) expect(mine[0].value).not.toContain(value);
  });

  it('answers 404 problem+json for a complaint it has never seen', async () => {
    const id = uuidv4();
    const record = await get(`/v1/archive/${id}`);
    expect(record.statusCode).toBe(404);
    expect(record.json()).toMatchObject({ code: 'ARCHIVE.NOT_FOUND' });
    const timeline = await get(`/v1/archive/${id}/timeline`);
    expect(timeline.json()).toMatchObject({ code: 'ARCHIVE.TIMELINE_NOT_FOUND', status: 404 });
    expect((await get('/v1/archive/not-a-uuid')).statusCode).toBe(400);
  });

  it('seals a staffed complaint with its assignments, corrected class and audit entries, no staff identity', async () => {
    const complaintId = uuidv4();
    const { lifecycle, people, audit } = staffedLifecycle(complaintId);
    // The people and audit events first, so they are recorded when the lifecycle completes.
    await publish([...people, ...audit]);
    await waitFor(
      'the audit entries in the trail',
      async () => {
        const res = await get(`/v1/audit/complaints/${complaintId}`, 'auditor');
        return res.statusCode === 200 && res.json().entries.length === audit.length;
      },
      WAIT_MS,
    );
    await settled();
    await publish(lifecycle);
    const sealed = await waitFor(
      'the sealed record',
      async () => {
        const res = await get(`/v1/archive/${complaintId}`);
        return res.statusCode === 200 ? (res.json() as ComplaintArchivedV1) : undefined;
      },
      WAIT_MS,
    );

    // An entry after the seal stays in the trail (and the timeline), never in the record.
    const [lateEntry] = staffedLifecycle(complaintId).audit;
    await publish([lateEntry]);

    const mine = (await archivedTopic()).filter((m) => m.key === complaintId);
    expect(mine).toHaveLength(1);
    const record = recordOf(mine[0]).payload;
    expect(record).toEqual(sealed);
    expect(verifySeal(record)).toBe(true);
    expect(record.assignments?.map((a) => [a.cause, a.department])).toEqual([
      ['routed', 'claims'],
      ['reassigned', 'claims'],
    ]);
    for (const a of record.assignments ?? []) expect(a.handlerRef).toMatch(/^[0-9a-f]{64}$/);
    expect(record.classification).toMatchObject({
      corrected: true,
      correctedFrom: { department: 'policy-services' },
    });
    expect(record.audit?.map((e) => [e.action, e.service, e.actorRole])).toEqual([
      ['complainant.read', 'intake', ['supervisor']],
      ['case.decided', 'investigation', ['handler']],
    ]);
    for (const e of record.audit ?? []) expect(e.actorRef).toMatch(/^[0-9a-f]{64}$/);
    for (const value of [...STAFF_STRINGS, ...PERSONAL_STRINGS])
      expect(mine[0].value).not.toContain(value);
    expect(record.timeline.map((t) => t.eventId)).toEqual(lifecycle.map((e) => e.eventId));

    const timeline = await waitFor(
      'the late audit entry in the timeline',
      async () => {
        const res = await get(`/v1/archive/${complaintId}/timeline`);
        const items = res.json() as { type: string; eventId: string }[];
        return items.some((i) => i.eventId === lateEntry.eventId) ? res : undefined;
      },
      WAIT_MS,
    );
    const types = (timeline.json() as { type: string }[]).map((i) => i.type);
    expect(types.filter((t) => t === EVENT_TYPES.assigned)).toHaveLength(2);
    expect(types.filter((t) => t === EVENT_TYPES.reclassified)).toHaveLength(1);
    expect(types.filter((t) => t === EVENT_TYPES.audited)).toHaveLength(3);
    for (const value of [...STAFF_STRINGS, ...PERSONAL_STRINGS])
      expect(timeline.body).not.toContain(value);
  });

  it('lets analysts, auditors and complaints officers read the archive; others get 403', async () => {
    const complaintId = uuidv4();
    await publish(aFullLifecycle(complaintId));
    await waitFor(
      'the sealed record',
      async () => (await get(`/v1/archive/${complaintId}`)).statusCode === 200,
      WAIT_MS,
    );
    for (const user of ['analyst', 'auditor', 'officer']) {
      expect((await get(`/v1/archive/${complaintId}`, user)).statusCode).toBe(200);
      expect((await get(`/v1/archive/${complaintId}/timeline`, user)).statusCode).toBe(200);
    }
    for (const user of ['h-claims-01', 'sup-claims', 'approver', 'operator']) {
      const res = await get(`/v1/archive/${complaintId}`, user);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await get(`/v1/archive/${complaintId}/timeline`, user)).statusCode).toBe(403);
    }
    expect(
      (await app.inject({ method: 'GET', url: `/v1/archive/${complaintId}` })).statusCode,
    ).toBe(401);

    // The auditor's two reads are in the trail; the analyst's and the officer's are not.
    const trail = await get(`/v1/audit/complaints/${complaintId}`, 'auditor');
    const auditor = identity.users.find((u) => u.username === 'auditor');
    expect(
      trail
        .json()
        .entries.map((e: { action: string; actor: { username: string } }) => [
          e.action,
          e.actor.username,
        ]),
    ).toEqual([
      ['archive-timeline.read', 'auditor'],
      ['archive-record.read', 'auditor'],
    ]);
    expect(trail.json().entries[0]).toMatchObject({
      service: 'archiving',
      kind: 'read',
      complaintId,
      actor: { subject: auditor?.subject, roles: expect.arrayContaining(['auditor']) },
      origin: { ip: expect.any(String) },
    });
  });
});
