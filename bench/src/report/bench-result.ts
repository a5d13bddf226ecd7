import { KafkaBaseline } from '../baselines/kafka-baseline';
import { AnalyticsBench } from '../analytics/analytics-bench';
import { ClassifierBench } from '../classifier/classifier-bench';
import { PostgresBaseline } from '../baselines/postgres-baseline';
import { ConsumerComparison } from '../consumers/consumer-comparison';
import { IntakeLoad } from '../intake/intake-load';
import { PipelineBench } from '../pipeline/pipeline-bench';
import { ratio } from '../support/stats';
import { QuietCheck } from '../support/bench-context';
import { SystemInfo } from '../support/system-info';

export interface Aim {
  aim: string;
  target: string;
  measured: string;
  met: boolean | null;
  /** How far short, as a share of the target (0.25 = 25 % short); null when met or not measured. */
  shortBy: number | null;
}

export interface Figures {
  ratios: {
    /** Intake's best accepted rate over the raw PostgreSQL single-row insert rate. */
    intakeOverPostgresInsert: number | null;
    /** Our consumer's rate (services' default settings) over the stock NestJS Kafka transport's, same work. */
    ourConsumerOverStockNest: number | null;
    /** Our consumer with one event per transaction (batching off) over the stock transport. */
    ourUnbatchedConsumerOverStockNest: number | null;
    /** Complaints per second end to end over the raw Kafka produce rate (records/s). */
    pipelineOverKafkaProduce: number | null;
    /** Events per second the pipeline published (7.1 per complaint) over the raw Kafka produce rate. */
    pipelineEventsOverKafkaProduce: number | null;
  };
  aims: Aim[];
}

export interface BenchResult {
  mode: 'quick' | 'full';
  label: string | null;
  startedAt: string;
  durationSeconds: number;
  system: SystemInfo;
  serviceLogLevel: string;
  postgres?: PostgresBaseline;
  kafka?: KafkaBaseline;
  consumers?: ConsumerComparison;
  intake?: IntakeLoad;
  pipeline?: PipelineBench;
  classifier?: ClassifierBench;
  analytics?: AnalyticsBench;
  figures?: Figures;
  /** Before each measurement: the wait for other processes to calm down and what they still used. */
  quietChecks?: QuietCheck[];
  errors: { phase: string; message: string }[];
}

/**
 * Events published per archived complaint: received, routed, investigated, responded,
 * feedback-received, closed, archived; every tenth complaint adds reopened and a second
 * investigated, responded and feedback-received.
 */
export const EVENTS_PER_COMPLAINT = 7 + 0.4;

/**
 * The cost issue's aims (2 cores, everything on the machine, same-run ratios where the machine's
 * speed matters): CPU and PostgreSQL work per complaint, intake against single-row inserts,
 * the pipeline's rate, its stage latency at half that rate, our consumer against the stock
 * transport, and the pipeline against the same run's pgbench at 8 clients (Flowable's
 * lifecycle reached 0.0046-0.0055x of it; the aim is three times that).
 */
const AIMS = {
  cpuMsPerComplaint: 7,
  transactionsPerComplaint: 8,
  rowsReadPerComplaint: 100,
  intakeOverInserts: 0.25,
  intakeP99Ms: 50,
  pipelineRate: 300,
  stageP99Ms: 200,
  consumerRatio: 5,
  pipelineOverPgbench8: 0.015,
};

