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
  waitFor,
} from '@complaints/testing';
import { LIFECYCLE_TOPICS } from '../src/archive/lifecycle.consumer';
import { ArchivingConfig } from '../src/config/archiving.config';
import { createArchivingApp } from '../src/archiving-app.factory';
import {
  aFullLifecycle,
  aReopenedLifecycle,
  PERSONAL_STRINGS,
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

  beforeAll(async () => {
    env = await serviceTestEnv('archiving');
    const config = loadConfig(ArchivingConfig, { ...env.env, PSEUDONYM_KEY: TEST_PSEUDONYM_KEY });
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

  const get = (url: string) => app.inject({ method: 'GET', url });

  /** Waits until the archive has consumed everything published and its outbox is sent. */
  async function settled(): Promise<void> {
    const groupId = `${env.prefix}archiving.timeline`;
    const topics = LIFECYCLE_TOPICS.map((t) => env.prefix + t);
    await waitFor(
      'the archive to consume every lifecycle event and publish its outbox',
      async () => {
        const committed = await admin.fetchOffsets({ groupId, topics });
        for (const { topic, partitions } of committed) {
          const ends = await admin.fetchTopicOffsets(topic);
          for (const end of ends) {
            const at = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
            if (BigInt(end.high) > 0n && BigInt(at) < BigInt(end.high)) return false;
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
});
