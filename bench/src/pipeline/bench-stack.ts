import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { topicSpecs } from '@complaints/contracts';
import { PipelineUrls } from '@complaints/pipeline-client';
import { createTestTopics, ServiceProcess } from '@complaints/testing';
import { BenchContext } from '../support/bench-context';
import { platformPreload } from '../support/platform-command';
import { ROOT } from '../support/system-info';

const PIPELINE = ['intake', 'classification', 'investigation', 'feedback', 'archiving'] as const;
export type ServiceName = (typeof PIPELINE)[number] | 'deadlines';

/**
 * The services a stack runs: the pipeline's five, and the deadlines service (it follows every
 * lifecycle topic, so its cost per complaint is the pipeline's too) where the checkout has it.
 */
export const SERVICES: readonly ServiceName[] = existsSync(
  resolve(ROOT, 'services/deadlines/src/main.ts'),
)
  ? [...PIPELINE, 'deadlines']
  : PIPELINE;

export interface BenchStackOptions {
  label: string;
  partitions: number;
  services: readonly ServiceName[];
  logLevel: string;
  /** Connections per service instance: 8 keeps two instances of every service under max_connections 100. */
  poolSize?: number;
  /** Where CPU profiles of the measured windows go (one folder per stack). */
  profileDir?: string;
  /** Extra environment per service (intake's rate limit for the bench key). */
  env?: Partial<Record<ServiceName, Record<string, string>>>;
}

interface Instance {
  service: ServiceName;
  process: ServiceProcess;
}

/**
 * Services as separate processes, as the end-to-end suite runs them: each its own schema, every
 * topic under one prefix no other run uses, created with `partitions` partitions. More instances
 * of a service share its schema and consumer groups.
 */
export class BenchStack {
  readonly instances: Instance[] = [];
  private closed = false;
  private profiled = false;

  private constructor(
    private readonly ctx: BenchContext,
    readonly options: BenchStackOptions,
    readonly prefix: string,
    readonly schemas: Record<ServiceName, string>,
    private readonly removeTopics: () => Promise<void>,
  ) {}

  static async create(ctx: BenchContext, o: BenchStackOptions): Promise<BenchStack> {
    const prefix = `${ctx.name(o.label)}.`;
    const topics = await createTestTopics(
      ctx.brokers,
      topicSpecs(prefix).map((t) => t.name),
      o.partitions,
    );
    const schemas = {} as Record<ServiceName, string>;
    for (const service of o.services)
      schemas[service] = await ctx.createSchema(`${o.label}_${service}`);
    const stack = new BenchStack(ctx, o, prefix, schemas, () => topics.remove());
    ctx.onCleanup(`close stack ${prefix}`, () => stack.close());
    return stack;
  }

  /** One instance of each service, one at a time: cold starts in parallel are slower on two cores. */
  async start(): Promise<void> {
    for (const service of this.options.services) await this.addInstance(service);
  }

  async addInstance(service: ServiceName): Promise<void> {
    const n = this.instances.filter((i) => i.service === service).length + 1;
    const profile: Record<string, string> = this.options.profileDir
      ? {
          NODE_OPTIONS: platformPreload('bench/src/support/cpu-profile.preload.ts'),
          BENCH_CPU_PROFILE_DIR: this.options.profileDir,
          BENCH_CPU_PROFILE_LABEL: `${service}-${n}`,
        }
      : {};
    const proc = new ServiceProcess({
      name: service,
      env: {
        DATABASE_URL: this.ctx.databaseUrl,
        DATABASE_SCHEMA: this.schemas[service],
        DATABASE_POOL_SIZE: String(this.options.poolSize ?? 8),
        KAFKA_BROKERS: this.ctx.brokers.join(','),
        TOPIC_PREFIX: this.prefix,
        LOG_LEVEL: this.options.logLevel,
        PSEUDONYM_KEY: 'bench-pseudonym-key-not-a-secret-0123456789abcdef',
        ...profile,
        ...(this.options.env?.[service] ?? {}),
      },
    });
    this.instances.push({ service, process: proc });
    this.ctx.log(
      `stack ${this.options.label}: starting ${service}${n > 1 ? ` (instance ${n})` : ''}`,
    );
    await proc.start();
  }

  get databaseUrl(): string {
    return this.ctx.databaseUrl;
  }

  count(service: ServiceName): number {
    return this.instances.filter((i) => i.service === service).length;
  }

  url(service: ServiceName): string {
    const first = this.instances.find((i) => i.service === service);
    if (!first) throw new Error(`${service} is not running in this stack`);
    return first.process.baseUrl;
  }

  get urls(): PipelineUrls {
    return Object.fromEntries(
      SERVICES.map((s) => [s, this.count(s) > 0 ? this.url(s) : '']),
    ) as unknown as PipelineUrls;
  }

  /** Every instance's base URL (for /metrics). */
  get all(): { service: ServiceName; url: string }[] {
    return this.instances.map((i) => ({ service: i.service, url: i.process.baseUrl }));
  }

  /**
   * Starts the profiled window (no-op unless profiling); returns the function that ends it. The
   * preload records one window per process: the first call per stack is the one profiled.
   */
  profileWindow(name: string): () => Promise<void> {
    const dir = this.options.profileDir;
    if (!dir || this.profiled) return async () => undefined;
    this.profiled = true;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'start'), name);
    return async () => {
      writeFileSync(join(dir, 'stop'), name);
      // The preload polls every 200 ms; give it time to write.
      await new Promise((r) => setTimeout(r, 2000));
    };
  }

  /** Stops every instance (gracefully), deletes the run's consumer groups, topics and schemas. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.instances.map((i) => i.process.stop()));
    const admin = this.ctx.kafka('bench-admin').admin();
    await admin.connect();
    try {
      const { groups } = await admin.listGroups();
      const ours = groups.map((g) => g.groupId).filter((g) => g.startsWith(this.prefix));
      if (ours.length > 0) await admin.deleteGroups(ours).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
    await this.removeTopics();
    for (const schema of Object.values(this.schemas))
      await this.ctx.sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
}