export function deriveFigures(r: BenchResult): Figures {
  const stock = r.consumers?.runs.find((x) => x.variant === 'stock-nestjs');
  const ours = r.consumers?.runs.find((x) => x.variant === 'ours');
  const oursUnbatched = r.consumers?.runs.find((x) => x.variant === 'ours-one-per-transaction');
  const kafkaProduce = r.kafka?.bestProduceRate;
  const pipelineRate = r.pipeline?.maxPerSec;
  return {
    ratios: {
      intakeOverPostgresInsert: ratio(r.intake?.maxAcceptedPerSec, r.postgres?.bestTps),
      ourConsumerOverStockNest: ratio(ours?.rate, stock?.rate),
      ourUnbatchedConsumerOverStockNest: ratio(oursUnbatched?.rate, stock?.rate),
      pipelineOverKafkaProduce: ratio(pipelineRate, kafkaProduce),
      pipelineEventsOverKafkaProduce: ratio(
        pipelineRate === undefined ? undefined : pipelineRate * EVENTS_PER_COMPLAINT,
        kafkaProduce,
      ),
    },
    aims: [
      ...perComplaintAims(r),
      intakeAim(r),
      pipelineAim(r),
      stageAim(r),
      consumerAim(ours?.rate, oursUnbatched?.rate, stock?.rate),
      pgbenchAim(r),
    ],
  };
}

/** The max-rate run with most complaints archived: the one per-complaint costs are read from. */
function mainRun(r: BenchResult) {
  // Polling players add their own requests to the services' CPU: not the pipeline's cost.
  const runs = (r.pipeline?.runs ?? []).filter(
    (x) => x.mode === 'max' && x.archived > 0 && x.players !== 'polling',
  );
  return runs.reduce<(typeof runs)[number] | undefined>(
    (best, x) => (!best || x.archived > best.archived ? x : best),
    undefined,
  );
}

function perComplaintAims(r: BenchResult): Aim[] {
  const run = mainRun(r);
  const limits: [string, number, (x: NonNullable<typeof run>) => number | undefined][] = [
    [
      'CPU ms per complaint, all processes but the load generator',
      AIMS.cpuMsPerComplaint,
      (x) => {
        const by = x.cpu?.byComponent;
        if (!by) return undefined;
        const total = Object.entries(by)
          .filter(([name]) => !name.startsWith('bench'))
          .reduce((sum, [, seconds]) => sum + seconds, 0);
        return (total * 1000) / x.archived;
      },
    ],
    [
      'PostgreSQL transactions per complaint',
      AIMS.transactionsPerComplaint,
      (x) => (x.postgres ? x.postgres.transactions / x.submitted : undefined),
    ],
    [
      'PostgreSQL rows read per complaint',
      AIMS.rowsReadPerComplaint,
      (x) => (x.postgres ? x.postgres.rowsRead / x.submitted : undefined),
    ],
  ];
  return limits.map(([what, limit, measure]) => {
    const aim = `${what} <= ${limit}`;
    const value = run ? measure(run) : undefined;
    if (value === undefined)
      return { aim, target: `<= ${limit}`, measured: 'not measured', met: null, shortBy: null };
    const met = value <= limit;
    return {
      aim,
      target: `<= ${limit}`,
      measured: `${value < 10 ? value.toFixed(1) : Math.round(value)} (${run?.name})`,
      met,
      // A cost: "short" is how far over the limit, as a share of it.
      shortBy: met ? null : Math.round((value / limit - 1) * 1000) / 1000,
    };
  });
}

function pgbenchAim(r: BenchResult): Aim {
  const aim = `pipeline complaints/s >= ${AIMS.pipelineOverPgbench8}x the same-run pgbench tx/s at 8 clients`;
  const pgbench = r.postgres?.runs.find((x) => x.tool === 'pgbench' && x.clients === 8)?.tps;
  const best = bestMaxRate(r);
  const x = ratio(best, pgbench);
  if (x === null)
    return {
      aim,
      target: `${AIMS.pipelineOverPgbench8}x`,
      measured: 'not measured',
      met: null,
      shortBy: null,
    };
  return {
    aim,
    target: `${AIMS.pipelineOverPgbench8}x`,
    measured: `${x.toFixed(4)}x (${best}/s, the best max-rate run, vs ${Math.round(pgbench ?? 0)} tx/s)`,
    met: x >= AIMS.pipelineOverPgbench8,
    shortBy: shortBy(x, AIMS.pipelineOverPgbench8),
  };
}

function shortBy(measured: number, target: number): number | null {
  return measured >= target ? null : Math.round((1 - measured / target) * 1000) / 1000;
}

