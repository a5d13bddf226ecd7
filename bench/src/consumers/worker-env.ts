/** What the orchestrator tells a consumer worker, by environment. */
export interface WorkerEnv {
  databaseUrl: string;
  schema: string;
  brokers: string[];
  topic: string;
  group: string;
  prefix: string;
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
  };
}

/** The worker's last line on stdout: CPU it used, so the report can show CPU per event. */
export function reportAndExit(code = 0): void {
  const cpu = process.cpuUsage();
  process.stdout.write(
    `${JSON.stringify({ cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000 })}\n`,
  );
  process.exit(code);
}

/** Ready line the orchestrator waits for before it starts the clock. */
export const READY = 'worker-ready';
