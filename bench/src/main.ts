/**
 * `npm run bench [-- --quick]`: measures the platform against the limits of this machine, with
 * every baseline taken in the same run (bench/run.sh brings Kafka and PostgreSQL up first).
 * Writes bench/results/<mode>[-label].json and .md. Exits non-zero if any phase failed.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { analyticsBench } from './analytics/analytics-bench';
import { postgresBaseline } from './baselines/postgres-baseline';
import { kafkaBaseline } from './baselines/kafka-baseline';
import { classifierBench } from './classifier/classifier-bench';
import { consumerComparison } from './consumers/consumer-comparison';
import { intakeLoad } from './intake/intake-load';
import { pipelineBench } from './pipeline/pipeline-bench';
import { BenchResult, deriveFigures } from './report/bench-result';
import { renderReport } from './report/render-report';
import { BenchContext } from './support/bench-context';
import { parseOptions, Phase } from './support/bench-options';
import { buildPlatform } from './support/platform-command';
import { ROOT, systemInfo } from './support/system-info';

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // The services run compiled, as in production (older commits: from sources, see run-at.sh).
  buildPlatform();
  const ctx = await BenchContext.create();
  ctx.quietWaitMs = options.quietWaitSeconds * 1000;
  const stop = (signal: NodeJS.Signals): void => {
    ctx.log(`${signal}: cleaning up`);
    void ctx.cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const resultsDir = resolve(ROOT, 'bench/results');
  const name = options.label ? `${options.mode}-${options.label}` : options.mode;
  const profileDir = options.profile ? resolve(resultsDir, 'profiles', name) : undefined;
  const started = Date.now();
  const result: BenchResult = {
    mode: options.mode,
    label: options.label ?? null,
    startedAt: new Date(started).toISOString(),
    durationSeconds: 0,
    system: await systemInfo(ctx),
    serviceLogLevel: options.serviceLogLevel,
    errors: [],
  };
  ctx.log(
    `${options.mode} run ${ctx.runId}: ${options.phases.join(', ')} on ${result.system.cores} cores`,
  );

  const phase = async (p: Phase, run: () => Promise<void>): Promise<void> => {
    if (!options.phases.includes(p)) return;
    const t = Date.now();
    try {
      await run();
    } catch (err) {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      ctx.log(`${p} failed: ${message}`);
      result.errors.push({ phase: p, message: message.slice(0, 2000) });
    }
    ctx.log(`${p} took ${Math.round((Date.now() - t) / 1000)}s`);
  };
  try {
    await phase('postgres', async () => {
      result.postgres = await postgresBaseline(ctx, options.postgres);
    });
    await phase('kafka', async () => {
      result.kafka = await kafkaBaseline(ctx, options.kafka);
    });
    await phase('consumers', async () => {
      result.consumers = await consumerComparison(ctx, options.consumers, profileDir);
    });
    await phase('intake', async () => {
      result.intake = await intakeLoad(ctx, options, profileDir);
    });
    await phase('pipeline', async () => {
      result.pipeline = await pipelineBench(ctx, options, profileDir);
    });
    await phase('classifier', async () => {
      result.classifier = await classifierBench(ctx, options.classifier.seconds);
    });
    await phase('analytics', async () => {
      result.analytics = await analyticsBench(ctx, options.analytics);
    });
  } finally {
    ctx.log('cleaning up');
    await ctx.cleanup();
  }
  result.durationSeconds = Math.round((Date.now() - started) / 1000);
  result.quietChecks = ctx.quietChecks;
  result.figures = deriveFigures(result);

  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(resolve(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(resolve(resultsDir, `${name}.md`), renderReport(result));
  ctx.log(`wrote bench/results/${name}.json and ${name}.md in ${result.durationSeconds}s`);
  console.log(`\n${renderReport(result)}`);
  if (result.errors.length > 0) {
    ctx.log(
      `${result.errors.length} phase(s) failed: ${result.errors.map((e) => e.phase).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
