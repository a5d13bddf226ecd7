import { Agent, request } from 'http';
import { performance } from 'perf_hooks';

export interface OpenLoopResult {
  targetRate: number;
  sent: number;
  completed: number;
  statuses: Record<string, number>;
  errors: number;
  /** ms from each request's scheduled send time to its response: queueing on our side counts. */
  latenciesMs: number[];
  /** Requests per second actually completed over the run. */
  completedRate: number;
  /** true when more than maxOutstanding requests waited at once and the run stopped sending. */
  overloaded: boolean;
}

/**
 * An open-loop load generator: requests leave at fixed times (rate per second, evenly spaced)
 * whether or not earlier ones were answered, and latency counts from the scheduled time, so a
 * slow server cannot slow the arrivals down (no coordinated omission). autocannon's
 * overallRate is a closed loop that sends each connection's quota at the start of every
 * second, which measures bursts instead. Bounded: stops sending after `seconds`, or once
 * `maxOutstanding` requests wait, and waits at most `drainMs` for the last answers.
 */
export async function openLoop(o: {
  url: string;
  rate: number;
  seconds: number;
  headers: Record<string, string>;
  body: () => string;
  maxOutstanding?: number;
  drainMs?: number;
}): Promise<OpenLoopResult> {
  const url = new URL(o.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(o.rate * o.seconds);
  const maxOutstanding = o.maxOutstanding ?? 5000;
  const statuses: Record<string, number> = {};
  const latenciesMs: number[] = [];
  let sent = 0;
  let completed = 0;
  let errors = 0;
  let outstanding = 0;
  let overloaded = false;
  const t0 = performance.now() + 20;

  const send = (scheduled: number): void => {
    outstanding++;
    const body = o.body();
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...o.headers, 'content-length': Buffer.byteLength(body) },
        timeout: 30_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          latenciesMs.push(performance.now() - scheduled);
          const code = String(res.statusCode);
          statuses[code] = (statuses[code] ?? 0) + 1;
          completed++;
          outstanding--;
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => {
      errors++;
      outstanding--;
    });
    req.end(body);
  };

  await new Promise<void>((done) => {
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && t0 + (sent * 1000) / o.rate <= now) {
        if (outstanding >= maxOutstanding) {
          overloaded = true;
          return done();
        }
        send(t0 + (sent * 1000) / o.rate);
        sent++;
      }
      if (sent >= total) return done();
      setTimeout(tick, 1);
    };
    tick();
  });
  const drainUntil = performance.now() + (o.drainMs ?? 15_000);
  while (outstanding > 0 && performance.now() < drainUntil)
    await new Promise((r) => setTimeout(r, 20));
  const elapsedS = (performance.now() - t0) / 1000;
  agent.destroy();
  return {
    targetRate: o.rate,
    sent,
    completed,
    statuses,
    errors,
    latenciesMs,
    completedRate: completed / elapsedS,
    overloaded,
  };
}
