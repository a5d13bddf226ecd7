import { execFile } from 'child_process';
import { randomBytes } from 'crypto';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { copyFile, readFile } from 'fs/promises';
import { dirname, join, resolve } from 'path';
import { promisify } from 'util';
import { topicSpecs } from '@complaints/contracts';
import { PipelineUrls } from '@complaints/pipeline-client';
import { nodeArgs, PrivateKafkaBroker, PrivatePostgres } from '@complaints/testing';
import { ensureTopics } from '../kafka/create-topics';
import { ensureDatabase } from '../postgres/setup';
import { COMPLAINTS_DATABASE, serviceDatabase } from '../postgres/services';
import { pidListeningOn, sendSignal, waitExit } from './pids';
import { ServiceRunner, SERVICES_ROOT } from './service-runner';

const ROOT = resolve(__dirname, '../..');
export const FAULTS_DIR = resolve(ROOT, '.data/faults');
export const LOG_DIR = resolve(FAULTS_DIR, 'logs');
/** What run.sh cleans up if this process dies without doing it itself (SIGKILL). */
const STATE_FILE = resolve(FAULTS_DIR, 'stack.state');

export const SERVICES = [
  'intake',
  'classification',
  'investigation',
  'feedback',
  'archiving',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The shared stack's ports: nothing here may ever point at them. */
const SHARED_PORTS = new Set([9092, 9093, 5432]);
/** Variables of the caller's shell that would point a service elsewhere; never inherited. */
const INHERITED_AWAY =
  /^(PG[A-Z_]*|KAFKA_[A-Z_]*|DATABASE_[A-Z_]*|TOPIC_PREFIX|PSEUDONYM_KEY|COMPLAINTS_[A-Z_]*|PORT|HOST)$/;

/** The private stack: its own broker, its own PostgreSQL cluster, the five services. */
export class FaultStack {
  readonly services = {} as Record<ServiceName, ServiceRunner>;
  apiKey = '';
  /** the broker's temporary folder (PrivateKafkaBroker keeps it private; read from its command line) */
  private brokerDir?: string;
  private destroyed = false;

  private constructor(
    readonly broker: PrivateKafkaBroker,
    readonly postgres: PrivatePostgres,
    private readonly log: (line: string) => void,
  ) {}

  /** Starts everything (about a minute); on any failure tears down what it started. */
  static async start(log: (line: string) => void): Promise<FaultStack> {
    rmSync(LOG_DIR, { recursive: true, force: true });
    mkdirSync(LOG_DIR, { recursive: true });
    const [broker, postgres] = await Promise.allSettled([
      retryOnce(() => PrivateKafkaBroker.start('faults'), log, { removeFailedDataDir: true }),
      PrivatePostgres.start('faults'),
    ]);
    if (broker.status === 'rejected' || postgres.status === 'rejected') {
      // Each start() cleans up after itself; the one that did start is destroyed here.
      if (broker.status === 'fulfilled') await broker.value.destroy().catch(() => undefined);
      if (postgres.status === 'fulfilled') await postgres.value.destroy().catch(() => undefined);
      throw broker.status === 'rejected'
        ? broker.reason
        : (postgres as PromiseRejectedResult).reason;
    }
    const stack = new FaultStack(broker.value, postgres.value, log);
    await stack.saveState();
    try {
      for (const port of [stack.broker.port, stack.postgres.port]) {
        if (SHARED_PORTS.has(port)) throw new Error(`private stack got a shared port ${port}`);
      }
      log(
        `broker 127.0.0.1:${stack.broker.port}, postgres 127.0.0.1:${stack.postgres.port} (${stack.postgres.dir})`,
      );
      await ensureDatabase({
        adminUrl: stack.postgres.url(),
        database: COMPLAINTS_DATABASE,
        env: {},
      });
      await ensureTopics(stack.broker.brokers, topicSpecs(), { waitMs: 60_000 });
      const pseudonymKey = randomBytes(32).toString('hex');
      for (const name of SERVICES) {
        stack.services[name] = await ServiceRunner.create(
          name,
          stack.serviceEnv(name, pseudonymKey),
          LOG_DIR,
        );
        stack.services[name].onSpawn = () => void stack.saveState().catch(() => undefined);
      }
      // One at a time: five cold starts at once on two cores take longer than in sequence.
      for (const name of SERVICES) {
        const started = Date.now();
        await stack.services[name].start();
        log(`${name} ready on ${stack.services[name].baseUrl} (${Date.now() - started} ms)`);
      }
      stack.apiKey = await stack.createIntakeKey('faults-caller');
      return stack;
    } catch (err) {
      await stack.destroy();
      throw err;
    }
  }

  get urls(): PipelineUrls {
    return Object.fromEntries(
      SERVICES.map((n) => [n, this.services[n].baseUrl]),
    ) as unknown as PipelineUrls;
  }

  /** Login URL of a service's own role on the private cluster (trust auth: no password). */
  serviceDatabaseUrl(name: ServiceName): string {
    return this.postgres.url(COMPLAINTS_DATABASE, serviceDatabase(name).role);
  }

  /** Superuser URL of the complaints database: the checks read every service's schema. */
  get adminDatabaseUrl(): string {
    return this.postgres.url(COMPLAINTS_DATABASE);
  }

  /** Starts the broker again (same ports and data), retrying once: see retryOnce. */
  async startBroker(): Promise<void> {
    await retryOnce(() => this.broker.start(), this.log);
  }

  /** SIGKILL of the broker process (kafka.sh keeps its pid in a file of its private folder). */
  async killBroker(): Promise<void> {
    const pid = await pidListeningOn(this.broker.port);
    if (pid === undefined) return;
    sendSignal(pid, 'SIGKILL');
    await waitExit(pid, 15_000);
  }

  /** Restarts every service that is not running (after a failed scenario, so the next starts clean). */
  async restartDead(): Promise<string[]> {
    const restarted: string[] = [];
    for (const name of SERVICES) {
      if (this.services[name]?.running) continue;
      await this.services[name].start();
      restarted.push(name);
    }
    return restarted;
  }

  /** Stops the services, the broker and the cluster, and deletes their folders. Never throws. */
  async destroy(): Promise<void> {
    this.destroyed = true;
    await Promise.all(Object.values(this.services).map((s) => s.close().catch(() => undefined)));
    // Their logs are kept beside the services'; the folders they are in are deleted below.
    const keep: [string | undefined, string][] = [
      [this.postgres.logFile, 'postgres.log'],
      [this.brokerDir && join(this.brokerDir, 'logs/server.log'), 'kafka-server.log'],
      [this.brokerDir && join(this.brokerDir, 'logs/stdout.log'), 'kafka-stdout.log'],
    ];
    for (const [from, to] of keep) {
      if (from) await copyFile(from, join(LOG_DIR, to)).catch(() => undefined);
    }
    await Promise.all([
      this.killBroker()
        .then(() => this.broker.destroy())
        .catch(() => undefined),
      this.postgres.destroy().catch(() => undefined),
    ]);
    rmSync(STATE_FILE, { force: true });
  }

  /** For process exit: synchronous SIGKILLs; the folders go with run.sh's fallback. */
  killNow(): void {
    for (const s of Object.values(this.services)) s.killNow();
  }

  private serviceEnv(name: ServiceName, pseudonymKey: string): Record<string, string> {
    return {
      ...cleanEnv(),
      DATABASE_URL: this.serviceDatabaseUrl(name),
      KAFKA_BROKERS: this.broker.brokers.join(','),
      LOG_LEVEL: process.env['FAULTS_LOG_LEVEL'] ?? 'info',
      // The production default: the frozen-consumer scenario freezes past it.
      KAFKA_SESSION_TIMEOUT_MS: '10000',
      ...(name === 'intake' ? { RATE_LIMIT_PER_MINUTE: '1000000' } : {}),
      ...(name === 'archiving' ? { PSEUDONYM_KEY: pseudonymKey } : {}),
    };
  }

  /** A key made as an operator makes one: `npm run intake:key -- create`. */
  private async createIntakeKey(system: string): Promise<string> {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        ...(await nodeArgs('services/intake/src/cli/intake-key.cli.ts', SERVICES_ROOT)),
        'create',
        '--system',
        system,
        '--scopes',
        'complaints:write,complaints:read,feedback:write',
        '--json',
      ],
      {
        cwd: SERVICES_ROOT,
        env: { ...cleanEnv(), DATABASE_URL: this.serviceDatabaseUrl('intake') },
        timeout: 60_000,
      },
    );
    return (JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { key: string }).key;
  }

  /** Writes what run.sh must clean up should this process be SIGKILLed. */
  private async saveState(): Promise<void> {
    if (this.destroyed) return;
    this.brokerDir ??= await brokerDataDir(this.broker.port);
    const pids = Object.values(this.services)
      .map((s) => s.pid)
      .filter((p): p is number => p !== undefined);
    if (this.destroyed) return;
    writeFileSync(
      STATE_FILE,
      [
        `owner_pid=${process.pid}`,
        `broker_port=${this.broker.port}`,
        `broker_dir=${this.brokerDir ?? ''}`,
        `postgres_dir=${this.postgres.dir}`,
        `service_pids="${pids.join(' ')}"`,
        '',
      ].join('\n'),
    );
  }
}

