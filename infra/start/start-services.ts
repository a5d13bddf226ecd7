/**
 * `npm start`: runs every service of the pipeline against the infrastructure infra:up made
 * ready, each logged in as its own database role, and stops them all on Ctrl-C.
 * Logs go to .data/logs/<service>.log; the terminal shows where each listens and whether it
 * became ready.
 */
import { ChildProcess, execFile, spawn } from 'child_process';
import { createHmac, randomBytes } from 'crypto';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'fs';
import { resolve } from 'path';
import { promisify } from 'util';
import { SERVICE_DATABASES, COMPLAINTS_DATABASE, serviceDatabase } from '../postgres/services';
import { spawnPrometheus } from '../prometheus/prometheus-process';
import { configuredIssuer, nodeArgs } from '@complaints/testing';

const root = resolve(__dirname, '../..');
const logDir = resolve(root, '.data/logs');
const host = process.env['HOST'] ?? '127.0.0.1';
const pgHost = process.env['PGHOST'] ?? '127.0.0.1';
const pgPort = process.env['PGPORT'] ?? '5432';
const brokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
/** Prometheus (Debian's package; start.sh installs it when missing) scraping every service. */
const PROMETHEUS_PORT = Number(process.env['PROMETHEUS_PORT'] ?? '9090');
const PROMETHEUS_URL = `http://${host}:${PROMETHEUS_PORT}`;
/** ms a service may take to answer /health/ready after its start. */
const READY_TIMEOUT_MS = 90_000;

interface Running {
  service: string;
  port: number;
  child: ChildProcess;
}

/**
 * The archive's pseudonymisation key: PSEUDONYM_KEY when set, else one made for this checkout
 * on first start and kept in .data/ (owner-only), so pseudonyms stay stable across restarts.
 */
function pseudonymKey(): string {
  const fromEnv = process.env['PSEUDONYM_KEY'];
  if (fromEnv) return fromEnv;
  const file = resolve(root, '.data/pseudonym.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * Intake's repeat-matching key: REPEAT_KEY when set, else derived from the pseudonym key under
 * its own label (HMAC), so the two secrets are never the same string.
 */
function repeatKey(pseudonym: string): string {
  return (
    process.env['REPEAT_KEY'] ?? createHmac('sha256', pseudonym).update('repeat-key').digest('hex')
  );
}

/** `npm run demo` reads its intake API key from here (owner-only, like the pseudonym key). */
const DEMO_KEY_FILE = resolve(root, '.data/intake-demo.key');

function databaseUrl(service: string): string {
  const db = serviceDatabase(service);
  const password = process.env[db.passwordEnv] ?? db.role;
  return `postgres://${db.role}:${encodeURIComponent(password)}@${pgHost}:${pgPort}/${COMPLAINTS_DATABASE}`;
}

/**
 * Makes sure the demo has a working intake API key: the one kept in .data/ when intake still
 * accepts it, else a new one for the system `demo`, made with the same command line an
 * operator uses (`npm run intake:key`).
 */
async function ensureDemoKey(intakeUrl: string): Promise<void> {
  if (existsSync(DEMO_KEY_FILE)) {
    const key = readFileSync(DEMO_KEY_FILE, 'utf8').trim();
    const check = await fetch(`${intakeUrl}/v1/complaints?externalReference=key-check`, {
      headers: { authorization: `Bearer ${key}` },
    }).catch(() => undefined);
    // 404: the key was accepted and no such complaint exists.
    if (check?.status === 404) return;
  }
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      ...(await nodeArgs('services/intake/src/cli/intake-key.cli.ts', root)),
      'create',
      '--system',
      'demo',
      '--scopes',
      'complaints:write,complaints:read,feedback:write',
      '--json',
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl('intake') } },
  );
  writeFileSync(DEMO_KEY_FILE, `${(JSON.parse(stdout) as { key: string }).key}\n`, { mode: 0o600 });
  chmodSync(DEMO_KEY_FILE, 0o600);
}

