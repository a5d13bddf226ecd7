import { randomUUID } from 'crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Pool } from 'pg';
import { BenchContext } from '../support/bench-context';
import { runCommand } from '../support/run-command';

export interface InsertRun {
  tool: 'pgbench' | 'node-postgres';
  clients: number;
  seconds: number;
  /** Committed single-row insert transactions per second. */
  tps: number;
  latencyMsAvg: number | null;
}

export interface PostgresBaseline {
  /** What one transaction is: one INSERT of a ~1 KB row, committed on its own (autocommit). */
  statement: string;
  runs: InsertRun[];
  /** The best rate any run reached: the ceiling the services' write path is compared with. */
  bestTps: number;
  pgbench: string | null;
}

/** Bytes of the probe row's text: about a stored complaint or outbox row. */
const ROW_BYTES = 1000;

/**
 * Single-row insert transactions per second on the server and database the services use, at
 * the same settings (the services change no durability setting: synchronous_commit and fsync
 * are the server's). pgbench shows the server's own ceiling; node-postgres the same work through
 * the driver the services use.
 */
export async function postgresBaseline(
  ctx: BenchContext,
  o: { clients: number[]; seconds: number },
): Promise<PostgresBaseline> {
  const schema = await ctx.createSchema('pg');
  const table = `"${schema}".insert_probe`;
  await ctx.sql(`CREATE TABLE ${table} (
    id bigserial PRIMARY KEY, event_id uuid NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  const statement = `INSERT INTO ${table} (event_id, body) VALUES (gen_random_uuid(), repeat('x', ${ROW_BYTES}))`;
  const pgbench = findPgbench();
  const runs: InsertRun[] = [];
  for (const clients of o.clients) {
    if (pgbench) {
      await ctx.quiet(`postgres: pgbench, ${clients} clients`);
      ctx.log(`postgres: pgbench, ${clients} clients, ${o.seconds}s`);
      runs.push(await runPgbench(ctx, pgbench, statement, clients, o.seconds));
    }
    await ctx.quiet(`postgres: node-postgres, ${clients} clients`);
    ctx.log(`postgres: node-postgres, ${clients} clients, ${o.seconds}s`);
    runs.push(await runNodePostgres(ctx, table, clients, o.seconds));
  }
  return { statement, runs, bestTps: Math.max(...runs.map((r) => r.tps)), pgbench };
}

function findPgbench(): string | null {
  const candidates = ['/usr/lib/postgresql'].flatMap((dir) =>
    existsSync(dir) ? readdirSync(dir).map((v) => join(dir, v, 'bin/pgbench')) : [],
  );
  return candidates.find((p) => existsSync(p)) ?? null;
}

async function runPgbench(
  ctx: BenchContext,
  pgbench: string,
  statement: string,
  clients: number,
  seconds: number,
): Promise<InsertRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pgbench-'));
  const script = join(dir, 'insert.sql');
  writeFileSync(script, `${statement};\n`);
  const url = new URL(ctx.databaseUrl);
  try {
    const result = await runCommand(
      pgbench,
      [
        '-n',
        '-f',
        script,
        '-c',
        String(clients),
        '-j',
        String(Math.min(clients, 2)),
        '-T',
        String(seconds),
        '-h',
        url.hostname,
        '-p',
        url.port || '5432',
        '-U',
        decodeURIComponent(url.username || 'postgres'),
        url.pathname.slice(1),
      ],
      {
        timeoutMs: (seconds + 30) * 1000,
        env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
      },
    );
    if (result.code !== 0) throw new Error(`pgbench failed: ${result.stderr.trim()}`);
    return { tool: 'pgbench', clients, seconds, ...parsePgbench(result.stdout) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures pgbench prints at the end of a run. */
export function parsePgbench(stdout: string): { tps: number; latencyMsAvg: number | null } {
  const tps =
    /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout) ??
    /tps = ([\d.]+)/.exec(stdout);
  if (!tps) throw new Error(`no tps in pgbench output: ${stdout.slice(-300)}`);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout);
  return { tps: Number(tps[1]), latencyMsAvg: latency ? Number(latency[1]) : null };
}

async function runNodePostgres(
  ctx: BenchContext,
  table: string,
  clients: number,
  seconds: number,
): Promise<InsertRun> {
  const pool = new Pool({
    connectionString: ctx.databaseUrl,
    max: clients,
    application_name: 'bench-pg-baseline',
  });
  const body = 'x'.repeat(ROW_BYTES);
  const sql = `INSERT INTO ${table} (event_id, body) VALUES ($1, $2)`;
  try {
    // Connections first, as pgbench's "without initial connection time".
    await Promise.all(Array.from({ length: clients }, () => pool.query('SELECT 1')));
    const deadline = Date.now() + seconds * 1000;
    const started = process.hrtime.bigint();
    let done = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < deadline) {
          await pool.query(sql, [randomUUID(), body]);
          done++;
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      tool: 'node-postgres',
      clients,
      seconds,
      tps: done / elapsed,
      latencyMsAvg: (clients * elapsed * 1000) / done,
    };
  } finally {
    await pool.end();
  }
}
