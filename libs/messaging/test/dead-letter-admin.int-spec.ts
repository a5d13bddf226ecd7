import { Producer } from 'kafkajs';
import { EventEnvelope } from '@complaints/contracts';
import { aReceivedEvent } from '@complaints/contracts/testing';
import { waitFor } from '@complaints/testing';
import { createProducer, DeadLetterAdmin, EventHandler, PermanentEventError } from '../src';
import { effects, recordEffect } from './fixtures/effects';
import { MessagingWorld, messagingWorld } from './harness';

jest.setTimeout(90_000);

describe('operators replaying and discarding dead letters', () => {
  let w: MessagingWorld;
  let producer: Producer;
  let admin: DeadLetterAdmin;
  /** Event ids the handler refuses while they are in this set. */
  const refused = new Set<string>();
  const handler: EventHandler = async (event, tx) => {
    if (refused.has(event.eventId)) throw new PermanentEventError('TEST.REFUSED', 'refused');
    await recordEffect(tx, event);
  };

  beforeEach(async () => {
    w = await messagingWorld('dlq-admin');
    producer = createProducer(w.kafka);
    await producer.connect();
    admin = new DeadLetterAdmin(w.db.dataSource, w.db.schema);
    refused.clear();
    await w.consumer('apply', handler).start();
  });

  afterEach(async () => {
    await producer.disconnect();
    await w.close();
  });

  const send = (...events: EventEnvelope<object>[]) =>
    producer.send({
      topic: w.topic,
      acks: -1,
      messages: events.map((e) => ({ key: e.complaintId, value: JSON.stringify(e) })),
    });
  const applied = async () => (await effects(w.db.dataSource)).map((e) => e.event_id);
  const parked = async () => {
    await waitFor('a dead letter', async () => (await admin.list()).length > 0, 30_000);
    return (await admin.list())[0];
  };

  it('replays a dead letter through the consumer once the cause is fixed, and only once', async () => {
    const event = aReceivedEvent();
    refused.add(event.eventId);
    await send(event);
    const letter = await parked();
    expect(letter).toMatchObject({
      eventId: event.eventId,
      code: 'TEST.REFUSED',
      status: 'parked',
    });
    const shown = await admin.show(letter.id);
    expect(shown?.summary.complaintId).toBe(event.complaintId);

    refused.delete(event.eventId); // the bug is fixed
    const replayed = await admin.replay(letter.id, 'operator-1', producer);
    expect(replayed).toMatchObject({ status: 'replayed', resolution: 'replayed by operator-1' });
    await waitFor(
      'the replayed event applied',
      async () => (await applied()).includes(event.eventId),
      30_000,
    );
    await expect(admin.replay(letter.id, 'operator-1', producer)).rejects.toMatchObject({
      code: 'DEAD_LETTER.NOT_PARKED',
    });
    expect(await applied()).toEqual([event.eventId]);
  });

  it('refuses to replay an event whose complaint has moved on, saying which events came since', async () => {
    const first = aReceivedEvent();
    const next = aReceivedEvent({ complaintId: first.complaintId });
    refused.add(first.eventId);
    await send(first, next);
    await waitFor(
      'the next event applied',
      async () => (await applied()).includes(next.eventId),
      30_000,
    );
    const letter = await parked();
    refused.delete(first.eventId);

    const refusal = admin.replay(letter.id, 'operator-1', producer);
    await expect(refusal).rejects.toMatchObject({ code: 'DEAD_LETTER.COMPLAINT_MOVED_ON' });
    await expect(refusal).rejects.toThrow(next.eventId);
    expect((await admin.list())[0]).toMatchObject({ id: letter.id, status: 'parked' });
    expect(await applied()).toEqual([next.eventId]);
  });

  it('discards a dead letter with the reason and who did it, and will not replay a malformed message', async () => {
    await producer.send({
      topic: w.topic,
      acks: -1,
      messages: [{ key: 'k', value: '{"not":"an envelope"' }],
    });
    const letter = await parked();
    expect(letter.code).toBe('MESSAGE.MALFORMED');
    await expect(admin.replay(letter.id, 'operator-1', producer)).rejects.toMatchObject({
      code: 'DEAD_LETTER.UNREPLAYABLE',
    });
    const discarded = await admin.discard(letter.id, 'operator-1', 'garbage from a test client');
    expect(discarded).toMatchObject({
      status: 'discarded',
      resolution: 'discarded by operator-1: garbage from a test client',
    });
    expect(await admin.list('parked')).toEqual([]);
    expect(await admin.list('all')).toHaveLength(1);
  });
});
