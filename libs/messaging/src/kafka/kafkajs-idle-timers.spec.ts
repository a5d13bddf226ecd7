import { patchKafkajsIdleTimers } from './kafkajs-idle-timers';

const RequestQueue = require('kafkajs/src/network/requestQueue') as new (o: object) => {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  destroy(): void;
};

const quietLogger = { debug: () => undefined, warn: () => undefined, error: () => undefined };

function aQueue() {
  return new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 1000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: '127.0.0.1:9092',
    logger: quietLogger,
  });
}

describe('kafkajs idle timer patch (kafkajs #1556)', () => {
  beforeAll(() => expect(patchKafkajsIdleTimers()).toBe(true));

  it('schedules no check when nothing is pending and nothing is throttled', () => {
    const queue = aQueue();
    queue.checkPendingRequests();
    // Unpatched, a 1 ms timer is set here and re-set by every run of it, for ever.
    expect(queue.throttleCheckTimeoutId).toBeNull();
    queue.destroy();
  });

  it('still schedules the check for a request waiting on a throttle', () => {
    const queue = aQueue();
    queue.throttledUntil = Date.now() + 50;
    queue.pending.push({});
    queue.checkPendingRequests();
    expect(queue.throttleCheckTimeoutId).not.toBeNull();
    queue.destroy();
  });

  it('is applied once however often it is asked for', () => {
    expect(patchKafkajsIdleTimers()).toBe(true);
  });
});
