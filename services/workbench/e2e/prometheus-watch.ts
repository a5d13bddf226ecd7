import { ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { freePort, waitFor } from '@complaints/testing';
// The same Prometheus npm start runs (Debian's package, the generated scrape config and the
// rules of infra/prometheus), at a short interval for the test.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { spawnPrometheus } from '../../../infra/prometheus/prometheus-process';

/** Seconds between scrapes and rule evaluations in the browser test. */
const INTERVAL_SECONDS = 2;

/** A real Prometheus scraping the world's services, on a free port with a throwaway TSDB. */
export class PrometheusWatch {
  private child?: ChildProcess;
  private dir?: string;
  private output: string[] = [];
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** `services`: name → base URL (http://127.0.0.1:PORT). */
  async start(services: Record<string, string>): Promise<void> {
    this.port = await freePort();
    this.dir = mkdtempSync(join(tmpdir(), 'workbench-prometheus-'));
    const child = spawnPrometheus({
      targets: Object.entries(services).map(([service, url]) => ({
        service,
        address: new URL(url).host,
      })),
      intervalSeconds: INTERVAL_SECONDS,
      dataDir: this.dir,
      port: this.port,
    });
    this.child = child;
    const keep = (chunk: Buffer): void => {
      this.output.push(chunk.toString());
      if (this.output.length > 100) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await waitFor(
      'Prometheus to be ready',
      async () => {
        if (child.exitCode !== null) throw new Error(`prometheus exited: ${this.output.join('')}`);
        return (await fetch(`${this.url}/-/ready`).catch(() => undefined))?.ok;
      },
      60_000,
      250,
    );
  }

  /** An instant query's samples (for the test's own checks; the page uses the workbench's). */
  async query(
    promql: string,
  ): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
    const res = await fetch(`${this.url}/api/v1/query?${new URLSearchParams({ query: promql })}`);
    const body = (await res.json()) as {
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    return body.data.result;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null) {
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      });
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
