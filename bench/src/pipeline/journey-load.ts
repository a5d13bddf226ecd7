import { Outcome, PipelineClient, SAMPLE_COMPLAINTS } from '@complaints/pipeline-client';
import * as testing from '@complaints/testing';
import { BenchContext, sleep } from '../support/bench-context';
import { CpuSampler, CpuUsage } from '../support/cpu-sampler';
import {
  activityBetween,
  PostgresActivity,
  postgresCounters,
  tableCounters,
  TableReads,
  topTableReads,
} from '../support/postgres-activity';
import { roundSummary, summarize, Summary } from '../support/stats';
import { ArchiveWatcher } from './archive-watcher';
import { BenchStack, ServiceName } from './bench-stack';
import { playJourneyOnEvents, playJourneyWithBackoff } from './journey-player';
import { GroupLag, LagSampler } from './lag-sampler';
import { messagingCounters, MessagingCounters } from './messaging-counters';
import { UserSignals } from './user-signals';

export interface LoadOptions {
  /** max: as many complaints as maxInFlight journeys allow (closed loop); rate: a fixed arrival rate (open loop). */
  mode: 'max' | 'rate';
  rate?: number;
  seconds: number;
  drainSeconds: number;
  maxInFlight: number;
  submitters: number;
  /** ms before a played user first looks for the next step; then backing off to 1 s. */
  pollMs: number;
  /**
   * events: the played users are told their next step by the events a workbench and an inbox
   * would show (assigned, responded) and only act over HTTP; polling: they ask the APIs until
   * the step is ready (the harness before issue 15, kept to report both ways).
   */
  players: 'events' | 'polling';
}

export interface LoadResult {
  mode: 'max' | 'rate';
  /** How the played users learnt of their next step (absent in results before it was a choice: polling). */
  players?: 'events' | 'polling';
  targetRate: number | null;
  submitSeconds: number;
  submitted: number;
  submitFailures: number;
  journeysFailed: number;
  journeyErrors: string[];
  archived: number;
  /**
   * Archived per second over the last two thirds of the submit window, once the pipeline is
   * full: with the journeys in flight bounded, records then come out as fast as they go in.
   * Free of the start-up and of the drain after the last submit.
   */
  sustainedPerSec: number;
  /** Archived per second from the first submit to the last record archived. */
  overallPerSec: number;
  /** ms from the submit to the sealed record on complaints.archived.v1, handler and customer steps included. */
  endToEndMs: Summary;
  httpRequestsPerComplaint: Record<string, number>;
  lag: GroupLag[];
  cpu: CpuUsage | null;
  /** The database's work over the run (whole database: the bench's own queries are a few dozen). */
  postgres: PostgresActivity;
  /** The stack's tables read most during the run. */
  tableReads: TableReads[];
  messaging: MessagingCounters;
  window: { from: string; to: string };
  /** Journeys still unfinished when the drain time ran out. */
  overloaded: boolean;
}

const OUTCOMES: Outcome[] = ['upheld', 'partially_upheld', 'rejected'];
/** Every tenth customer is unhappy the first time, as in the end-to-end suite: a reopen and a second round. */
const dissatisfiedFirst = (i: number): boolean => i % 10 === 3;

/**
 * Drives the whole pipeline through its public APIs: calling systems submit complaints to
 * intake, handlers decide their cases and customers answer the survey (playJourney), and the
 * sealed records are counted as they appear on complaints.archived.v1.
 */
