import { ChildProcess, spawn } from 'child_process';
import { resolve } from 'path';
import { freePort } from './free-port';
import { nodeArgs } from './node-command';

const ROOT = resolve(__dirname, '../../..');

export interface ServiceProcessSpec {
  /** services/<name> */
  name: string;
  env: Record<string, string>;
  /**
   * The port to listen on, chosen beforehand (freePort) so that other settings can name it (a
   * callback URL into the service itself); absent: a free one picked now.
   */
  port?: number;
}

/**
 * A service running as its own process, as in production (compiled, from dist/; see nodeArgs):
 * restartable, killable.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private output: string[] = [];
  readonly port: Promise<number>;
  private resolvedPort?: number;

  constructor(private readonly spec: ServiceProcessSpec) {
    this.port = (spec.port !== undefined ? Promise.resolve(spec.port) : freePort()).then(
      (p) => (this.resolvedPort = p),
    );
  }

  get name(): string {
    return this.spec.name;
  }

  get baseUrl(): string {
    if (this.resolvedPort === undefined) throw new Error(`${this.name} has no port yet`);
    return `http://127.0.0.1:${this.resolvedPort}`;
  }

  async start(): Promise<void> {
    const port = await this.port;
    this.output = [];
    const args = await nodeArgs(`services/${this.spec.name}/src/main.ts`, ROOT);
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...this.spec.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
    await this.waitReady();
  }

  /** SIGKILL: no graceful shutdown, nothing flushed; what a crash looks like. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill(signal);
      setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
    });
  }

  /** The last lines the process printed, for a failing test's message. */
  recentOutput(): string {
    return this.output.join('').split('\n').slice(-40).join('\n');
  }

  private async waitReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child || this.child.exitCode !== null) {
        throw new Error(`${this.name} exited during start:\n${this.recentOutput()}`);
      }
      try {
        const res = await fetch(`${this.baseUrl}/health/ready`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.recentOutput()}`);
  }
}
