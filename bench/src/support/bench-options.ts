/** What one run measures and for how long. Quick mode exists so CI proves the benchmark still works. */

export type Phase =
  | 'postgres'
  | 'kafka'
  | 'consumers'
  | 'intake'
  | 'pipeline'
  | 'classifier'
  | 'analytics';
export const PHASES: readonly Phase[] = [
  'postgres',
  'kafka',
  'consumers',
  'intake',
  'pipeline',
  'classifier',
  'analytics',
];
/** Phases a quick run leaves out unless --only names them (the analytics one fills a million records). */
const FULL_ONLY: readonly Phase[] = ['analytics'];

export interface BenchOptions {
  mode: 'quick' | 'full';
  phases: Phase[];
  /** Write V8 CPU profiles of the service processes of the pipeline phase. */
  profile: boolean;
  /** LOG_LEVEL of the service processes. */
  serviceLogLevel: string;
  /** Written into the result file name: bench/results/<mode>[-label].json */
  label?: string;
  /** Seconds to wait at most, before each measurement, for other processes to leave the machine alone. */
  quietWaitSeconds: number;
  postgres: { clients: number[]; seconds: number };
  kafka: {
    records: number;
    recordBytes: number;
    kafkajsRecords: number;
    kafkajsBatch: number;
    partitions: number;
  };
  consumers: { events: number; seconds: number; partitions: number };
  /** Seconds per measurement of the classifier (throughput single, batched, latency). */
  classifier: { seconds: number };
  /** Archived records the analytics phase rebuilds from, and the topic's partitions. */
  analytics: { complaints: number; partitions: number };
  intake: {
    warmupSeconds: number;
    seconds: number;
    concurrencies: number[];
    rateFractions: number[];
    fixedRates: number[];
  };
  pipeline: {
    /** Partition counts to compare; the first is the main run (latency at half rate, two instances). */
    partitions: number[];
    seconds: number;
    /** Seconds the side runs (other partition counts, two instances) submit for. */
    sideSeconds: number;
    drainSeconds: number;
    maxInFlight: number;
    submitters: number;
    pollMs: number;
    halfRateRun: boolean;
    /** Seconds the main stack is measured idle (no load) before its first run; 0 skips. */
    idleSeconds: number;
    /** A second max-rate run whose played users poll the APIs instead of being told by events. */
    pollingPlayersRun: boolean;
    twoInstances: boolean;
    /** Arrival rate of the latency run instead of half the measured maximum (to compare two commits at one rate). */
    latencyRate?: number;
  };
}

const FULL: Omit<BenchOptions, 'phases' | 'profile' | 'serviceLogLevel' | 'label'> = {
  mode: 'full',
  quietWaitSeconds: 60,
  postgres: { clients: [1, 8, 32], seconds: 6 },
  kafka: {
    records: 200_000,
    recordBytes: 1024,
    kafkajsRecords: 100_000,
    kafkajsBatch: 100,
    partitions: 6,
  },
  consumers: { events: 30_000, seconds: 15, partitions: 6 },
  classifier: { seconds: 10 },
  analytics: { complaints: 1_000_000, partitions: 6 },
  intake: {
    warmupSeconds: 3,
    seconds: 8,
    concurrencies: [1, 8, 32, 64],
    rateFractions: [0.5, 0.8],
    fixedRates: [2000],
  },
  pipeline: {
    partitions: [6, 3, 1],
    seconds: 30,
    sideSeconds: 20,
    drainSeconds: 45,
    maxInFlight: 150,
    submitters: 16,
    pollMs: 150,
    halfRateRun: true,
    idleSeconds: 15,
    pollingPlayersRun: true,
    twoInstances: true,
  },
};

const QUICK: typeof FULL = {
  mode: 'quick',
  quietWaitSeconds: 5,
  postgres: { clients: [8], seconds: 3 },
  kafka: {
    records: 30_000,
    recordBytes: 1024,
    kafkajsRecords: 10_000,
    kafkajsBatch: 100,
    partitions: 6,
  },
  consumers: { events: 3000, seconds: 6, partitions: 6 },
  classifier: { seconds: 2 },
  analytics: { complaints: 20_000, partitions: 6 },
  intake: {
    warmupSeconds: 1,
    seconds: 4,
    concurrencies: [16],
    rateFractions: [0.5],
    fixedRates: [],
  },
  pipeline: {
    partitions: [3],
    seconds: 12,
    sideSeconds: 0,
    drainSeconds: 30,
    maxInFlight: 80,
    submitters: 8,
    pollMs: 150,
    halfRateRun: false,
    idleSeconds: 6,
    pollingPlayersRun: false,
    twoInstances: false,
  },
};

export function parseOptions(argv: readonly string[]): BenchOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m)
      throw new Error(
        `unknown argument ${arg} (try --quick, --only=intake,pipeline, --profile, --label=NAME)`,
      );
    flags.set(m[1], m[2] ?? 'true');
  }
  const known = new Set([
    'quick',
    'only',
    'profile',
    'log-level',
    'label',
    'latency-rate',
    'analytics-complaints',
  ]);
  for (const name of flags.keys())
    if (!known.has(name)) throw new Error(`unknown option --${name}`);
  const base = flags.has('quick') ? QUICK : FULL;
  const only = flags.get('only');
  const phases = only
    ? only.split(',').map((p) => p.trim())
    : PHASES.filter((p) => !flags.has('quick') || !FULL_ONLY.includes(p));
  for (const p of phases)
    if (!PHASES.includes(p as Phase)) throw new Error(`unknown phase ${p} (${PHASES.join(', ')})`);
  const label = flags.get('label');
  if (label !== undefined && !/^[a-z0-9-]+$/.test(label))
    throw new Error('--label takes lower-case letters, digits and dashes');
  const latencyRate = flags.get('latency-rate');
  if (latencyRate !== undefined && !(Number(latencyRate) > 0))
    throw new Error('--latency-rate takes complaints per second');
  const analyticsComplaints = flags.get('analytics-complaints');
  if (
    analyticsComplaints !== undefined &&
    !(Number.isInteger(Number(analyticsComplaints)) && Number(analyticsComplaints) > 0)
  )
    throw new Error('--analytics-complaints takes a whole number of records');
  return {
    ...base,
    analytics: analyticsComplaints
      ? { ...base.analytics, complaints: Number(analyticsComplaints) }
      : base.analytics,
    // One stack, its maximum, then the given rate: a like-for-like latency comparison.
    pipeline: latencyRate
      ? {
          ...base.pipeline,
          partitions: [base.pipeline.partitions[0]],
          twoInstances: false,
          pollingPlayersRun: false,
          halfRateRun: true,
          latencyRate: Number(latencyRate),
        }
      : base.pipeline,
    phases: phases as Phase[],
    profile: flags.has('profile'),
    // warn, as the end-to-end suite runs them: info logs one line per request and per event.
    serviceLogLevel: flags.get('log-level') ?? 'warn',
    label,
  };
}
