import autocannon from 'autocannon';
import { SAMPLE_COMPLAINTS } from '@complaints/pipeline-client';
import { BenchStack } from '../pipeline/bench-stack';
import { BenchContext } from '../support/bench-context';
import { BenchOptions } from '../support/bench-options';
import { CpuSampler, CpuUsage } from '../support/cpu-sampler';
import { roundSummary, summarize, Summary } from '../support/stats';
import { openLoop } from './open-loop';
import { intakeAccess } from './intake-access';

export interface IntakeRun {
  kind: 'closed-loop' | 'open-loop';
  /** Closed loop: connections, each with one request in flight. */
  connections: number | null;
  /** Open loop: requests per second offered. */
  targetRate: number | null;
  seconds: number;
  requests: number;
  /** 202 answers per second. */
  acceptedPerSec: number;
  statuses: Record<string, number>;
  errors: number;
  latencyMs: Summary;
  overloaded: boolean;
  cpu: CpuUsage | null;
}

export interface IntakeLoad {
  /** How the load authenticated (issue 4's API keys once they exist). */
  access: string;
  runs: IntakeRun[];
  /** The best closed-loop accepted rate. */
  maxAcceptedPerSec: number;
}

/**
 * Intake alone (its own schema and topics; the relay publishes to Kafka as in production):
 * accepted complaints per second and latency at fixed concurrencies (autocannon, closed loop),
 * then at fixed arrival rates (open loop): fractions of the best closed-loop rate, and the aim.
 * Every request is a new complaint (a fresh caller reference), so every 202 is a stored row and
 * an outbox event.
 */
export async function intakeLoad(
  ctx: BenchContext,
  options: BenchOptions,
  profileDir?: string,
): Promise<IntakeLoad> {
  const o = options.intake;
  const access = intakeAccess();
  const stack = await BenchStack.create(ctx, {
    label: 'intake',
    partitions: 6,
    services: ['intake'],
    logLevel: options.serviceLogLevel,
    profileDir: profileDir ? `${profileDir}/intake` : undefined,
    env: { intake: access.serviceEnv },
  });
  await stack.start();
  await access.prepare(stack);
  const url = `${stack.url('intake')}/v1/complaints`;
  const body = bodies(ctx.runId, access.bodyFields);
  const headers = { 'content-type': 'application/json', ...access.headers() };
  const cpu = new CpuSampler();

  ctx.log(`intake: warm-up ${o.warmupSeconds}s`);
  await closedLoop(url, headers, body, 16, o.warmupSeconds);

  const runs: IntakeRun[] = [];
  const endProfile = stack.profileWindow('intake');
  for (const connections of o.concurrencies) {
    await ctx.quiet(`intake: ${connections} connections`);
    ctx.log(`intake: closed loop, ${connections} connections, ${o.seconds}s`);
    const before = cpu.snapshot();
    const r = await closedLoop(url, headers, body, connections, o.seconds);
    runs.push({ ...r, cpu: CpuSampler.usage(before, cpu.snapshot()) });
  }
  await endProfile();
  const maxAcceptedPerSec = Math.max(0, ...runs.map((r) => r.acceptedPerSec));
  const rates = [
    ...o.rateFractions.map((f) => Math.max(10, Math.round(maxAcceptedPerSec * f))),
    ...o.fixedRates,
  ];
  for (const rate of rates) {
    await ctx.quiet(`intake: ${rate}/s`);
    ctx.log(`intake: open loop, ${rate}/s, ${o.seconds}s`);
    const before = cpu.snapshot();
    const r = await openLoop({ url, rate, seconds: o.seconds, headers, body });
    runs.push({
      kind: 'open-loop',
      connections: null,
      targetRate: rate,
      seconds: o.seconds,
      requests: r.sent,
      acceptedPerSec: ((r.statuses['202'] ?? 0) * r.completedRate) / Math.max(1, r.completed),
      statuses: r.statuses,
      errors: r.errors,
      latencyMs: roundSummary(summarize(r.latenciesMs), 2),
      overloaded: r.overloaded,
      cpu: CpuSampler.usage(before, cpu.snapshot()),
    });
  }
  await stack.close();
  return { access: access.description, runs, maxAcceptedPerSec };
}

/** A new complaint per request: the samples in turn, each with its own caller reference. */
function bodies(run: string, fields: Record<string, string>): () => string {
  let n = 0;
  const templates = SAMPLE_COMPLAINTS.map(({ expectedCategory: _e, ...sample }) => sample);
  return () => {
    const i = n++;
    return JSON.stringify({
      ...templates[i % templates.length],
      ...fields,
      externalReference: `BENCH-${run}-${i}`,
    });
  };
}

async function closedLoop(
  url: string,
  headers: Record<string, string>,
  body: () => string,
  connections: number,
  seconds: number,
): Promise<Omit<IntakeRun, 'cpu'>> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = Date.now();
  await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers,
        connections,
        pipelining: 1,
        duration: seconds,
        timeout: 30,
        requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: body() }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    // autocannon's own histogram has no p95: keep every response time instead (bounded by the run).
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[String(statusCode)] = (statuses[String(statusCode)] ?? 0) + 1;
    });
    instance.on('reqError', () => errors++);
  });
  const elapsed = (Date.now() - started) / 1000;
  const requests = Object.values(statuses).reduce((s, v) => s + v, 0);
  return {
    kind: 'closed-loop',
    connections,
    targetRate: null,
    seconds,
    requests,
    acceptedPerSec: (statuses['202'] ?? 0) / elapsed,
    statuses,
    errors,
    latencyMs: roundSummary(summarize(latencies), 2),
    overloaded: false,
  };
}
