import pino from 'pino';
import { EVENT_TYPES, TOPICS } from '@complaints/contracts';
import { aClosedEvent, aRoutedEvent } from '@complaints/contracts/testing';
import { Transaction } from '../outbox/unit-of-work';
import { topicsOf, typedHandler } from './typed-handler';

const tx = {} as Transaction;
const ctx = { topic: TOPICS.routed, partition: 0, offset: '1', log: pino({ level: 'silent' }) };

describe('typed consumers', () => {
  it('reads the topics of the types it handles, each once', () => {
    expect(topicsOf([EVENT_TYPES.routed, EVENT_TYPES.closed, EVENT_TYPES.routed])).toEqual([
      TOPICS.routed,
      TOPICS.closed,
    ]);
  });

  it('hands the handler the envelopes of its types', async () => {
    const seen: string[] = [];
    const handler = typedHandler([EVENT_TYPES.routed], async (event) => {
      seen.push(event.payload.department); // typed: a routed payload
    });
    await handler(aRoutedEvent({ payload: { department: 'claims' } }), tx, ctx);
    expect(seen).toEqual(['claims']);
  });

  it('refuses any other type with one code, so it is dead-lettered', async () => {
    const handler = typedHandler([EVENT_TYPES.routed], async () => undefined);
    await expect(handler(aClosedEvent(), tx, ctx)).rejects.toMatchObject({
      code: 'EVENT.UNEXPECTED_TYPE',
    });
  });
});
