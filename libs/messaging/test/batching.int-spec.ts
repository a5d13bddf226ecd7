import { randomUUID } from 'crypto';
import { Producer } from 'kafkajs';
import { dlqTopic, EventEnvelope } from '@complaints/contracts';
import { aReceivedEvent } from '@complaints/contracts/testing';
import { readTopics, waitFor } from '@complaints/testing';
import { createProducer, EventHandler, PermanentEventError } from '../src';
import { effects, recordEffect, recordingHandler } from './fixtures/effects';
import { MessagingWorld, messagingWorld } from './harness';

jest.setTimeout(60_000);

async function counted(w: MessagingWorld, outcome: string): Promise<number> {
  const metric = await w.metrics.consumed.get();
  return metric.values
    .filter((v) => v.labels['outcome'] === outcome)
    .reduce((s, v) => s + v.value, 0);
}

/**
 * Consumers apply a backlog several events per transaction. These tests fill the topic before
 * the consumer starts, so its batches hold many events, and check that the outcomes are exactly
 * those of applying them one by one.
 */
describe('batched consuming (real Kafka, real PostgreSQL)', () => {
  let w: MessagingWorld;
  let producer: Producer;

  beforeEach(async () => {
    w = await messagingWorld('batching');
    producer = createProducer(w.kafka);
    await producer.connect();
  });

  afterEach(async () => {
    await producer.disconnect();
    await w.close();
  });

  const backlog = async (
    events: (EventEnvelope<object> | string)[],
    key: string,
  ): Promise<void> => {
    await producer.send({
      topic: w.topic,
      acks: -1,
      messages: events.map((e) => ({ key, value: typeof e === 'string' ? e : JSON.stringify(e) })),
    });
  };

  it('applies a backlog in batches, once each and in order per complaint, with its outbox and inbox rows', async () => {
    const complaints = [randomUUID(), randomUUID(), randomUUID()];
    const expected = new Map<string, string[]>();
    for (const complaintId of complaints) {
      const events = Array.from({ length: 150 }, () => aReceivedEvent({ complaintId }));
      expected.set(
        complaintId,
        events.map((e) => e.eventId),
      );
      await backlog(events, complaintId);
    }
    // Each applied event publishes one: the outbox rows must commit with the batch.
    const republish: EventHandler = async (event, tx) => {
      await recordEffect(tx, event);
      tx.publish(aReceivedEvent({ complaintId: event.complaintId }));
    };
    await w.consumer('backlog', republish, { maxBatchSize: 40 }).start();

    await waitFor(
      '450 events applied',
      async () => (await effects(w.db.dataSource)).length === 450,
      30_000,
    );
    const byComplaint = new Map<string, string[]>();
    for (const row of await effects(w.db.dataSource)) {
      byComplaint.set(row.complaint_id, [
        ...(byComplaint.get(row.complaint_id) ?? []),
        row.event_id,
      ]);
    }
    expect(byComplaint).toEqual(expected);
    const [{ outbox, inbox }] = await w.db.dataSource.query(
      'SELECT (SELECT count(*)::int FROM outbox_message) AS outbox, (SELECT count(*)::int FROM inbox_message) AS inbox',
    );
    expect({ outbox, inbox }).toEqual({ outbox: 450, inbox: 450 });
    expect(await counted(w, 'processed')).toBe(450);
  });

  it('applies an event sent twice within one batch once', async () => {
    const complaintId = randomUUID();
    const [a, b] = [aReceivedEvent({ complaintId }), aReceivedEvent({ complaintId })];
    await backlog([a, a, b, a], complaintId);
    await w.consumer('twice', recordingHandler).start();
    await waitFor('the duplicates seen', async () => (await counted(w, 'duplicate')) === 2);
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual([a.eventId, b.eventId]);
  });

  it('rolls a failed batch back and applies its events one by one: the others once, the failing ones retried or dead-lettered alone', async () => {
    const complaintId = randomUUID();
    const events = Array.from({ length: 20 }, () => aReceivedEvent({ complaintId }));
    const refused = events[6];
    const buggy = events[12];
    await backlog([...events.slice(0, 10), '{not json', ...events.slice(10)], complaintId);
    const handler: EventHandler = async (event, tx) => {
      // The effect goes first: a batch that rolls back must take it back with it.
      await recordEffect(tx, event);
      if (event.eventId === refused.eventId)
        throw new PermanentEventError('COMPLAINT.UNKNOWN', 'no such complaint');
      if (event.eventId === buggy.eventId)
        throw new TypeError('cannot read properties of undefined');
    };
    await w.consumer('failing', handler, { maxAttempts: 2 }).start();

    const dead = await readTopics(w.brokers, [dlqTopic(w.topic)], (m) => m.length >= 3);
    expect(dead.map((m) => [m.headers['dlq-error-code'], m.headers['dlq-attempts']])).toEqual([
      ['COMPLAINT.UNKNOWN', '1'],
      ['MESSAGE.MALFORMED', '1'],
      // The batch's try was its first attempt, the one-by-one try its second and last.
      ['HANDLER.FAILED', '2'],
    ]);
    await waitFor(
      'the 18 good events applied',
      async () => (await effects(w.db.dataSource)).length === 18,
    );
    const good = events.filter((e) => e !== refused && e !== buggy).map((e) => e.eventId);
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual(good);
    expect(await counted(w, 'processed')).toBe(18);
    expect(await counted(w, 'dead_lettered')).toBe(3);
  });

  it('stops mid-batch: commits the events applied, leaves the rest unclaimed for the next member', async () => {
    const complaintId = randomUUID();
    const events = Array.from({ length: 10 }, () => aReceivedEvent({ complaintId }));
    await backlog(events, complaintId);
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const slow: EventHandler = async (event, tx) => {
      await recordEffect(tx, event);
      if (event.eventId === events[3].eventId) {
        started();
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    const first = w.consumer('stopping', slow);
    await first.start();
    await inFlight;
    await first.stop();
    const applied = events.slice(0, 4).map((e) => e.eventId);
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual(applied);
    const inbox: { event_id: string }[] = await w.db.dataSource.query(
      'SELECT event_id FROM inbox_message',
    );
    expect(new Set(inbox.map((r) => r.event_id))).toEqual(new Set(applied));

    await w.consumer('stopping', recordingHandler).start();
    await waitFor('the rest applied', async () => (await effects(w.db.dataSource)).length === 10);
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual(
      events.map((e) => e.eventId),
    );
    expect(await counted(w, 'duplicate')).toBe(0);
  });

  it('applies the same outcomes with batches of one', async () => {
    const complaintId = randomUUID();
    const events = Array.from({ length: 30 }, () => aReceivedEvent({ complaintId }));
    await backlog(events, complaintId);
    await w.consumer('one-by-one', recordingHandler, { maxBatchSize: 1 }).start();
    await waitFor('30 events applied', async () => (await effects(w.db.dataSource)).length === 30);
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual(
      events.map((e) => e.eventId),
    );
  });
});
