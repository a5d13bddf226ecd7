import pino from 'pino';
import { KafkaMessage } from 'kafkajs';
import { aReceivedEvent } from '@complaints/contracts/testing';
import { PermanentEventError } from '../errors';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { BatchApplier, BatchError } from './batch-applier';
import { ConsumerHealth } from './consumer-health';
import { Incoming, Job } from './consumer-types';
import { DeadLetterEntry, DeadLetterStore } from './dead-letter-store';
import { RetryingApplier } from './retrying-applier';

/** A fake applier: fails each event as `failures` says (a queue of errors per eventId). */
class FakeApplier {
  readonly applied: string[] = [];
  readonly calls: number[] = [];
  constructor(private readonly failures: Map<string, unknown[]>) {}
  async apply(jobs: Job[]): Promise<number[]> {
    const events = jobs.flatMap((j) => j.events);
    this.calls.push(events.length);
    for (const [i, e] of events.entries()) {
      const error = this.failures.get(e.envelope.eventId)?.shift();
      if (error) throw new BatchError(0, i, error);
    }
    this.applied.push(...events.map((e) => e.envelope.eventId));
    return jobs.map((j) => j.events.length);
  }
}

class FakeDeadLetters {
  readonly recorded: DeadLetterEntry[] = [];
  failNext = 0;
  async record(entry: DeadLetterEntry): Promise<boolean> {
    if (this.failNext-- > 0)
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    this.recorded.push(entry);
    return true;
  }
}

function incoming(offset: number) {
  const envelope = aReceivedEvent();
  const message = {
    offset: String(offset),
    key: Buffer.from(envelope.complaintId),
    value: null,
  } as unknown as KafkaMessage;
  return { topic: 't', partition: 0, message, envelope } satisfies Incoming;
}

function setup(failures: Map<string, unknown[]> = new Map()) {
  const applier = new FakeApplier(failures);
  const deadLetters = new FakeDeadLetters();
  const health = new ConsumerHealth();
  const states: string[] = [];
  let heartbeats = 0;
  const retrying = new RetryingApplier({
    applier: applier as unknown as BatchApplier,
    deadLetters: deadLetters as unknown as DeadLetterStore,
    health,
    policy: { maxAttempts: 3, retryBaseMs: 5, retryMaxMs: 50, transientRetryMaxMs: 20 },
    logger: pino({ level: 'silent' }),
    metrics: new MessagingMetrics(),
    groupId: 'g',
    onDeadLettered: () => states.push('dead-lettered'),
  });
  const job = (events: Incoming[]): Job => ({
    events,
    running: () => true,
    heartbeat: async () => void heartbeats++,
  });
  return { applier, deadLetters, health, retrying, job, heartbeats: () => heartbeats, states };
}

const transient = () => Object.assign(new Error('Connection terminated'), { code: 'ECONNRESET' });

describe('RetryingApplier', () => {
  it('applies a batch in one go when nothing fails', async () => {
    const { retrying, applier, job } = setup();
    const events = [incoming(1), incoming(2), incoming(3)];
    expect(await retrying.applyJobs([job(events)])).toEqual([3]);
    expect(applier.calls).toEqual([3]);
  });

  it('after a failed batch applies its events one by one, the batch counting as the failing one`s first attempt', async () => {
    const events = [incoming(1), incoming(2), incoming(3)];
    const bug = new TypeError('x is undefined');
    const { retrying, applier, deadLetters, job } = setup(
      new Map([[events[1].envelope.eventId, [bug, bug, bug]]]),
    );
    expect(await retrying.applyJobs([job(events)])).toEqual([3]);
    // batch (fails at 2), then 1 alone, 2 alone (its third attempt: dead-lettered), 3 alone
    expect(applier.applied).toEqual([events[0].envelope.eventId, events[2].envelope.eventId]);
    expect(deadLetters.recorded.map((d) => [d.eventId, d.attempts, d.failure.code])).toEqual([
      [events[1].envelope.eventId, 3, 'HANDLER.FAILED'],
    ]);
  });

  it('dead-letters an event that can never succeed at once', async () => {
    const e = incoming(1);
    const { retrying, deadLetters, job, states } = setup(
      new Map([[e.envelope.eventId, [new PermanentEventError('CASE.CLOSED', 'closed')]]]),
    );
    expect(await retrying.applyJobs([job([e])])).toEqual([1]);
    expect(deadLetters.recorded[0]).toMatchObject({
      attempts: 1,
      failure: { code: 'CASE.CLOSED' },
    });
    expect(states).toEqual(['dead-lettered']);
  });

  it('waits out a transient failure however long it lasts, heartbeating and degraded meanwhile, ok after', async () => {
    const e = incoming(1);
    const failures = Array.from({ length: 8 }, transient);
    const { retrying, applier, deadLetters, health, job, heartbeats } = setup(
      new Map([[e.envelope.eventId, failures]]),
    );
    const seen: string[] = [];
    const watch = setInterval(() => seen.push(health.report().state), 5);
    expect(await retrying.applyJobs([job([e])])).toEqual([1]);
    clearInterval(watch);
    expect(applier.applied).toEqual([e.envelope.eventId]);
    expect(deadLetters.recorded).toEqual([]);
    expect(heartbeats()).toBeGreaterThanOrEqual(8);
    expect(seen).toContain('degraded');
    expect(health.report()).toEqual({ state: 'ok', reasons: [] });
  });

  it('retries recording a dead letter while the database is away', async () => {
    const e = incoming(1);
    const { retrying, deadLetters, job } = setup(
      new Map([[e.envelope.eventId, [new PermanentEventError('X.Y', 'no')]]]),
    );
    deadLetters.failNext = 3;
    expect(await retrying.applyJobs([job([e])])).toEqual([1]);
    expect(deadLetters.recorded).toHaveLength(1);
  });

  it('gives up waiting as soon as the partition stops, leaving the event for its next owner', async () => {
    const e = incoming(1);
    const { retrying, job } = setup(
      new Map([[e.envelope.eventId, Array.from({ length: 100 }, transient)]]),
    );
    let running = true;
    setTimeout(() => (running = false), 50);
    const stopping: Job = { ...job([e]), running: () => running };
    expect(await retrying.applyJobs([stopping])).toEqual([0]);
  });

  it('dead-letters a message that is not an envelope under an id from its position', async () => {
    const { retrying, deadLetters, job } = setup();
    const message = {
      offset: '7',
      key: Buffer.from('k'),
      value: Buffer.from('x'),
    } as unknown as KafkaMessage;
    const err = Object.assign(new Error('not JSON'), { code: 'MESSAGE.MALFORMED' });
    expect(await retrying.rejectInvalid(job([]), 't', 0, message, err)).toBe(true);
    expect(await retrying.rejectInvalid(job([]), 't', 0, message, err)).toBe(true);
    const [a, b] = deadLetters.recorded;
    expect(a.eventId).toBe(b.eventId);
    expect(a.eventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a.failure.code).toBe('MESSAGE.MALFORMED');
  });
});
