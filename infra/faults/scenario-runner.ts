import { sampleBody } from './complaints';
import { collect } from './collect';
import { GroupWatch } from './group-watch';
import { HealthWatch } from './health-watch';
import { Load } from './load';
import { KafkaObserver } from './observe-kafka';
import { DbObserver } from './observe-db';
import { FaultWindow, Mode, Scenario, ScenarioContext, ScenarioResult, Verdict } from './scenario';
import { FaultStack, SERVICES } from './stack';

/** ms after the fault ends (or the last acceptance, if later) within which every accepted complaint must be archived. */
const ARCHIVE_BOUND_MS = 60_000;
/** ms between quiescence samples; two in a row make "recovered". */
const QUIET_SAMPLE_MS = 500;

export interface RunnerDeps {
  stack: FaultStack;
  kafka: KafkaObserver;
  db: DbObserver;
  mode: Mode;
  runId: string;
  log: (line: string) => void;
}

/** Runs one scenario: load, fault, recovery, then the counts. Never throws. */
export async function runScenario(sc: Scenario, deps: RunnerDeps): Promise<ScenarioResult> {
  const { stack, kafka, db, mode, log } = deps;
  const t0 = Date.now();
  const prefix = `FLT-${deps.runId}-${sc.name}`;
  const notes: string[] = [];
  let deadline = t0 + 10 * 60_000;
  const load = new Load(stack.urls, stack.apiKey, () => deadline);
  const ctx: ScenarioContext = { stack, kafka, db, mode, load, prefix, log };
  const marks = Object.fromEntries(SERVICES.map((s) => [s, stack.services[s].mark()]));
  const watch = new HealthWatch(
    SERVICES.map((s) => ({ name: s, baseUrl: stack.services[s].baseUrl })),
  );

  if (!(await quiescent(kafka, db)))
    notes.push('the stack was not quiet at the start (earlier damage)');
  const groups = new GroupWatch(kafka);
  watch.start();
  groups.start();
  let fault: FaultWindow | undefined;
  let verdict: Verdict = { ok: true, notes: [] };
  let recoveryS: number | undefined;
  try {
    const count = sc.complaints?.(mode) ?? mode.complaints;
    const body = sc.body ?? sampleBody;
    const submitting = sc.ownLoad
      ? Promise.resolve()
      : load.submit({ prefix, count, ratePerSecond: mode.rate, body });
    if (!sc.ownLoad) await until(() => load.startedCount >= Math.ceil(count / 2), 120_000);
    log(`  ${sc.name}: injecting`);
    fault = await sc.inject(ctx);
    await submitting;
    log(
      `  ${sc.name}: fault over after ${((fault.end - fault.start) / 1000).toFixed(1)} s; measuring recovery`,
    );
    recoveryS = await measureRecovery(kafka, db, fault.end, mode.recoveryWatchS * 1000);
    const readyBy = Date.now() + mode.readyAgainMs;
    await until(
      async () => (await allReady(stack)) || Date.now() > readyBy,
      mode.readyAgainMs + 5000,
    );
    // One more answer from each service after that, for the record the judgement reads.
    await new Promise((r) => setTimeout(r, 2500));
    deadline = Math.max(fault.end, load.lastAcceptedAt() ?? 0) + ARCHIVE_BOUND_MS;
    // Sealed and the archive's outbox empty: the sealed record and its archived event commit
    // in one transaction, and a row leaves the outbox only once the broker acknowledged it.
    await until(
      async () => {
        const ids = load.acceptedIds();
        if (!load.tracked.every((t) => t.refused || t.journeyDone || t.journeyError)) return false;
        const sealed = await db.sealed(ids).catch(() => new Set<string>());
        const pending = await db.pendingOutbox().catch(() => ({ archive: 1 }));
        return sealed.size === ids.length && pending['archive'] === 0;
      },
      Math.max(0, deadline - Date.now()) + 1000,
    );
    await withTimeout(load.settle(), Math.max(0, deadline - Date.now()) + 15_000, 'journeys');
    if (sc.verify) verdict = await sc.verify(ctx, fault);
  } catch (err) {
    notes.push(`scenario error: ${(err as Error).message.slice(0, 500)}`);
    verdict = { ok: false, notes: [] };
  }
  const samples = await watch.stop();
  const churn = await groups.stop();
  if (churn.length) notes.push(`group churn: ${churn.join('; ')}`);
  const result = await collect({
    sc,
    t0,
    prefix,
    stack,
    kafka,
    db,
    load,
    fault,
    samples,
    verdict,
    recoveryS,
    recoveryWatchS: mode.recoveryWatchS,
    marks,
    notes,
  });
  if (!result.ok) await heal(stack, notes, log);
  return result;
}

/** Brings a damaged stack back for the next scenario: broker, database, every service ready. */
async function heal(stack: FaultStack, notes: string[], log: (l: string) => void): Promise<void> {
  try {
    await stack.startBroker();
    if (!(await stack.postgres.running())) await stack.postgres.start();
    const restarted: string[] = [];
    for (const s of SERVICES) {
      const svc = stack.services[s];
      if (svc.running && (await readyNow(svc.baseUrl))) continue;
      await svc.stop();
      await svc.start();
      restarted.push(s);
    }
    if (restarted.length) {
      notes.push(`healed for the next scenario: restarted ${restarted.join(', ')}`);
      log(`  restarted ${restarted.join(', ')} for the next scenario`);
    }
  } catch (err) {
    notes.push(`healing failed: ${(err as Error).message.slice(0, 300)}`);
  }
}

/** Every outbox empty and every group's lag 0, right now. */
export async function quiescent(kafka: KafkaObserver, db: DbObserver): Promise<boolean> {
  try {
    const lags = await kafka.lags();
    if (lags.some((l) => l.lag > 0)) return false;
    const pending = await db.pendingOutbox();
    return Object.values(pending).every((n) => n === 0);
  } catch {
    return false;
  }
}

/**
 * s from `from` to the first of two quiescent samples in a row (lag is read before the
 * outboxes, and two samples close the gap where an event is between a commit and a publish),
 * or undefined when that does not happen within `limitMs` of `from`.
 */
export async function measureRecovery(
  kafka: KafkaObserver,
  db: DbObserver,
  from: number,
  limitMs: number,
): Promise<number | undefined> {
  let firstQuiet: number | undefined;
  while (Date.now() < from + limitMs) {
    const t = Date.now();
    if (await quiescent(kafka, db)) {
      if (firstQuiet !== undefined) return Math.max(0, (firstQuiet - from) / 1000);
      firstQuiet = t;
    } else {
      firstQuiet = undefined;
    }
    await new Promise((r) => setTimeout(r, QUIET_SAMPLE_MS));
  }
  return undefined;
}

async function allReady(stack: FaultStack): Promise<boolean> {
  const ready = await Promise.all(SERVICES.map((s) => readyNow(stack.services[s].baseUrl)));
  return ready.every(Boolean);
}

async function readyNow(baseUrl: string): Promise<boolean> {
  const res = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(4000) }).catch(
    () => undefined,
  );
  await res?.arrayBuffer().catch(() => undefined);
  return res?.status === 200;
}

/** Polls `check` every 250 ms until it is true or `timeoutMs` passed (then false). */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} still running after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
