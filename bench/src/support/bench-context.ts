import { randomBytes } from 'crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { testInfra } from '@complaints/testing';
import { waitForQuiet } from './cpu-sampler';

/** Before a measurement: how long it waited for other processes to calm down, and what they still used. */
export interface QuietCheck {
  before: string;
  waitedMs: number;
  /** cores used by processes outside the benchmark in the last second before it started */
  otherCores: number;
}

/**
 * What every phase shares: where Kafka and PostgreSQL are, a name no other run uses, and the
 * clean-ups to run at the end (also on Ctrl-C), newest first.
 */
export class BenchContext {
  private readonly cleanups: { what: string; run: () => Promise<void> }[] = [];
  readonly runId = randomBytes(3).toString('hex');
  readonly quietChecks: QuietCheck[] = [];
  /** ms to wait at most for a quiet machine before each measurement; 0 skips the check. */
  quietWaitMs = 60_000;
  private readonly startedAt = Date.now();

  private constructor(
    readonly brokers: string[],
    readonly databaseUrl: string,
  ) {}

  static async create(): Promise<BenchContext> {
    const { brokers, databaseUrl } = await testInfra();
    for (const b of brokers) {
      // Load is only ever aimed at this machine.
      if (!/^(127\.0\.0\.1|localhost):\d+$/.test(b))
        throw new Error(`the benchmark runs against 127.0.0.1 only, not ${b}`);
    }
    const host = new URL(databaseUrl).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost')
      throw new Error(`the benchmark runs against 127.0.0.1 only, not ${host}`);
    const ctx = new BenchContext(brokers, databaseUrl);
    // Registered first, so it runs last: after every consumer of the run has left its group.
    ctx.onCleanup('delete the consumer groups of this run', () => ctx.deleteGroups());
    return ctx;
  }

  /** A schema, topic prefix or group name of this run: bench_<label>_<run>_<random>. */
  name(label: string): string {
    const clean = label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .slice(0, 24);
    return `bench_${clean}_${this.runId}_${randomBytes(2).toString('hex')}`;
  }

  kafka(clientId = 'bench'): Kafka {
    return new Kafka({
      clientId,
      brokers: this.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 10, initialRetryTime: 100 },
    });
  }

  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'bench' });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async createSchema(label: string): Promise<string> {
    const schema = this.name(label);
    await this.sql(`CREATE SCHEMA "${schema}"`);
    this.onCleanup(`drop schema ${schema}`, async () => {
      await this.sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    });
    return schema;
  }

  /**
   * Waits (bounded) until other processes leave the machine alone before a measurement, and
   * records what they still used: the report shows which figures were taken beside other load.
   */
  async quiet(before: string): Promise<void> {
    if (this.quietWaitMs <= 0) return;
    const { waitedMs, otherCores } = await waitForQuiet(this.quietWaitMs);
    this.quietChecks.push({ before, waitedMs, otherCores: Math.round(otherCores * 100) / 100 });
    if (otherCores >= 0.15)
      this.log(
        `other processes still use ${otherCores.toFixed(2)} cores; measuring ${before} anyway`,
      );
    else if (waitedMs > 1500)
      this.log(`waited ${Math.round(waitedMs / 1000)}s for other processes to finish`);
  }

  /** Every consumer group named by this run (the perf tools', the consumer workers', the stacks'). */
  private async deleteGroups(): Promise<void> {
    const admin = this.kafka('bench-admin').admin();
    await admin.connect();
    try {
      const { groups } = await admin.listGroups();
      const ours = groups
        .map((g) => g.groupId)
        .filter((g) => g.startsWith('bench_') && g.includes(`_${this.runId}_`));
      if (ours.length > 0) await admin.deleteGroups(ours);
    } finally {
      await admin.disconnect();
    }
  }

  onCleanup(what: string, run: () => Promise<void>): void {
    this.cleanups.push({ what, run });
  }

  /** Runs every clean-up, newest first; one failing does not stop the others. */
  async cleanup(): Promise<void> {
    while (this.cleanups.length > 0) {
      const c = this.cleanups.pop();
      if (!c) break;
      try {
        await c.run();
      } catch (err) {
        this.log(`clean-up failed: ${c.what}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  log(message: string): void {
    const s = ((Date.now() - this.startedAt) / 1000).toFixed(0).padStart(4);
    console.log(`[bench ${s}s] ${message}`);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