async function main(): Promise<void> {
  mkdirSync(logDir, { recursive: true });
  const key = pseudonymKey();
  const running: Running[] = [];
  // Before the first await: an exit handler below may read it while later services start.
  let stopping = false;
  for (const db of SERVICE_DATABASES) {
    const entry = `services/${db.service}/src/main.ts`;
    if (!existsSync(resolve(root, entry))) continue;
    const log = createWriteStream(resolve(logDir, `${db.service}.log`), { flags: 'a' });
    // Compiled, from dist/ (start.sh built it; SERVICE_RUNTIME=ts runs the sources instead).
    const child = spawn(process.execPath, await nodeArgs(entry, root), {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(db.port),
        HOST: host,
        DATABASE_URL: databaseUrl(db.service),
        KAFKA_BROKERS: brokers,
        PSEUDONYM_KEY: key,
        REPEAT_KEY: repeatKey(key),
        OIDC_ISSUER: configuredIssuer(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    child.on('exit', (code, signal) => {
      if (!stopping)
        console.log(`${db.service} exited (${signal ?? code}); see .data/logs/${db.service}.log`);
    });
    running.push({ service: db.service, port: db.port, child });
  }
  running.push(await startWorkbench());
  const started = running.filter((r) => r.service !== 'workbench');
  running.push(startPrometheus(started));

  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping services (each finishes its in-flight work)...');
    await Promise.all(
      running.map(
        (r) =>
          new Promise<void>((done) => {
            if (r.child.exitCode !== null) return done();
            r.child.once('exit', () => done());
            r.child.kill('SIGTERM');
            setTimeout(() => r.child.kill('SIGKILL'), 20_000).unref();
          }),
      ),
    );
    console.log('stopped. Kafka keeps running: `npm run infra:down` stops it.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  await Promise.all(running.map((r) => waitReady(r)));
  console.log('\nThe complaint pipeline is running (Ctrl-C stops it):');
  for (const r of running.filter((r) => r.service !== 'workbench' && r.service !== 'prometheus')) {
    console.log(
      `  ${r.service.padEnd(15)} http://${host}:${r.port}   docs http://${host}:${r.port}/docs`,
    );
  }
  console.log(
    `  workbench       http://${host}:${WORKBENCH_PORT}   (sign in as a demo user, password "demo")`,
  );
  console.log(`  prometheus      ${PROMETHEUS_URL}   (alerts ${PROMETHEUS_URL}/alerts)`);
  console.log(`  logs            ${logDir}/<service>.log`);
  const intake = running.find((r) => r.service === 'intake');
  if (intake && intake.child.exitCode === null) {
    await ensureDemoKey(`http://${host}:${intake.port}`).then(
      () => console.log(`  demo API key    ${DEMO_KEY_FILE} (calling system "demo")`),
      (err: unknown) =>
        console.log(
          `could not make the demo's intake API key: ${err instanceof Error ? err.message : err}`,
        ),
    );
  }
  console.log(
    'Intake needs an API key per calling system: npm run intake:key -- create --system NAME',
  );
  console.log(`  sign-in         ${configuredIssuer()} (Keycloak; demo users, password "demo")`);
  console.log('People need an access token: npm run auth:token -- --list, then -- USER');
  console.log('Try it: npm run demo');
}

/** The workbench's port: the realm's `workbench` client redirects only to port 3000. */
const WORKBENCH_PORT = 3000;

/** The web workbench (built by start.sh), forwarding to the services started above. */
async function startWorkbench(): Promise<Running> {
  const log = createWriteStream(resolve(logDir, 'workbench.log'), { flags: 'a' });
  const urls = Object.fromEntries(
    SERVICE_DATABASES.map((db) => [`${db.service.toUpperCase()}_URL`, `http://${host}:${db.port}`]),
  );
  const child = spawn(process.execPath, await nodeArgs('services/workbench/src/main.ts', root), {
    cwd: root,
    env: {
      ...process.env,
      ...urls,
      PORT: String(WORKBENCH_PORT),
      HOST: host,
      OIDC_ISSUER: configuredIssuer(),
      PROMETHEUS_URL,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return { service: 'workbench', port: WORKBENCH_PORT, child };
}

/** Prometheus scraping the services started above every 15 s, data in .data/prometheus. */
function startPrometheus(services: Running[]): Running {
  const log = createWriteStream(resolve(logDir, 'prometheus.log'), { flags: 'a' });
  const child = spawnPrometheus({
    targets: services.map((r) => ({ service: r.service, address: `${host}:${r.port}` })),
    intervalSeconds: 15,
    dataDir: resolve(root, '.data/prometheus'),
    port: PROMETHEUS_PORT,
    host,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.on('error', (err) => console.log(`prometheus did not start: ${err.message}`));
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM')
      console.log(`prometheus exited (${signal ?? code}); see .data/logs/prometheus.log`);
  });
  return { service: 'prometheus', port: PROMETHEUS_PORT, child };
}

async function waitReady(r: Running): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const path = r.service === 'prometheus' ? '/-/ready' : '/health/ready';
  while (Date.now() < deadline) {
    if (r.child.exitCode !== null) return;
    try {
      const res = await fetch(`http://${host}:${r.port}${path}`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  console.log(
    `${r.service} is not ready after ${READY_TIMEOUT_MS / 1000}s; see .data/logs/${r.service}.log`,
  );
}

void main();
