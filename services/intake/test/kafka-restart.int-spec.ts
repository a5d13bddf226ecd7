import { topicSpecs, TOPICS } from '@complaints/contracts';
import { createTestTopics, PrivateKafkaBroker, readTopics, waitFor } from '@complaints/testing';
import { aComplaintRequest } from './support/complaint-requests';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(300_000);

/** Complaints accepted while the broker is down. */
const WHILE_DOWN = 20;

describe('intake: accepted complaints survive a restart of Kafka between acceptance and publication', () => {
  let broker: PrivateKafkaBroker;
  let intake: IntakeTestApp;
  let key: string;

  beforeAll(async () => {
    // A broker of this test's own: stopping the shared one would break every test running beside it.
    broker = await PrivateKafkaBroker.start('intake-restart');
    intake = await startIntake(
      'intake_restart',
      { KAFKA_BROKERS: broker.brokers.join(',') },
      undefined,
      async (env) => {
        await createTestTopics(
          broker.brokers,
          topicSpecs(env.prefix).map((t) => t.name),
          3,
        );
        return { ...env, brokers: broker.brokers };
      },
    );
    key = (await intake.newKey('call-centre')).key;
  });

  afterAll(async () => {
    // Up again even when the test failed midway: closing kafkajs clients against a stopped broker hangs.
    await broker?.start();
    await intake?.close();
    await broker?.destroy();
  });

  const unsent = async (): Promise<number> =>
    (
      await intake.db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL`)
    )[0].n;

  it('answers 202 while the broker is down, keeps the events in the outbox, and publishes each exactly once after', async () => {
    expect(broker.port).not.toBe(9092);
    const before = (await intake.submit(aComplaintRequest(), key)).json().id as string;
    await waitFor('the first event published', async () => (await unsent()) === 0, 30_000, 100);

    await broker.stop();
    const ids: string[] = [before];
    for (let i = 0; i < WHILE_DOWN; i++) {
      const headers: Record<string, string> =
        i % 2 === 0 ? { 'idempotency-key': `restart-${Date.now()}-${i}` } : {};
      const body = aComplaintRequest();
      const res = await intake.submit(body, key, headers);
      expect(res.statusCode).toBe(202);
      ids.push(res.json().id);
      // A retry while the broker is down is answered from the database, not stored twice.
      const retry = await intake.submit(body, key, headers);
      expect(retry.json().id).toBe(res.json().id);
    }
    // Let the relay try and fail against the stopped broker for a while.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await unsent()).toBe(WHILE_DOWN);
    for (const id of ids.slice(1)) {
      expect((await intake.get(`/v1/complaints/${id}`, key)).json()).toMatchObject({
        id,
        status: 'received',
      });
    }

    await broker.start();
    await waitFor('the outbox drained', async () => (await unsent()) === 0, 120_000, 250);

    const topic = intake.env.prefix + TOPICS.received;
    await readTopics(
      broker.brokers,
      [topic],
      (m) => ids.every((id) => m.some((x) => x.key === id)),
      60_000,
    );
    // Give a late duplicate time to arrive before counting.
    await new Promise((r) => setTimeout(r, 2000));
    const all = await readTopics(broker.brokers, [topic], (m) => m.length > ids.length, 5000);
    expect(all.map((m) => m.key).sort()).toEqual([...ids].sort());
  });
});
