import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { Kafka, KafkaJSNonRetriableError, KafkaJSProtocolError, Producer } from 'kafkajs';
import { aReceivedEvent } from '@complaints/contracts/testing';
import { waitFor } from '@complaints/testing';
import { effects, recordingHandler } from './fixtures/effects';
import { schemaBehindProxy } from './fixtures/outage-proxy';
import { MessagingWorld, messagingWorld } from './harness';

jest.setTimeout(90_000);

/** A description as long as intake accepts, in Chinese: about 30 KB of UTF-8. */
const LONGEST_DESCRIPTION = '理赔拖延，客服电话无人接听，'.repeat(715).slice(0, 10_000);

async function counter(w: MessagingWorld, name: 'relayFailures' | 'outboxParked'): Promise<number> {
  return (await w.metrics[name].get()).values.reduce((sum, v) => sum + v.value, 0);
}

describe('the outbox relay under faults', () => {
  let w: MessagingWorld;

  beforeEach(async () => {
    w = await messagingWorld('relay-faults');
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await w.close();
  });

  it('publishes a backlog of maximum-size complaints on one partition, however many bytes it adds up to', async () => {
    // 60 events of ~30 KB for one complaint: ~1.8 MB on one partition. Sent as one batch, the
    // broker refuses the record batch (MESSAGE_TOO_LARGE, not retried) and the relay re-reads
    // the same rows for ever.
    const complaintId = randomUUID();
    const uow = w.unitOfWork();
    const events = Array.from({ length: 60 }, () =>
      aReceivedEvent({ complaintId, payload: { description: LONGEST_DESCRIPTION } }),
    );
    await uow.run(async (tx) => tx.publish(...events));
    await w.consumer('apply', recordingHandler).start();
    w.relay().start();

    await waitFor(
      '60 large events applied',
      async () => (await effects(w.db.dataSource)).length === 60,
      60_000,
    );
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual(
      events.map((e) => e.eventId),
    );
    expect(await counter(w, 'outboxParked')).toBe(0);
  });

  it('parks a single row the broker refuses for its size, alerts on it, and publishes the rows behind it', async () => {
    const uow = w.unitOfWork();
    const before = aReceivedEvent();
    await uow.run(async (tx) => tx.publish(before));
    // A row no broker at default settings takes (2 MB), written as a producer bug would.
    await w.db.dataSource.query(
      `INSERT INTO outbox_message (event_id, topic, message_key, payload) VALUES ($1, $2, $3, $4)`,
      [randomUUID(), w.topic, randomUUID(), JSON.stringify({ blob: 'x'.repeat(2_000_000) })],
    );
    const after = aReceivedEvent();
    await uow.run(async (tx) => tx.publish(after));
    await w.consumer('apply', recordingHandler).start();
    // maxMessageBytes above the row's size: the relay tries it, and the broker refuses it.
    w.relay({ maxMessageBytes: 10_000_000 }).start();

    await waitFor(
      'both good events applied',
      async () => (await effects(w.db.dataSource)).length === 2,
      60_000,
    );
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual([
      before.eventId,
      after.eventId,
    ]);
    const parked = await w.db.dataSource.query('SELECT reason FROM outbox_parked_message');
    expect(parked).toHaveLength(1);
    expect(parked[0].reason).toMatch(/MESSAGE_TOO_LARGE|RECORD_LIST_TOO_LARGE/);
    expect(await counter(w, 'outboxParked')).toBe(1);
    const [{ pending }] = await w.db.dataSource.query(
      'SELECT count(*)::int AS pending FROM outbox_message WHERE sent_at IS NULL',
    );
    expect(pending).toBe(0);
  });

  it('a standby relay that is woken keeps to its retry interval instead of spinning', async () => {
    const leader = w.relay();
    leader.start();
    await waitFor('the first relay leads', async () => leader.isLeader);
    const connect = jest.spyOn(Client.prototype, 'connect');
    const standby = w.relay({ leaderRetryMs: 200 });
    standby.start();
    // Commits elsewhere in the process wake the relay as fast as they come.
    const until = Date.now() + 1000;
    while (Date.now() < until) {
      standby.wake();
      await new Promise((resolve) => setImmediate(resolve));
    }
    // One attempt at start and one per 200 ms; a spinning standby makes thousands.
    expect(connect.mock.calls.length).toBeLessThanOrEqual(8);
    expect(standby.isLeader).toBe(false);
  });

  it('keeps its backoff while the database is away, however often it is woken', async () => {
    const { proxy, dataSource, close } = await schemaBehindProxy(w.databaseUrl, w.db.schema);
    try {
      const relay = w.relay({ dataSource });
      relay.start();
      await waitFor('the relay leads', async () => relay.isLeader);
      proxy.cut();
      const until = Date.now() + 2000;
      while (Date.now() < until) {
        relay.wake();
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Backoff 200, 400, 800 ms...: a handful of failures in 2 s, not one per wake-up.
      expect(proxy.connections).toBeLessThan(30);
      const failures = await counter(w, 'relayFailures');
      expect(failures).toBeGreaterThanOrEqual(1);
      expect(failures).toBeLessThanOrEqual(6);
      proxy.restore();
      await relay.stop();
    } finally {
      await close();
    }
  });

  it('replaces a producer that kafkajs gave up on, and publishes everything', async () => {
    await w.consumer('apply', recordingHandler).start();
    // The relay's first producer dies after one send, as an idempotent kafkajs producer does after
    // OUT_OF_ORDER_SEQUENCE_NUMBER: every later send fails the same way, for ever.
    const real = w.kafka.producer.bind(w.kafka);
    let made = 0;
    jest.spyOn(w.kafka as Kafka, 'producer').mockImplementation((config) => {
      const producer = real(config);
      if (made++ > 0) return producer;
      let sends = 0;
      const dead = (): never => {
        throw new KafkaJSNonRetriableError(
          new KafkaJSProtocolError(
            Object.assign(new Error('The broker received an out of order sequence number'), {
              type: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
              code: 45,
              retriable: false,
            }),
          ),
        );
      };
      const sendBatch: Producer['sendBatch'] = async (batch) => {
        if (sends++ > 0) dead();
        return producer.sendBatch(batch);
      };
      return { ...producer, sendBatch, send: async () => dead() };
    });
    const relay = w.relay();
    relay.start();
    const uow = w.unitOfWork(relay);
    const events = Array.from({ length: 10 }, () => aReceivedEvent());
    await uow.run(async (tx) => tx.publish(events[0]));
    await waitFor(
      'the first event applied',
      async () => (await effects(w.db.dataSource)).length === 1,
    );
    for (const event of events.slice(1)) await uow.run(async (tx) => tx.publish(event));

    await waitFor(
      '10 events applied',
      async () => (await effects(w.db.dataSource)).length === 10,
      60_000,
    );
    expect(made).toBeGreaterThanOrEqual(2);
  });
});
