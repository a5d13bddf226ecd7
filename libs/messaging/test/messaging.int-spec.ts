import { randomUUID } from 'crypto';
import { Producer } from 'kafkajs';
import { dlqTopic, EventEnvelope } from '@complaints/contracts';
import { aReceivedEvent } from '@complaints/contracts/testing';
import { readTopics, waitFor } from '@complaints/testing';
import { createProducer, EventHandler, PermanentEventError } from '../src';
import { effects, recordEffect, recordingHandler } from './fixtures/effects';
import { MessagingWorld, messagingWorld } from './harness';

jest.setTimeout(60_000);

async function metricValue(
  w: MessagingWorld,
  name: 'consumed' | 'deadLettered' | 'retries',
  labels: Record<string, string>,
) {
  const metric = await w.metrics[name].get();
  return metric.values
    .filter((v) =>
      Object.entries(labels).every(([k, val]) => (v.labels as Record<string, unknown>)[k] === val),
    )
    .reduce((sum, v) => sum + v.value, 0);
}

function byComplaint(ids: { event_id: string; complaint_id: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of ids)
    map.set(row.complaint_id, [...(map.get(row.complaint_id) ?? []), row.event_id]);
  return map;
}

describe('messaging on the real broker and database', () => {
  let w: MessagingWorld;
  let producer: Producer;

  beforeEach(async () => {
    w = await messagingWorld('messaging');
    producer = createProducer(w.kafka);
    await producer.connect();
  });

  afterEach(async () => {
    await producer.disconnect();
    await w.close();
  });

  const sendRaw = (key: string, value: string | null) =>
    producer.send({ topic: w.topic, acks: -1, messages: [{ key, value }] });

  it('takes committed events from the outbox to the consumer, in order per complaint, once each', async () => {
    const relay = w.relay();
    relay.start();
    const uow = w.unitOfWork(relay);
    await w.consumer('apply', recordingHandler).start();

    const complaints = [randomUUID(), randomUUID(), randomUUID()];
    const expected = new Map<string, string[]>(complaints.map((c) => [c, []]));
    for (let round = 0; round < 5; round++) {
      for (const complaintId of complaints) {
        const event = aReceivedEvent({ complaintId });
        await uow.run(async (tx) => tx.publish(event));
        expected.set(complaintId, [...(expected.get(complaintId) ?? []), event.eventId]);
      }
    }
    // A transaction that rolls back publishes nothing.
    const rolledBack = aReceivedEvent({ complaintId: complaints[0] });
    await expect(
      uow.run(async (tx) => {
        tx.publish(rolledBack);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');

    await waitFor('15 events applied', async () => (await effects(w.db.dataSource)).length === 15);
    expect(byComplaint(await effects(w.db.dataSource))).toEqual(expected);
    const [{ unsent, total }] = await w.db.dataSource.query(
      'SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent, count(*)::int AS total FROM outbox_message',
    );
    expect({ unsent, total }).toEqual({ unsent: 0, total: 15 });
    expect((await w.metrics.produced.get()).values.reduce((s, v) => s + v.value, 0)).toBe(15);
  });

  it('refuses to publish an event that breaks its contract, and commits nothing of that change', async () => {
    const uow = w.unitOfWork();
    const bad = aReceivedEvent();
    (bad.payload as { channel: string }).channel = 'carrier-pigeon';
    await expect(
      uow.run(async (tx) => {
        await recordEffect(tx, bad);
        tx.publish(bad);
      }),
    ).rejects.toMatchObject({ code: 'CONTRACT.INVALID' });
    expect(await effects(w.db.dataSource)).toEqual([]);
    const [{ n }] = await w.db.dataSource.query('SELECT count(*)::int AS n FROM outbox_message');
    expect(n).toBe(0);
  });

  it('applies an event delivered twice only once', async () => {
    await w.consumer('dedupe', recordingHandler).start();
    const event = aReceivedEvent();
    await sendRaw(event.complaintId, JSON.stringify(event));
    await sendRaw(event.complaintId, JSON.stringify(event));
    const next = aReceivedEvent({ complaintId: event.complaintId });
    await sendRaw(next.complaintId, JSON.stringify(next));

    await waitFor(
      'both distinct events applied',
      async () => (await effects(w.db.dataSource)).length === 2,
    );
    await waitFor(
      'the duplicate seen',
      async () => (await metricValue(w, 'consumed', { outcome: 'duplicate' })) === 1,
    );
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual([
      event.eventId,
      next.eventId,
    ]);
  });

  it('sends poison events to the DLQ with the reason in headers and goes on with the partition', async () => {
    const complaintId = randomUUID();
    const refused = aReceivedEvent({ complaintId });
    const buggy = aReceivedEvent({ complaintId });
    const handler: EventHandler = async (event, tx) => {
      if (event.eventId === refused.eventId)
        throw new PermanentEventError('COMPLAINT.UNKNOWN', 'no such complaint');
      if (event.eventId === buggy.eventId)
        throw new TypeError('cannot read properties of undefined');
      await recordEffect(tx, event);
    };
    await w.consumer('poison', handler, { maxAttempts: 3 }).start();

    const unknownType = { ...aReceivedEvent({ complaintId }), type: 'complaint.teleported' };
    const invalid = aReceivedEvent({ complaintId });
    delete (invalid.payload as Partial<{ description: string }>).description;
    const good = aReceivedEvent({ complaintId });
    await sendRaw(complaintId, '{not json');
    await sendRaw(complaintId, null);
    await sendRaw(complaintId, JSON.stringify(unknownType));
    await sendRaw(complaintId, JSON.stringify(invalid));
    await sendRaw(complaintId, JSON.stringify(refused));
    await sendRaw(complaintId, JSON.stringify(buggy));
    await sendRaw(complaintId, JSON.stringify(good));

    await waitFor(
      'the good event applied',
      async () => (await effects(w.db.dataSource)).length === 1,
    );
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual([good.eventId]);

    const dead = await readTopics(w.brokers, [dlqTopic(w.topic)], (m) => m.length >= 6);
    expect(dead.map((m) => m.headers['dlq-error-code'])).toEqual([
      'MESSAGE.MALFORMED',
      'MESSAGE.MALFORMED',
      'CONTRACT.UNKNOWN_TYPE',
      'CONTRACT.INVALID',
      'COMPLAINT.UNKNOWN',
      'HANDLER.FAILED',
    ]);
    expect(dead.every((m) => m.key === complaintId)).toBe(true);
    expect(dead[3].value).toBe(JSON.stringify(invalid));
    expect(dead[3].headers['dlq-error-message']).toContain('payload.description');
    expect(dead[5].headers['dlq-attempts']).toBe('3');
    expect(dead[0].headers['dlq-original-topic']).toBe(w.topic);
    expect(await metricValue(w, 'deadLettered', {})).toBe(6);
  });

  it('retries a transient failure until it passes, without dead-lettering', async () => {
    let failures = 0;
    const handler: EventHandler = async (event, tx) => {
      if (failures < 3) {
        failures++;
        throw Object.assign(new Error('Connection terminated unexpectedly'), {
          code: 'ECONNRESET',
        });
      }
      await recordEffect(tx, event);
    };
    await w.consumer('transient', handler, { maxAttempts: 1 }).start();
    const event = aReceivedEvent();
    await sendRaw(event.complaintId, JSON.stringify(event));
    await waitFor(
      'the event applied after retries',
      async () => (await effects(w.db.dataSource)).length === 1,
    );
    expect(await metricValue(w, 'retries', { kind: 'transient' })).toBe(3);
    expect(await metricValue(w, 'deadLettered', {})).toBe(0);
  });

  it('shuts down gracefully: finishes the event in flight, commits its offset, leaves the rest', async () => {
    const complaintId = randomUUID();
    const [slow, next] = [aReceivedEvent({ complaintId }), aReceivedEvent({ complaintId })];
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const handler: EventHandler = async (event, tx) => {
      if (event.eventId === slow.eventId) {
        started();
        await new Promise((r) => setTimeout(r, 1000));
      }
      await recordEffect(tx, event);
    };
    const first = w.consumer('graceful', handler);
    await first.start();
    await sendRaw(complaintId, JSON.stringify(slow));
    await sendRaw(complaintId, JSON.stringify(next));
    await inFlight;
    await first.stop();
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual([slow.eventId]);

    // The next member starts after the committed offset: the finished event is not redelivered.
    await w.consumer('graceful', recordingHandler).start();
    await waitFor(
      'the next event applied',
      async () => (await effects(w.db.dataSource)).length === 2,
    );
    expect((await effects(w.db.dataSource)).map((e) => e.event_id)).toEqual([
      slow.eventId,
      next.eventId,
    ]);
    expect(await metricValue(w, 'consumed', { outcome: 'duplicate' })).toBe(0);
  });

  it('keeps per-complaint order with concurrent writers and two relays, across a publisher hand-over', async () => {
    const relayA = w.relay();
    const relayB = w.relay();
    relayA.start();
    relayB.start();
    await waitFor('one publisher elected', () => relayA.isLeader !== relayB.isLeader);
    const uowA = w.unitOfWork(relayA);
    const uowB = w.unitOfWork(relayB);
    await w.consumer('order', recordingHandler).start();

    const complaints = Array.from({ length: 6 }, () => randomUUID());
    const expected = new Map<string, string[]>();
    const write = async (complaintId: string, index: number, from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const event: EventEnvelope<object> = aReceivedEvent({ complaintId });
        await (index % 2 === 0 ? uowA : uowB).run(async (tx) => tx.publish(event));
        expected.set(complaintId, [...(expected.get(complaintId) ?? []), event.eventId]);
      }
    };
    await Promise.all(complaints.map((c, i) => write(c, i, 0, 10)));
    // The publisher stops; the standby takes over and the order still holds.
    const [leader, standby] = relayA.isLeader ? [relayA, relayB] : [relayB, relayA];
    await leader.stop();
    await waitFor('the standby takes over', () => standby.isLeader);
    await Promise.all(complaints.map((c, i) => write(c, i, 10, 20)));

    await waitFor(
      '120 events applied',
      async () => (await effects(w.db.dataSource)).length === 120,
      30_000,
    );
    expect(byComplaint(await effects(w.db.dataSource))).toEqual(expected);
  });
});
