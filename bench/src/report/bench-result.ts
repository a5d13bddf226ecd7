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

const AIMS = {
  intakeRate: 2000,
  intakeP99Ms: 50,
  pipelineRate: 500,
  stageP99Ms: 200,
  consumerRatio: 5,
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
      intakeAim(r),
      pipelineAim(r),
      stageAim(r),
      consumerAim(ours?.rate, oursUnbatched?.rate, stock?.rate),
    ],
  };
}

function shortBy(measured: number, target: number): number | null {
  return measured >= target ? null : Math.round((1 - measured / target) * 1000) / 1000;
}

function intakeAim(r: BenchResult): Aim {
  const aim = `intake >= ${AIMS.intakeRate} accepted/s with p99 < ${AIMS.intakeP99Ms} ms`;
  const target = `${AIMS.intakeRate}/s, p99 < ${AIMS.intakeP99Ms} ms`;
  if (!r.intake) return { aim, target, measured: 'not measured', met: null, shortBy: null };
  const fast = r.intake.runs.filter((x) => x.latencyMs.p99 < AIMS.intakeP99Ms && !x.overloaded);
  const best = fast.reduce((m, x) => Math.max(m, x.acceptedPerSec), 0);
  // A fixed-rate run counts when it kept up with the rate it was offered (within 2 %).
  const met = best >= AIMS.intakeRate * 0.98;
  return {
    aim,
    target,
    measured: `best rate with p99 < ${AIMS.intakeP99Ms} ms: ${Math.round(best)}/s (max ${Math.round(r.intake.maxAcceptedPerSec)}/s at any latency)`,
    met,
    shortBy: met ? null : shortBy(best, AIMS.intakeRate),
  };
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
  const best = Math.max(
    ...r.pipeline.runs.filter((x) => x.mode === 'max').map((x) => x.overallPerSec),
  );
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