export async function journeyLoad(
  ctx: BenchContext,
  stack: BenchStack,
  o: LoadOptions,
  apiKey?: string,
): Promise<LoadResult> {
  // Older platform commits (before the people issue) have no people's tokens.
  const tokens = typeof testing.demoTokens === 'function' ? testing.demoTokens() : undefined;
  const client = new PipelineClient(stack.urls, { apiKey, ...(tokens ? { tokens } : {}) });
  const watcher = new ArchiveWatcher(ctx, stack.prefix);
  await watcher.start();
  const signals = o.players === 'events' ? new UserSignals(ctx, stack.prefix) : undefined;
  await signals?.start();
  const lag = new LagSampler(ctx, stack.prefix);
  await lag.start();
  const counter = countRequests(stack);
  const cpu = new CpuSampler();
  const cpuBefore = cpu.snapshot();
  const pgBefore = await postgresCounters(ctx);
  const schemas = Object.values(stack.schemas);
  const tablesBefore = await tableCounters(ctx, schemas);
  const messagingSince = await messagingCounters(stack);

  const submittedAt = new Map<string, number>();
  const journeys: Promise<void>[] = [];
  const journeyErrors: string[] = [];
  let journeysFailed = 0;
  let submitFailures = 0;
  let inFlight = 0;
  let n = 0;
  let overloaded = false;
  const started = Date.now();
  const submitEnd = started + o.seconds * 1000;

  const submitOne = async (): Promise<void> => {
    const i = n++;
    const sample = SAMPLE_COMPLAINTS[i % SAMPLE_COMPLAINTS.length];
    inFlight++;
    const t = Date.now();
    let id: string;
    try {
      id = (
        await client.submit(
          sample,
          `BENCH-${ctx.runId}-${stack.prefix.slice(-5, -1)}-${Date.now()}-${i}`,
        )
      ).id;
    } catch (err) {
      submitFailures++;
      inFlight--;
      if (journeyErrors.length < 5) journeyErrors.push(`submit: ${String(err).slice(0, 300)}`);
      return;
    }
    submittedAt.set(id, t);
    const play = {
      outcome: OUTCOMES[i % OUTCOMES.length],
      dissatisfiedFirst: dissatisfiedFirst(i),
      stepTimeoutMs: (o.seconds + o.drainSeconds) * 1000,
      firstPollMs: o.pollMs,
      maxPollMs: 1000,
    };
    journeys.push(
      (signals
        ? playJourneyOnEvents(client, signals, id, play)
        : playJourneyWithBackoff(client, id, play)
      )
        .then(() => undefined)
        .catch((err: unknown) => {
          journeysFailed++;
          if (journeyErrors.length < 5) journeyErrors.push(String(err).slice(0, 300));
        })
        .finally(() => inFlight--),
    );
  };

  if (o.mode === 'max') {
    await Promise.all(
      Array.from({ length: o.submitters }, async () => {
        while (Date.now() < submitEnd) {
          if (inFlight >= o.maxInFlight) {
            await sleep(5);
            continue;
          }
          await submitOne();
        }
      }),
    );
  } else {
    const rate = o.rate ?? 1;
    const pending: Promise<void>[] = [];
    let sent = 0;
    while (Date.now() < submitEnd) {
      const due = Math.floor(((Date.now() - started) / 1000) * rate);
      while (sent < due) {
        if (inFlight >= o.maxInFlight * 4) {
          overloaded = true;
          break;
        }
        pending.push(submitOne());
        sent++;
      }
      if (overloaded) break;
      await sleep(2);
    }
    await Promise.all(pending);
  }
  const submitStopped = Date.now();
  ctx.log(
    `pipeline: ${submittedAt.size} submitted in ${Math.round((submitStopped - started) / 1000)}s; draining`,
  );

  const drainEnd = Date.now() + o.drainSeconds * 1000;
  while (Date.now() < drainEnd) {
    if (inFlight === 0 && [...submittedAt.keys()].every((id) => watcher.seenAt.has(id))) break;
    await sleep(200);
  }
  if (inFlight > 0) overloaded = true;
  const cpuUsage = CpuSampler.usage(cpuBefore, cpu.snapshot());
  const pgActivity = activityBetween(pgBefore, await postgresCounters(ctx));
  const shorten = (t: string): string => {
    const [schema, table] = t.split('.');
    const service = (Object.keys(stack.schemas) as ServiceName[]).find(
      (k) => stack.schemas[k] === schema,
    );
    return `${service ?? schema}.${table}`;
  };
  const tableReads = topTableReads(tablesBefore, await tableCounters(ctx, schemas), shorten);
  const messaging = await messagingSince();
  const lags = await lag.stop();
  await watcher.stop();
  await signals?.stop();
  counter.restore();
  // Journeys still polling after the drain are left to fail on their own timeouts; they are counted as unfinished.
  void Promise.allSettled(journeys);

  const archivedTimes: number[] = [];
  const e2e: number[] = [];
  for (const [id, t] of submittedAt) {
    const seen = watcher.seenAt.get(id);
    if (seen === undefined) continue;
    archivedTimes.push(seen);
    e2e.push(seen - t);
  }
  const sustained = windowRate(
    archivedTimes,
    started + ((submitStopped - started) * 1) / 3,
    submitStopped,
  );
  const lastArchived = Math.max(started + 1, ...archivedTimes);
  const accepted = submittedAt.size;
  return {
    mode: o.mode,
    players: o.players,
    targetRate: o.mode === 'rate' ? (o.rate ?? null) : null,
    submitSeconds: (submitStopped - started) / 1000,
    submitted: accepted,
    submitFailures,
    journeysFailed,
    journeyErrors,
    archived: archivedTimes.length,
    sustainedPerSec: Math.round(sustained * 10) / 10,
    overallPerSec: Math.round((archivedTimes.length / ((lastArchived - started) / 1000)) * 10) / 10,
    endToEndMs: roundSummary(summarize(e2e), 0),
    httpRequestsPerComplaint: Object.fromEntries(
      Object.entries(counter.counts).map(([service, count]) => [
        service,
        Math.round((count / Math.max(1, accepted)) * 100) / 100,
      ]),
    ),
    lag: lags,
    cpu: cpuUsage,
    postgres: pgActivity,
    tableReads,
    messaging,
    window: { from: new Date(started).toISOString(), to: new Date(Date.now()).toISOString() },
    overloaded,
  };
}

/** Completions per second within [from, to) (ms since epoch). */
export function windowRate(times: readonly number[], from: number, to: number): number {
  if (to <= from) return 0;
  return times.filter((t) => t >= from && t < to).length / ((to - from) / 1000);
}

/**
 * Counts the HTTP requests the played users make, per service, by wrapping the global fetch the
 * pipeline client uses; restore() puts the original back.
 */
function countRequests(stack: BenchStack): { counts: Record<string, number>; restore(): void } {
  const original = globalThis.fetch;
  const byOrigin = new Map<string, ServiceName>(
    stack.all.map((i) => [new URL(i.url).origin, i.service]),
  );
  const counts: Record<string, number> = {};
  globalThis.fetch = (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const service = byOrigin.get(new URL(url).origin) ?? 'other';
    counts[service] = (counts[service] ?? 0) + 1;
    return original(input, init);
  };
  return { counts, restore: () => (globalThis.fetch = original) };
}