function intakeAim(r: BenchResult): Aim {
  const aim = `intake >= ${AIMS.intakeOverInserts}x the same-run single-row insert tx/s with p99 < ${AIMS.intakeP99Ms} ms`;
  const inserts = r.postgres?.bestTps;
  const target = `${AIMS.intakeOverInserts}x, p99 < ${AIMS.intakeP99Ms} ms`;
  if (!r.intake || !inserts)
    return { aim, target, measured: 'not measured', met: null, shortBy: null };
  const fast = r.intake.runs.filter((x) => x.latencyMs.p99 < AIMS.intakeP99Ms && !x.overloaded);
  const best = fast.reduce((m, x) => Math.max(m, x.acceptedPerSec), 0);
  const x = best / inserts;
  const met = x >= AIMS.intakeOverInserts;
  return {
    aim,
    target,
    measured: `${x.toFixed(3)}x: ${Math.round(best)}/s with p99 < ${AIMS.intakeP99Ms} ms (max ${Math.round(r.intake.maxAcceptedPerSec)}/s at any latency) vs ${Math.round(inserts)} inserts/s`,
    met,
    shortBy: met ? null : shortBy(x, AIMS.intakeOverInserts),
  };
}

/** The best overall rate of the max-rate pipeline runs. */
function bestMaxRate(r: BenchResult): number | undefined {
  const rates = (r.pipeline?.runs ?? [])
    .filter((x) => x.mode === 'max')
    .map((x) => x.overallPerSec);
  return rates.length ? Math.max(...rates) : undefined;
}

function pipelineAim(r: BenchResult): Aim {
  const aim = `pipeline >= ${AIMS.pipelineRate} complaints/s end to end`;
  if (!r.pipeline)
    return {
      aim,
      target: `${AIMS.pipelineRate}/s`,
      measured: 'not measured',
      met: null,
      shortBy: null,
    };
  const best = bestMaxRate(r) ?? 0;
  return {
    aim,
    target: `${AIMS.pipelineRate}/s`,
    measured: `${best}/s (best max-rate run: records over first submit to last record)`,
    met: best >= AIMS.pipelineRate,
    shortBy: shortBy(best, AIMS.pipelineRate),
  };
}

function stageAim(r: BenchResult): Aim {
  const aim = `stage latency p99 < ${AIMS.stageP99Ms} ms at half the max rate`;
  const half = r.pipeline?.runs.find((x) => x.mode === 'rate');
  if (!half || half.stages.length === 0)
    return {
      aim,
      target: `< ${AIMS.stageP99Ms} ms`,
      measured: 'not measured',
      met: null,
      shortBy: null,
    };
  const worst = half.stages.reduce((w, s) => (s.p99 > w.p99 ? s : w));
  const met = worst.p99 < AIMS.stageP99Ms;
  return {
    aim,
    target: `< ${AIMS.stageP99Ms} ms`,
    measured: `worst stage p99 ${worst.p99} ms (${worst.stage}) at ${half.targetRate}/s`,
    met,
    // Latency: "short" is how much over the limit, as a share of it.
    shortBy: met ? null : Math.round((worst.p99 / AIMS.stageP99Ms - 1) * 1000) / 1000,
  };
}

function consumerAim(
  ours: number | undefined,
  unbatched: number | undefined,
  stock: number | undefined,
): Aim {
  const aim = `our consumer >= ${AIMS.consumerRatio}x the stock NestJS Kafka transport`;
  const x = ratio(ours, stock);
  if (x === null)
    return {
      aim,
      target: `${AIMS.consumerRatio}x`,
      measured: 'not measured',
      met: null,
      shortBy: null,
    };
  const u = ratio(unbatched, stock);
  return {
    aim,
    target: `${AIMS.consumerRatio}x`,
    measured: `${x.toFixed(2)}x with the services' defaults${u === null ? '' : ` (${u.toFixed(2)}x with one event per transaction)`}`,
    met: x >= AIMS.consumerRatio,
    shortBy: shortBy(x, AIMS.consumerRatio),
  };
}
