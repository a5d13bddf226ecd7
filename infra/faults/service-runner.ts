import { ChildProcess, spawn } from 'child_process';
import { createWriteStream, WriteStream } from 'fs';
import { join, resolve } from 'path';
import { freePort, nodeArgs } from '@complaints/testing';
import { sendSignal, waitExit } from './pids';

/**
 * The checkout the services run from: this one, or FAULTS_SERVICES_ROOT (another checkout with
 * node_modules, e.g. an older commit unpacked with `git archive`, to show a fault failing
 * before a fix with the same suite).
 */
export const SERVICES_ROOT = process.env['FAULTS_SERVICES_ROOT'] || resolve(__dirname, '../..');
/** ms a service may take from spawn to /health/ready 200 (on a loaded machine with 2 cores). */
const READY_TIMEOUT_MS = 120_000;
/** ms a SIGTERM gets before SIGKILL. */
const STOP_GRACE_MS = 15_000;
const RECENT_LINES = 60;
const MAX_PROBLEMS = 5000;
/** pino's warn level */
const WARN = 40;

/**
 * One service as its own process, as libs/testing's ServiceProcess runs it (compiled, `node
 * dist/services/<name>/src/main.js`; see nodeArgs), plus what the fault suite needs and
 * ServiceProcess does not offer: the pid (SIGSTOP/SIGCONT), the whole output appended to a log
 * file across restarts, and an exit that is noticed while no one waits for it.
 */
export class ServiceRunner {
  private child?: ChildProcess;
  private recent: string[] = [];
  private log?: WriteStream;
  private frozen = false;
  /** close() was called: no more starts (a scenario still running must not respawn it) */
  private closed = false;
  /** Warnings and errors the service logged, numbered, for a scenario's diagnosis. */
  private problems: { seq: number; line: string }[] = [];
  private seq = 0;
  /** Called with every new process (the stack records pids for run.sh's fallback clean-up). */
  onSpawn?: () => void;
  /** Exits nobody asked for (crashes), with the code or signal. */
  readonly unexpectedExits: string[] = [];

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  static async create(
    name: string,
    env: Record<string, string>,
    logDir: string,
  ): Promise<ServiceRunner> {
    return new ServiceRunner(name, await freePort(), env, join(logDir, `${name}.log`));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the service and waits for /health/ready 200. */
  async start(): Promise<void> {
    if (this.closed) throw new Error(`${this.name} is closed: the stack is stopping`);
    if (this.running) return;
    this.log ??= createWriteStream(this.logFile, { flags: 'a' });
    this.log.write(`\n--- faults: start ${this.name} at ${new Date().toISOString()}\n`);
    const args = await nodeArgs(`services/${this.name}/src/main.ts`, SERVICES_ROOT);
    const child = spawn(process.execPath, args, {
      cwd: SERVICES_ROOT,
      env: { ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      this.log?.write(chunk);
      const lines = chunk.toString().split('\n').filter(Boolean);
      this.recent.push(...lines);
      if (this.recent.length > RECENT_LINES)
        this.recent.splice(0, this.recent.length - RECENT_LINES);
      for (const line of lines) {
        const problem = problemOf(line);
        if (problem) this.problems.push({ seq: ++this.seq, line: problem });
      }
      if (this.problems.length > MAX_PROBLEMS)
        this.problems.splice(0, this.problems.length - MAX_PROBLEMS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', (code, signal) => {
      this.log?.write(`--- faults: ${this.name} exited (${signal ?? code})\n`);
      if (this.child === child) {
        this.unexpectedExits.push(`${signal ?? code} at ${new Date().toISOString()}`);
        this.child = undefined;
      }
    });
    this.child = child;
    this.frozen = false;
    this.onSpawn?.();
    await this.waitReady();
  }

  /** SIGKILL: no shutdown hooks, nothing flushed, as a crash. */
  async kill(): Promise<void> {
    await this.end('SIGKILL');
  }

  /** SIGTERM (graceful shutdown), SIGKILL after STOP_GRACE_MS. */
  async stop(): Promise<void> {
    await this.end('SIGTERM');
  }

  /** SIGSTOP: the process stays alive but does nothing (no heartbeats, no HTTP answers). */
  freeze(): void {
    if (this.child?.pid && sendSignal(this.child.pid, 'SIGSTOP')) this.frozen = true;
  }

  thaw(): void {
    if (this.child?.pid) sendSignal(this.child.pid, 'SIGCONT');
    this.frozen = false;
  }

  /** A position in the service's warnings and errors, for problemsSince(). */
  mark(): number {
    return this.seq;
  }

  /** Distinct warnings and errors logged since `mark`, with how often each came, most frequent first. */
  problemsSince(mark: number, max = 8): string[] {
    const counts = new Map<string, number>();
    for (const p of this.problems)
      if (p.seq > mark) counts.set(p.line, (counts.get(p.line) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, max)
      .map(([line, n]) => (n > 1 ? `${n}x ${line}` : line));
  }

  /** The last lines the process printed. */
  recentOutput(lines = 30): string {
    return this.recent.slice(-lines).join('\n');
  }

  /** Stops the process (if any) and closes the log. */
  async close(): Promise<void> {
    this.closed = true;
    await this.end('SIGTERM').catch(() => undefined);
    await new Promise<void>((done) => (this.log ? this.log.end(done) : done()));
    this.log = undefined;
  }

  /** Synchronous last resort for process exit: SIGCONT then SIGKILL. */
  killNow(): void {
    const pid = this.child?.pid;
    if (!pid) return;
    sendSignal(pid, 'SIGCONT');
    sendSignal(pid, 'SIGKILL');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const pid = child.pid;
    // A stopped process would hold a SIGTERM until continued.
    if (this.frozen) this.thaw();
    sendSignal(pid, signal);
    if (!(await waitExit(pid, signal === 'SIGKILL' ? 10_000 : STOP_GRACE_MS))) {
      sendSignal(pid, 'SIGKILL');
      await waitExit(pid, 10_000);
    }
  }

  private async waitReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (!this.running) {
        throw new Error(`${this.name} exited during start:\n${this.recentOutput()}`);
      }
      const res = await fetch(`${this.baseUrl}/health/ready`, {
        signal: AbortSignal.timeout(3000),
      }).catch(() => undefined);
      await res?.arrayBuffer().catch(() => undefined);
      if (res?.ok) return;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`${this.name} not ready after ${READY_TIMEOUT_MS} ms:\n${this.recentOutput()}`);
  }
}

/**
 * A log line worth a diagnosis, shortened: pino JSON at warn or above (its message and error),
 * or any line that is not JSON (a crash's stack trace).
 */
function problemOf(line: string): string | undefined {
  let entry: {
    level?: number;
    msg?: string;
    err?: { type?: string; message?: string; code?: string };
  };
  try {
    entry = JSON.parse(line) as typeof entry;
  } catch {
    return line.trim().slice(0, 300) || undefined;
  }
  if (typeof entry.level !== 'number' || entry.level < WARN) return undefined;
  const err = entry.err
    ? ` [${entry.err.type ?? ''} ${entry.err.code ?? ''} ${entry.err.message ?? ''}]`
    : '';
  return `${entry.level >= 50 ? 'ERROR' : 'WARN'} ${entry.msg ?? ''}${err}`
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}