/**
 * Runs a broker start, and once more if it fails. PrivateKafkaBroker gives the JVM 256 MB of
 * heap; now and then the log cleaner's 128 MiB dedupe buffer, allocated at start-up, does not
 * fit (OutOfMemoryError in LogCleaner.startup) and the broker exits. That is the harness's
 * broker failing to start, not the pipeline failing, so it gets a second try, logged.
 */
async function retryOnce<T>(
  start: () => Promise<T>,
  log: (line: string) => void,
  { removeFailedDataDir = false } = {},
): Promise<T> {
  try {
    return await start();
  } catch (err) {
    const message = String((err as Error).message);
    const why = /OutOfMemoryError[^\n]*/.exec(message)?.[0] ?? message.split('\n')[0];
    log(`broker start failed (${why.slice(0, 200)}); trying once more`);
    // A first start that failed leaves its new folder behind (kafka.sh names it in its log).
    const dir = /data in (\S*\/kafka-faults-[^)\s/]+)\)/.exec(message)?.[1];
    if (removeFailedDataDir && dir) rmSync(dir, { recursive: true, force: true });
    return start();
  }
}

/** The caller's environment without anything that would point a process at another stack. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !INHERITED_AWAY.test(k)) env[k] = v;
  }
  return env;
}

/** The broker's data folder, read from its command line (kafka.sh: -Dkafka.logs.dir=<data>/logs). */
async function brokerDataDir(port: number): Promise<string | undefined> {
  const pid = await pidListeningOn(port);
  if (pid === undefined) return undefined;
  const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
  const logs = args.find((a) => a.startsWith('-Dkafka.logs.dir='))?.split('=')[1];
  return logs ? dirname(logs) : undefined;
}
