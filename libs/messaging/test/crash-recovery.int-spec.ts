import { spawn } from 'child_process';
import { resolve } from 'path';
import { Producer } from 'kafkajs';
import { aReceivedEvent } from '@complaints/contracts/testing';
import { readTopics, waitFor } from '@complaints/testing';
import { createProducer } from '../src';
import { effects, recordingHandler } from './fixtures/effects';
import { MessagingWorld, messagingWorld } from './harness';

jest.setTimeout(90_000);

const ROOT = resolve(__dirname, '../../..');

/** Runs the crash worker and resolves with the signal that ended it. */
function runCrashWorker(
  w: MessagingWorld,
  env: Record<string, string>,
): Promise<NodeJS.Signals | null> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'libs/messaging/test/fixtures/crash-worker.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: w.databaseUrl,
          KAFKA_BROKERS: w.brokers.join(','),
          SCHEMA: w.db.schema,
          PREFIX: w.prefix,
          TOPIC: w.topic,
          ...env,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolvePromise(signal);
      else reject(new Error(`crash worker exited with ${code}: ${stderr}`));
    });
  });
}

describe('crash recovery (real Kafka, real PostgreSQL, real SIGKILL)', () => {
  let w: MessagingWorld;
  let producer: Producer;

  beforeEach(async () => {
    w = await messagingWorld('crash');
    producer = createProducer(w.kafka);
    await producer.connect();
  });

  afterEach(async () => {
    await producer.disconnect();
    await w.close();
  });

  it('a consumer killed after its transaction but before its offset commit does not apply the event twice', async () => {
    const first = aReceivedEvent();
    await producer.send({
      topic: w.topic,
      acks: -1,
      messages: [{ key: first.complaintId, value: JSON.stringify(first) }],
    });

    expect(await runCrashWorker(w, { MODE: 'consumer', GROUP: `${w.prefix}crash-consumer` })).toBe(
      'SIGKILL',
    );
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual([first.eventId]);

    // The next member of the same group gets the event again (its offset was never
    // committed), recognises it, and carries on with the next one.
    const second = aReceivedEvent();
    await producer.send({
      topic: w.topic,
      acks: -1,
      messages: [{ key: second.complaintId, value: JSON.stringify(second) }],
    });
    await w.consumer('crash-consumer', recordingHandler).start();
    await waitFor(
      'the second event applied',
      async () => (await effects(w.db.dataSource)).length === 2,
    );
    const duplicates = await w.metrics.consumed.get();
    expect(duplicates.values.find((v) => v.labels['outcome'] === 'duplicate')?.value).toBe(1);
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual([
      first.eventId,
      second.eventId,
    ]);
  });

  it('a consumer killed after a batch committed but before its offsets applies none of the batch twice', async () => {
    // A backlog on one partition: the worker takes it in batches and dies after the first commits.
    const complaintId = aReceivedEvent().complaintId;
    const events = Array.from({ length: 60 }, () => aReceivedEvent({ complaintId }));
    await producer.send({
      topic: w.topic,
      acks: -1,
      messages: events.map((e) => ({ key: complaintId, value: JSON.stringify(e) })),
    });

    expect(await runCrashWorker(w, { MODE: 'consumer', GROUP: `${w.prefix}crash-batch` })).toBe(
      'SIGKILL',
    );
    const committed = (await effects(w.db.dataSource)).length;
    expect(committed).toBeGreaterThan(1);

    await w.consumer('crash-batch', recordingHandler).start();
    await waitFor(
      'every event applied',
      async () => (await effects(w.db.dataSource)).length >= 60,
      30_000,
    );
    await waitFor('the redelivered batch recognised', async () => {
      const metric = await w.metrics.consumed.get();
      return metric.values.find((v) => v.labels['outcome'] === 'duplicate')?.value === committed;
    });
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual(
      events.map((e) => e.eventId),
    );
  });

  it('a relay killed mid-batch loses nothing and the consumer applies every event once', async () => {
    const uow = w.unitOfWork();
    const events = Array.from({ length: 30 }, () => aReceivedEvent());
    for (const event of events) await uow.run(async (tx) => tx.publish(event));

    expect(await runCrashWorker(w, { MODE: 'relay', BATCH_SIZE: '10' })).toBe('SIGKILL');
    const [{ unsent }] = await w.db.dataSource.query(
      'SELECT count(*)::int AS unsent FROM outbox_message WHERE sent_at IS NULL',
    );
    expect(unsent).toBe(30);

    w.relay().start();
    await w.consumer('after-relay-crash', recordingHandler).start();
    await waitFor(
      'every event applied',
      async () => (await effects(w.db.dataSource)).length >= 30,
      30_000,
    );

    // The killed relay's batch reached Kafka and was published again: duplicates on the
    // topic, none in the effects.
    const onTopic = await readTopics(w.brokers, [w.topic], (m) => m.length >= 40);
    expect(onTopic.length).toBe(40);
    const applied = (await effects(w.db.dataSource)).map((e) => e.event_id);
    expect(applied).toHaveLength(30);
    expect(new Set(applied)).toEqual(new Set(events.map((e) => e.eventId)));
  });
});
