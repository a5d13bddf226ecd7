/**
 * `node -r @swc-node/register bench/src/startup/startup-time.ts [--runs=N] [--services=a,b]
 * [--runtimes=ts,js]`: how long a service takes from process start to /health/ready 200, and the
 * CPU seconds its process used by then, run from its TypeScript sources through the loader
 * (`ts`: `node -r @swc-node/register services/<name>/src/main.ts`) and from the compiled build
 * (`js`: `node dist/services/<name>/src/main.js`, built first when stale). One service at a
 * time, the two runtimes taking turns, each on a schema whose migrations already ran (a
 * warm-up start per service does them), so both measure the same steady-state start.
 * Prints a Markdown table of medians (and min-max) per service and runtime.
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { Client } from 'pg';
import { topicSpecs } from '@complaints/contracts';
import { createTestTopics, freePort, testInfra, uniqueName } from '@complaints/testing';

const ROOT = resolve(__dirname, '../../..');
const ALL = [
  'intake',
  'classification',
  'investigation',
  'feedback',
  'archiving',
  'deadlines',
  'analytics',
];
type Runtime = 'ts' | 'js';
/** Linux clock ticks per second (`getconf CLK_TCK`), the unit of /proc/<pid>/stat times. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

interface Sample {
  ms: number;
  cpuSeconds: number;
}

function arg(name: string): string | undefined {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
}

/** user + system CPU seconds of a live process, from /proc/<pid>/stat */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is the state (field 3 of stat); utime and stime are fields 14 and 15.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function command(runtime: Runtime, service: string): string[] {
  return runtime === 'ts'
    ? ['-r', '@swc-node/register', `services/${service}/src/main.ts`]
    : [`dist/services/${service}/src/main.js`];
}

async function startOnce(
  runtime: Runtime,
  service: string,
  env: Record<string, string>,
): Promise<Sample> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child: ChildProcess = spawn(process.execPath, command(runtime, service), {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${service} exited during start:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        return { ms, cpuSeconds: cpuSeconds(child.pid ?? 0) };
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`${service} not ready after 180 s:\n${output}`);
  } finally {
    await new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
    });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main(): Promise<void> {
  const runs = Number(arg('runs') ?? '3');
  const services = (arg('services') ?? ALL.join(',')).split(',').filter(Boolean);
  const runtimes = (arg('runtimes') ?? 'ts,js').split(',') as Runtime[];
  if (runtimes.includes('js'))
    execFileSync(process.execPath, ['infra/build/build.js'], { cwd: ROOT, stdio: 'inherit' });
  const { brokers, databaseUrl } = await testInfra();
  const prefix = `${uniqueName('startup')}.`;
  const topics = await createTestTopics(
    brokers,
    topicSpecs(prefix).map((t) => t.name),
    1,
  );
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  const schemas: string[] = [];
  const samples: Record<string, Record<Runtime, Sample[]>> = {};
  try {
    for (const service of services) {
      const schema = uniqueName(`startup_${service}`);
      await admin.query(`CREATE SCHEMA "${schema}"`);
      schemas.push(schema);
      const env = {
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: schema,
        DATABASE_POOL_SIZE: '4',
        KAFKA_BROKERS: brokers.join(','),
        TOPIC_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        PSEUDONYM_KEY: 'startup-pseudonym-key-not-a-secret-0123456789',
      };
      // Warm-up: runs the migrations, fills the OS file cache.
      await startOnce(runtimes[0], service, env);
      samples[service] = { ts: [], js: [] };
      for (let i = 0; i < runs; i++) {
        for (const runtime of runtimes) {
          const s = await startOnce(runtime, service, env);
          samples[service][runtime].push(s);
          process.stderr.write(
            `${service} ${runtime} #${i + 1}: ${s.ms.toFixed(0)} ms, ${s.cpuSeconds.toFixed(2)} CPU s\n`,
          );
        }
      }
    }
  } finally {
    for (const schema of schemas) await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
    await topics.remove();
  }
  const cell = (xs: number[], digits: number): string =>
    xs.length === 0
      ? '-'
      : `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)})`;
  const lines = [
    `start to /health/ready, median (min-max) of ${runs} starts, ${new Date().toISOString()}`,
    '',
    `| service | ${runtimes.map((r) => `${r}: ms | ${r}: CPU s`).join(' | ')} |`,
    `| --- | ${runtimes.map(() => '--- | ---').join(' | ')} |`,
  ];
  for (const service of services) {
    const row = runtimes.map((r) => {
      const xs = samples[service][r];
      return `${cell(
        xs.map((s) => s.ms),
        0,
      )} | ${cell(
        xs.map((s) => s.cpuSeconds),
        2,
      )}`;
    });
    lines.push(`| ${service} | ${row.join(' | ')} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
