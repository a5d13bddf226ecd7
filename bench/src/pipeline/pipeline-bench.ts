import { intakeAccess } from '../intake/intake-access';
import { BenchContext, sleep } from '../support/bench-context';
import { CpuSampler, CpuUsage } from '../support/cpu-sampler';
import { BenchOptions } from '../support/bench-options';
import { BenchStack, SERVICES, ServiceName } from './bench-stack';
import { journeyLoad, LoadResult } from './journey-load';
import { StageLatency, stageLatencies } from './stage-latency';

export interface PipelineRun extends LoadResult {
  name: string;
  partitions: number;
  instances: Record<ServiceName, number>;
  stages: StageLatency[];
}

export interface PipelineBench {
  settings: {
    maxInFlight: number;
    submitters: number;
    pollMs: number;
    poolSize: number;
    serviceLogLevel: string;
  };
  runs: PipelineRun[];
  /**
   * The main stack with no load, before its first run: what the platform costs per second
   * whatever the rate (relay polls, consumer fetches and heartbeats, sweeps, lag sampling).
   * Absent in results before it was measured.
   */
  idle?: CpuUsage | null;
  /** The main run's overall rate (all records over first submit to last record): the pipeline's measured maximum. */
  maxPerSec: number;
}

/**
 * The five services end to end, one stack per partition count. On the first (main) stack: the
 * maximum rate (closed loop), then a fixed arrival rate at half of it for stage latencies, then
 * the same maximum run with a second instance of the service that used the most CPU.
 */
export async function pipelineBench(
  ctx: BenchContext,
  options: BenchOptions,
  profileDir?: string,
): Promise<PipelineBench> {
  const o = options.pipeline;
  const runs: PipelineRun[] = [];
  let maxPerSec = 0;
  let idle: CpuUsage | null | undefined;
  const access = intakeAccess();
  for (const [index, partitions] of o.partitions.entries()) {
    const main = index === 0;
    const stack = await BenchStack.create(ctx, {
      label: `pipe_p${partitions}`,
      partitions,
      services: SERVICES,
      logLevel: options.serviceLogLevel,
      profileDir: main && profileDir ? `${profileDir}/pipeline` : undefined,
      env: { intake: access.serviceEnv },
    });
    await stack.start();
    await access.prepare(stack);
    if (main && o.idleSeconds > 0) idle = await idleCost(ctx, o.idleSeconds);
    const load = {
      drainSeconds: o.drainSeconds,
      maxInFlight: o.maxInFlight,
      submitters: o.submitters,
      pollMs: o.pollMs,
      players: 'events' as const,
    };
    const run = async (
      name: string,
      l: Parameters<typeof journeyLoad>[2],
      profile = false,
    ): Promise<PipelineRun> => {
      await ctx.quiet(`pipeline: ${name}`);
      ctx.log(`pipeline: ${name}`);
      const endProfile = profile ? stack.profileWindow(name) : async () => undefined;
      const result = await journeyLoad(ctx, stack, l, access.apiKey());
      await endProfile();
      const stages = await stageLatencies(
        ctx,
        stack.prefix,
        Object.values(stack.schemas),
        new Date(result.window.from),
        new Date(result.window.to),
      );
      const instances = Object.fromEntries(SERVICES.map((s) => [s, stack.count(s)])) as Record<
        ServiceName,
        number
      >;
      const r: PipelineRun = { name, partitions, instances, stages, ...result };
      ctx.log(
        `pipeline: ${name}: ${r.archived} archived, sustained ${r.sustainedPerSec}/s, overall ${r.overallPerSec}/s, ` +
          `end-to-end p50 ${r.endToEndMs.p50} ms, failures ${r.submitFailures + r.journeysFailed}`,
      );
      return r;
    };

    const max = await run(
      `max rate, ${partitions} partitions`,
      { ...load, mode: 'max', seconds: main ? o.seconds : o.sideSeconds },
      main,
    );
    runs.push(max);
    if (main) {
      maxPerSec = max.overallPerSec;
      if (o.halfRateRun && max.overallPerSec > 0) {
        const rate = o.latencyRate ?? Math.max(1, Math.round(max.overallPerSec / 2));
        runs.push(
          await run(
            `${o.latencyRate ? 'fixed rate' : 'half the max rate'} (${rate}/s), ${partitions} partitions`,
            {
              ...load,
              mode: 'rate',
              rate,
              seconds: o.sideSeconds,
            },
          ),
        );
      }
      if (o.pollingPlayersRun) {
        // The same maximum with users that ask the APIs for their next step instead of being told.
        runs.push(
          await run(`max rate, ${partitions} partitions, polling players`, {
            ...load,
            players: 'polling',
            mode: 'max',
            seconds: o.sideSeconds,
          }),
        );
      }
      if (o.twoInstances) {
        const busiest = busiestService(max);
        await stack.addInstance(busiest);
        // Both members join the group; the rebalance takes a moment before load starts.
        await sleep(5000);
        runs.push(
          await run(`max rate, ${partitions} partitions, two instances of ${busiest}`, {
            ...load,
            mode: 'max',
            seconds: o.sideSeconds,
          }),
        );
      }
    }
    await stack.close();
  }
  return {
    settings: {
      maxInFlight: o.maxInFlight,
      submitters: o.submitters,
      pollMs: o.pollMs,
      poolSize: 8,
      serviceLogLevel: options.serviceLogLevel,
    },
    runs,
    idle,
    maxPerSec,
  };
}

/** CPU of every component over `seconds` with the stack started and nothing submitted. */
async function idleCost(ctx: BenchContext, seconds: number): Promise<CpuUsage | null> {
  await ctx.quiet('pipeline: idle stack');
  // Start-up's last work (first metadata refreshes, the consumers' first fetches) settles first.
  await sleep(3000);
  ctx.log(`pipeline: idle stack for ${seconds}s`);
  const cpu = new CpuSampler();
  const before = cpu.snapshot();
  await sleep(seconds * 1000);
  return CpuSampler.usage(before, cpu.snapshot());
}

/** The service that used the most CPU in a run: the one a second instance is most likely to help. */
function busiestService(run: LoadResult): ServiceName {
  const by = run.cpu?.byComponent ?? {};
  const ranked = [...SERVICES].sort((a, b) => (by[b] ?? 0) - (by[a] ?? 0));
  return ranked[0];
}
