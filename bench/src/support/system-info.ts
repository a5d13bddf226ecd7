import { existsSync, readdirSync, readFileSync } from 'fs';
import { cpus, freemem, loadavg, totalmem } from 'os';
import { resolve } from 'path';
import { BenchContext } from './bench-context';
import { runCommand } from './run-command';

export const ROOT = resolve(__dirname, '../../..');
export const KAFKA_LIB = resolve(ROOT, 'infra/kafka/.dist/lib');

export interface SystemInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  /** 1, 5 and 15-minute load averages when the run started: other work on a shared machine shows here. */
  loadAverage: number[];
  node: string;
  kafka: string;
  postgres: string;
  /** The server settings every baseline and service ran under. */
  postgresDurability: Record<string, string>;
  packages: Record<string, string>;
  commit: string;
  uncommittedChanges: boolean;
}

const PACKAGES = [
  'kafkajs',
  '@nestjs/core',
  '@nestjs/microservices',
  'typeorm',
  'pg',
  'fastify',
  'autocannon',
];
const DURABILITY = [
  'synchronous_commit',
  'fsync',
  'wal_sync_method',
  'full_page_writes',
  'commit_delay',
  'shared_buffers',
  'max_connections',
];

export async function systemInfo(ctx: BenchContext): Promise<SystemInfo> {
  const [{ version }] = await ctx.sql<{ version: string }>('SELECT version()');
  const settings = await ctx.sql<{ name: string; setting: string; unit: string | null }>(
    'SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1) ORDER BY name',
    [DURABILITY],
  );
  const git = await runCommand('git', ['rev-parse', '--short', 'HEAD'], {
    timeoutMs: 10_000,
    cwd: ROOT,
  });
  const dirty = await runCommand('git', ['status', '--porcelain', '--untracked-files=no'], {
    timeoutMs: 10_000,
    cwd: ROOT,
  });
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    kafka: await kafkaVersion(),
    postgres: version.split(' on ')[0],
    postgresDurability: Object.fromEntries(
      settings.map((s) => [s.name, s.unit ? `${s.setting} (${s.unit})` : s.setting]),
    ),
    packages: Object.fromEntries(PACKAGES.map((p) => [p, packageVersion(p)])),
    commit: git.stdout.trim() || 'unknown',
    uncommittedChanges: dirty.stdout.trim().length > 0,
  };
}

/** The Kafka release of the jars the local broker and the perf tools run from. */
async function kafkaVersion(): Promise<string> {
  if (!existsSync(KAFKA_LIB)) return 'unknown (infra/kafka/.dist/lib missing)';
  const jar = readdirSync(KAFKA_LIB).find((f) => /^kafka_2\.\d+-.+\.jar$/.test(f));
  return jar
    ? `Apache Kafka ${jar.replace(/^kafka_2\.\d+-/, '').replace(/\.jar$/, '')} (KRaft, single node)`
    : 'unknown';
}

function packageVersion(name: string): string {
  try {
    const json = JSON.parse(
      readFileSync(resolve(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
    ) as { version?: string };
    return json.version ?? 'unknown';
  } catch {
    return 'missing';
  }
}
