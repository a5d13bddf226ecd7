import { execFile } from 'child_process';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { freePort } from './free-port';

const run = promisify(execFile);

/** Where Debian/Ubuntu install PostgreSQL 15's server programs; PG_BIN_DIR points elsewhere. */
const DEFAULT_BIN_DIR = '/usr/lib/postgresql/15/bin';
/** ms any one initdb / pg_ctl call may take before it is given up. */
const COMMAND_TIMEOUT_MS = 90_000;
/** s pg_ctl waits for the server to start or stop (-t). */
const PG_CTL_WAIT_S = 60;
/** The OS user that owns the cluster when we run as root (PostgreSQL refuses to run as root). */
const OS_USER = 'postgres';

/**
 * A PostgreSQL cluster of one run's own: initdb into a temporary folder, a free port on
 * 127.0.0.1, trust authentication, started and stopped with pg_ctl. For tests and the fault
 * suite that stop, restart or kill a database server; the shared server on 5432 is never
 * touched. As root, every command runs as the `postgres` OS user, which owns the folder.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    /** the temporary folder: data/, the server log and the socket directory */
    readonly dir: string,
    private readonly binDir: string,
  ) {}

  /** initdb and start (a few seconds). */
  static async start(label: string): Promise<PrivatePostgres> {
    const port = await freePort();
    const safe = label.replace(/[^a-z0-9-]/gi, '-');
    const dir = await mkdtemp(join(tmpdir(), `postgres-${safe}-`));
    const pg = new PrivatePostgres(port, dir, process.env['PG_BIN_DIR'] || DEFAULT_BIN_DIR);
    try {
      await pg.init();
      await pg.start();
    } catch (err) {
      await pg.destroy().catch(() => undefined);
      throw err;
    }
    return pg;
  }

  /** Superuser URL of `database` (default `postgres`). */
  url(database = 'postgres', user = 'postgres'): string {
    return `postgres://${encodeURIComponent(user)}@127.0.0.1:${this.port}/${encodeURIComponent(database)}`;
  }

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  get logFile(): string {
    return join(this.dir, 'server.log');
  }

  /** Starts the server (again) on the same port and data; waits until it accepts connections. */
  async start(): Promise<void> {
    await this.pgCtl(['start', '-l', this.logFile]);
  }

  /** fast: rolls back open transactions and disconnects; immediate: no checkpoint, recovery at next start. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.pgCtl(['stop', '-m', mode]);
  }

  /** pg_ctl restart -m fast: every connection is dropped, the server is back when this resolves. */
  async restart(): Promise<void> {
    await this.pgCtl(['restart', '-m', 'fast', '-l', this.logFile]);
  }

  /**
   * SIGKILL of the postmaster and every backend, as a crash does; the next start() runs crash
   * recovery. Backends are found before the postmaster dies (afterwards they are no longer
   * its children) and killed with it, else they would keep its shared memory and block start.
   */
  async kill(): Promise<void> {
    const pid = await this.postmasterPid();
    if (pid === undefined) return;
    const pids = [pid, ...(await childrenOf(pid))];
    for (const p of pids) signal(p, 'SIGKILL');
    const deadline = Date.now() + 10_000;
    while (pids.some(alive) && Date.now() < deadline) await sleep(100);
  }

  /** Whether the postmaster is running. */
  async running(): Promise<boolean> {
    const pid = await this.postmasterPid();
    return pid !== undefined && alive(pid);
  }

  /** Stops the server (immediate, then SIGKILL if needed) and deletes the folder. */
  async destroy(): Promise<void> {
    if (await this.running()) {
      await this.stop('immediate').catch(() => this.kill());
      await this.kill().catch(() => undefined);
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  /** The last lines of the server log, for a failure message. */
  async recentLog(lines = 40): Promise<string> {
    const text = await readFile(this.logFile, 'utf8').catch(() => '');
    return text.split('\n').slice(-lines).join('\n');
  }

  private async init(): Promise<void> {
    if (isRoot()) await run('chown', ['-R', `${OS_USER}:${OS_USER}`, this.dir]);
    await this.asOwner('initdb', [
      '-D',
      this.dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-instructions',
    ]);
    // Loopback only, our own socket folder (never /var/run/postgresql, which the shared
    // server uses), and room for five services' pools plus the harness.
    const settings = [
      `port = ${this.port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${this.dir}'`,
      'max_connections = 200',
      'shared_buffers = 64MB',
      'logging_collector = off',
    ];
    await appendFile(join(this.dataDir, 'postgresql.conf'), `\n${settings.join('\n')}\n`);
  }

  private async pgCtl(args: string[]): Promise<void> {
    await this.asOwner('pg_ctl', ['-D', this.dataDir, '-w', '-t', String(PG_CTL_WAIT_S), ...args]);
  }

  private async asOwner(program: string, args: string[]): Promise<void> {
    const bin = join(this.binDir, program);
    const [cmd, argv] = isRoot() ? ['runuser', ['-u', OS_USER, '--', bin, ...args]] : [bin, args];
    try {
      // The server itself writes to logFile (pg_ctl -l), so it never holds these pipes open.
      await run(cmd, argv, { cwd: this.dir, timeout: COMMAND_TIMEOUT_MS, killSignal: 'SIGKILL' });
    } catch (err) {
      const e = err as { stderr?: string; stdout?: string; message: string };
      throw new Error(
        `${program} ${args[args.length - 1] ?? ''} failed: ${e.stderr || e.stdout || e.message}\n${await this.recentLog(15)}`,
      );
    }
  }

  private async postmasterPid(): Promise<number | undefined> {
    const text = await readFile(join(this.dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
    const pid = Number(text.split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Direct children of `pid`, read from /proc (Linux). */
async function childrenOf(pid: number): Promise<number[]> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  const out: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) out.push(Number(entry));
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
