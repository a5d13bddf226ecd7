import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';

export interface TestInfra {
  /** host:port list */
  brokers: string[];
  /** A database the tests may create schemas in, as a role that may create them. */
  databaseUrl: string;
}

/** Written by `npm run infra:up`: the same variables, for tests run outside `npm test`. */
const INFRA_ENV_FILE = resolve(__dirname, '../../../.data/infra.env');

const HOW_TO_START =
  'Tests need a real Kafka broker and PostgreSQL. Start them with `npm run infra:up` ' +
  '(or run everything with `npm test`), or set KAFKA_BROKERS and DATABASE_URL to running ones, ' +
  'or make a Docker engine reachable so testcontainers can start them.';

let cached: Promise<TestInfra> | undefined;

/**
 * Where the tests' Kafka and PostgreSQL are: KAFKA_BROKERS and DATABASE_URL when set (CI and
 * `npm test` set them); else the ones `npm run infra:up` recorded; else containers started by
 * testcontainers where a Docker engine answers; else a clear failure naming the command.
 */
export function testInfra(): Promise<TestInfra> {
  cached ??= resolveInfra();
  return cached;
}

async function resolveInfra(): Promise<TestInfra> {
  const fromEnv = readVars(process.env);
  if (fromEnv) return fromEnv;
  if (existsSync(INFRA_ENV_FILE)) {
    const fromFile = readVars(parseEnvFile(readFileSync(INFRA_ENV_FILE, 'utf8')));
    if (fromFile) return fromFile;
  }
  return startContainers();
}

function readVars(vars: NodeJS.ProcessEnv | Record<string, string>): TestInfra | undefined {
  const brokers = vars['KAFKA_BROKERS'];
  const databaseUrl = vars['DATABASE_URL'];
  if (!brokers || !databaseUrl) return undefined;
  return {
    brokers: brokers
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    databaseUrl,
  };
}

function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) vars[m[1]] = m[2].trim().replace(/^['"]|['"]$/g, '');
  }
  return vars;
}

async function startContainers(): Promise<TestInfra> {
  let runtimeReachable = false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    runtimeReachable = true;
  } catch {
    runtimeReachable = false;
  }
  if (!runtimeReachable) throw new Error(HOW_TO_START);
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafka, pg] = await Promise.all([
    new KafkaContainer('apache/kafka:4.1.1').withKraft().start(),
    new PostgreSqlContainer('postgres:15').withDatabase('complaints').start(),
  ]);
  return {
    brokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
    databaseUrl: pg.getConnectionUri(),
  };
}
