import { randomUUID } from 'crypto';
import { v7 as uuidv7 } from 'uuid';
import { dlqTopic, TOPICS } from '@complaints/contracts';
import { Message } from 'kafkajs';
import { Scenario, ScenarioContext, Verdict } from '../scenario';

/** Header that marks the suite's poison messages; the dead letter keeps the original headers. */
export const POISON_HEADER = 'faults-poison';
/** ms the dead letters get to reach the DLQ topic after the pipeline settled. */
const DLQ_WAIT_MS = 45_000;

/**
 * Messages no consumer can ever apply, keyed by a complaint in flight so they sit on its
 * partition between its good events: not JSON; JSON that is no envelope; an envelope of a
 * version nobody knows.
 */
export function poisonMessages(tag: string, key: string): Message[] {
  const header = (kind: string) => ({ [POISON_HEADER]: `${tag}/${kind}` });
  const envelope = {
    eventId: uuidv7(),
    type: 'complaint.received',
    version: 99,
    complaintId: randomUUID(),
    occurredAt: new Date().toISOString(),
    producer: 'faults',
    correlationId: randomUUID(),
    causationId: null,
    payload: { unknown: true },
  };
  return [
    { key, value: '{"this is": not json', headers: header('not-json') },
    {
      key,
      value: JSON.stringify({ eventId: 'not-a-uuid', type: 'complaint.received' }),
      headers: header('not-an-envelope'),
    },
    { key, value: JSON.stringify(envelope), headers: header('unknown-version') },
  ];
}

/** A complaint of this scenario already accepted (its partition is in use), else a fresh key. */
export function inFlightKey(ctx: ScenarioContext): string {
  const accepted = ctx.load.accepted();
  return accepted[accepted.length - 1]?.id ?? randomUUID();
}

/**
 * Every poison message must reach `<topic>.dlq` from every consumer group that reads the topic
 * (the dlq-consumer-group header says which): the dead-letter path, not a silent skip.
 */
export async function deadLettered(
  ctx: ScenarioContext,
  topic: string,
  tags: string[],
): Promise<Verdict> {
  const groups = ctx.kafka.groupsReading(topic);
  const deadline = Date.now() + DLQ_WAIT_MS;
  let missing: string[] = [];
  for (;;) {
    const letters = await ctx.kafka.readAll([dlqTopic(topic)], 20_000).catch(() => []);
    const got = new Set(
      letters.map((m) => `${m.headers[POISON_HEADER]} ${m.headers['dlq-consumer-group']}`),
    );
    missing = tags.flatMap((t) =>
      groups.filter((g) => !got.has(`${t} ${g}`)).map((g) => `${t} by ${g}`),
    );
    if (!missing.length) {
      return {
        ok: true,
        notes: [`${tags.length} poison messages dead-lettered by ${groups.join(', ')}`],
      };
    }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 3000));
  }
  return { ok: false, notes: [`not on ${dlqTopic(topic)}: ${missing.join('; ')}`] };
}

/** Poison among good events on complaints.received.v1: dead-lettered, and the partition moves on. */
export const poisonEvent: Scenario = {
  name: 'poison-event',
  description: 'three poison messages among good events on complaints.received.v1',
  quick: true,
  inject: async (ctx) => {
    const start = Date.now();
    const messages = poisonMessages(ctx.prefix, inFlightKey(ctx));
    await ctx.kafka.produce(TOPICS.received, messages);
    return { start, end: Date.now(), impaired: [], because: '' };
  },
  verify: (ctx) =>
    deadLettered(
      ctx,
      TOPICS.received,
      ['not-json', 'not-an-envelope', 'unknown-version'].map((k) => `${ctx.prefix}/${k}`),
    ),
};
