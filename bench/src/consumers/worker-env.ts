/** What the orchestrator tells a consumer worker, by environment. */
export interface WorkerEnv {
  databaseUrl: string;
  schema: string;
  brokers: string[];
  topic: string;
  group: string;
  prefix: string;
  /** Our consumer's settings when not the services' defaults. */
  batchSize?: number;
  partitionsAtOnce?: number;
}

export function workerEnv(): WorkerEnv {
  const get = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  return {
    databaseUrl: get('DATABASE_URL'),
    schema: get('BENCH_SCHEMA'),
    brokers: get('KAFKA_BROKERS').split(','),
    topic: get('BENCH_TOPIC'),
    group: get('BENCH_GROUP'),
    prefix: get('BENCH_PREFIX'),
    batchSize: optionalNumber('BENCH_BATCH_SIZE'),
    partitionsAtOnce: optionalNumber('BENCH_PARTITIONS_AT_ONCE'),
  };
}

let atReady: NodeJS.CpuUsage | undefined;

/** Ready line the orchestrator waits for; CPU from here on is the consuming, not the start-up. */
export const READY = 'worker-ready';

export function reportReady(): void {
  atReady = process.cpuUsage();
  process.stdout.write(`${READY}\n`);
}

/** The worker's last line on stdout: CPU used since it was ready, so the report can show CPU per event. */
export function reportAndExit(code = 0): void {
  const cpu = process.cpuUsage(atReady);
  process.stdout.write(
    `${JSON.stringify({ cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000 })}\n`,
  );
  process.exit(code);
}

function optionalNumber(name: string): number | undefined {
  const value = process.env[name];
  return value ? Number(value) : undefined;
}
