/**
 * `npm run faults [-- --quick] [-- --only=name,name]`: the fault suite of issue 8.
 *
 * Starts a private stack on free ports (its own Kafka broker and PostgreSQL cluster, laid out
 * as infra does, and the five services as processes), never touching the shared broker or
 * database; drives complaints through the public APIs while injecting one fault per scenario;
 * prints one row per scenario and ends with
 *
 *   faults: S scenarios, L lost, D duplicated effects, O out of order
 *
 * exiting 1 if L, D or O is above 0 or a scenario did not recover within 60 s. Results go to
 * .data/faults/last.{json,md}, the services' whole output to .data/faults/logs/.
 * Full run: at most 15 minutes; --quick (what CI runs): at most 4.
 */
import { execFileSync } from 'child_process';
import { writeFileSync } from 'fs';
import { resolve } from 'path';
import { KafkaObserver } from './observe-kafka';
import { DbObserver } from './observe-db';
import { details, exitCode, lastLine, markdown, textTable, totals } from './report';
import { Mode, Scenario, ScenarioResult } from './scenario';
import { runScenario } from './scenario-runner';
import { FAULTS_DIR, FaultStack } from './stack';
import { baseline } from './scenarios/baseline';
import { brokerDown, brokerKill } from './scenarios/broker';
import { postgresDown, postgresRestart } from './scenarios/database';
import { frozenConsumer } from './scenarios/frozen-consumer';
import { maxSizeBacklog } from './scenarios/max-size-backlog';
import { missingDlq } from './scenarios/missing-dlq';
import { poisonEvent } from './scenarios/poison';
import { serviceKill } from './scenarios/service-kill';

/**
 * In run order. The max-size backlog goes last: while defect 1 stands it stalls intake's outbox
 * for good, which would fail every scenario after it.
 */
const SCENARIOS: Scenario[] = [
  baseline,
  serviceKill('intake', false),
  serviceKill('classification', true),
  serviceKill('investigation', false),
  serviceKill('feedback', false),
  serviceKill('archiving', false),
  frozenConsumer('archiving'),
  brokerKill('broker-kill', () => 0, true),
  brokerDown,
  postgresRestart,
  postgresDown,
  poisonEvent,
  missingDlq,
  maxSizeBacklog,
];

/** ms of the whole run, stack start and teardown included, before scenarios are skipped. */
const BUDGET_MS = { quick: 300_000, full: 840_000 };
/** ms a scenario is expected to need at most; one is not started with less than this left. */
const SCENARIO_RESERVE_MS = { quick: 60_000, full: 110_000 };

const log = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const mode: Mode = quick
    ? { quick, outageMs: 15_000, complaints: 12, rate: 3, recoveryWatchS: 60, readyAgainMs: 10_000 }
    : {
        quick,
        outageMs: 60_000,
        complaints: 24,
        rate: 3,
        recoveryWatchS: 75,
        readyAgainMs: 20_000,
      };
  const chosen = SCENARIOS.filter((s) => (only ? only.includes(s.name) : quick ? s.quick : true));
  if (only && chosen.length !== only.length) {
    log(`unknown scenario in --only; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const started = Date.now();
  const budget = quick ? BUDGET_MS.quick : BUDGET_MS.full;
  const reserve = quick ? SCENARIO_RESERVE_MS.quick : SCENARIO_RESERVE_MS.full;
  const runId = started.toString(36);
  log(`faults (${quick ? 'quick' : 'full'}): ${chosen.length} scenarios; starting a private stack`);

  let stack: FaultStack | undefined;
  let kafka: KafkaObserver | undefined;
  let db: DbObserver | undefined;
  let stopping = false;
  let starting: Promise<FaultStack> | undefined;
  let tearingDown: Promise<void> | undefined;
  /** Once, whoever asks first (the signal handler or the end of the run); others wait for it. */
  const teardown = (): Promise<void> => (tearingDown ??= stopStack());
  const stopStack = async (): Promise<void> => {
    // Interrupted while the stack was starting: let it finish (bounded by its own timeouts and
    // the signal handler's), then stop it.
    stack ??= await starting?.catch(() => undefined);
    await kafka?.close();
    await db?.close();
    if (stack) log('stopping the private stack');
    await stack?.destroy();
    stack = undefined;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping the private stack`);
    const hard = setTimeout(() => process.exit(130), 60_000);
    hard.unref();
    void teardown().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Whatever a scenario still running may have spawned: killed synchronously on the way out.
  let exitStack: FaultStack | undefined;
  process.on('exit', () => exitStack?.killNow());

  const results: ScenarioResult[] = [];
  const skipped: string[] = [];
  try {
    starting = FaultStack.start(log);
    stack = exitStack = await starting;
    kafka = new KafkaObserver(stack.broker.brokers);
    db = new DbObserver(stack.adminDatabaseUrl);
    log(`stack ready in ${Math.round((Date.now() - started) / 1000)} s`);
    for (const sc of chosen) {
      if (stopping) break;
      if (Date.now() - started > budget - reserve) {
        skipped.push(sc.name);
        continue;
      }
      log(`- ${sc.name}: ${sc.description}`);
      const r = await runScenario(sc, { stack, kafka, db, mode, runId, log });
      results.push(r);
      log(
        `  ${r.ok ? 'ok' : 'FAIL'}: accepted ${r.accepted}, archived ${r.archived}, lost ${r.lost.length}, ` +
          `recovery ${r.recoveryS?.toFixed(1) ?? '-'} s (${r.durationS} s)`,
      );
    }
  } catch (err) {
    log(`the suite could not run: ${(err as Error).stack ?? String(err)}`);
  } finally {
    await teardown();
  }
  if (stopping) return 130;

  const t = totals(results, skipped.length);
  const durationS = Math.round((Date.now() - started) / 1000);
  const meta = {
    mode: quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    durationS,
    commit: commit(),
  };
  log('');
  log(textTable(results));
  for (const line of details(results)) log(line);
  if (skipped.length)
    log(`skipped for lack of time (counted as not recovered): ${skipped.join(', ')}`);
  if (results.length < chosen.length - skipped.length)
    log('the suite stopped before every scenario ran');
  writeFileSync(
    resolve(FAULTS_DIR, 'last.json'),
    JSON.stringify({ ...meta, totals: t, skipped, results }, null, 2),
  );
  writeFileSync(resolve(FAULTS_DIR, 'last.md'), markdown(results, meta, t));
  log(
    `results in .data/faults/last.{json,md}, service logs in .data/faults/logs/ (${durationS} s)`,
  );
  log(lastLine(t));
  const incomplete = results.length + skipped.length < chosen.length;
  return incomplete || !results.length ? 1 : exitCode(t);
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`faults failed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
