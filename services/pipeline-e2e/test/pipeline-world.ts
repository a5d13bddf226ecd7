import { execFile } from 'child_process';
import { resolve } from 'path';
import { promisify } from 'util';
import { Client } from 'pg';
import { topicSpecs } from '@complaints/contracts';
import { PipelineUrls } from '@complaints/pipeline-client';
import {
  createTestTopics,
  dropTestSchema,
  nodeArgs,
  freePort,
  ServiceProcess,
  testInfra,
  uniqueName,
} from '@complaints/testing';

export const SERVICES = [
  'intake',
  'classification',
  'investigation',
  'feedback',
  'archiving',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The five services as separate processes on the real broker and database, under one test prefix. */
export interface PipelineWorld {
  brokers: string[];
  prefix: string;
  processes: Record<ServiceName, ServiceProcess>;
  urls: PipelineUrls;
  /** An intake API key (read and write) of the calling system `e2e-caller`. */
  apiKey: string;
  /** Services started beyond the five (`PipelineOptions.extraServices`), by name. */
  extra: Record<string, ServiceProcess>;
  /** Each service's private schema, by name (the five and the extra ones). */
  schemas: Record<string, string>;
  /** Intake API keys of the further calling systems (`PipelineOptions.callerSystems`). */
  callerKeys: Record<string, string>;
  databaseUrl: string;
  /** Each service's port (the five and the extra ones), by name: chosen before any starts. */
  ports: Record<string, number>;
  close(): Promise<void>;
}

export interface PipelineOptions {
  /** More services to run as processes after the five, on their own schemas (e.g. `deadlines`). */
  extraServices?: readonly string[];
  /** Environment added to every process (the five and the extra ones). */
  env?: Record<string, string>;
  /** Further calling systems to make intake keys for, besides `e2e-caller`. */
  callerSystems?: readonly string[];
  /**
   * Environment for single services computed from every service's port (chosen before any
   * starts), by service name: settings that name a service's own address, such as feedback's
   * SMS_CALLBACK_URL or ANSWER_LINK_BASE_URL. Applied after `env`.
   */
  serviceEnv?: (ports: Record<string, number>) => Partial<Record<string, Record<string, string>>>;
}

const ROOT = resolve(__dirname, '../../..');

/** A key made as an operator makes one: `npm run intake:key -- create`, on intake's schema. */
async function createIntakeKey(
  databaseUrl: string,
  schema: string,
  system: string,
): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      ...(await nodeArgs('services/intake/src/cli/intake-key.cli.ts', ROOT)),
      'create',
      '--system',
      system,
      '--scopes',
      'complaints:write,complaints:read,feedback:write',
      '--json',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema },
      timeout: 180_000,
    },
  );
  return (JSON.parse(stdout) as { key: string }).key;
}

export async function startPipeline(options: PipelineOptions = {}): Promise<PipelineWorld> {
  const { brokers, databaseUrl } = await testInfra();
  const prefix = `${uniqueName('e2e')}.`;
  const topics = await createTestTopics(
    brokers,
    topicSpecs(prefix).map((t) => t.name),
    3,
  );
  const schemas: string[] = [];
  const schemaOf = {} as Record<ServiceName, string> & Record<string, string>;
  const processes = {} as Record<ServiceName, ServiceProcess>;
  const extra: Record<string, ServiceProcess> = {};
  const extraNames = options.extraServices ?? [];
  const ports: Record<string, number> = {};
  for (const name of [...SERVICES, ...extraNames]) {
    let port = await freePort();
    while (Object.values(ports).includes(port)) port = await freePort();
    ports[name] = port;
  }
  const serviceEnv = options.serviceEnv?.(ports) ?? {};
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    for (const name of [...SERVICES, ...extraNames]) {
      const schema = uniqueName(`e2e_${name}`);
      await admin.query(`CREATE SCHEMA "${schema}"`);
      schemas.push(schema);
      schemaOf[name] = schema;
      const service = new ServiceProcess({
        name,
        env: {
          DATABASE_URL: databaseUrl,
          DATABASE_SCHEMA: schema,
          DATABASE_POOL_SIZE: '4',
          KAFKA_BROKERS: brokers.join(','),
          TOPIC_PREFIX: prefix,
          LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
          CLOSE_SWEEP_INTERVAL_MS: '500',
          KAFKA_SESSION_TIMEOUT_MS: '6000',
          PSEUDONYM_KEY: 'e2e-test-pseudonym-key-not-a-secret-0123456789',
          // The suite polls 50 complaints' status at once; intake's per-key limit is not under test here.
          RATE_LIMIT_PER_MINUTE: '1000000',
          ...options.env,
          ...serviceEnv[name],
        },
        port: ports[name],
      });
      if ((SERVICES as readonly string[]).includes(name)) processes[name as ServiceName] = service;
      else extra[name] = service;
    }
  } finally {
    await admin.end();
  }
  // One at a time: five cold starts at once on two cores take longer than in sequence.
  for (const name of SERVICES) await processes[name].start();
  for (const name of extraNames) await extra[name].start();
  const urls = Object.fromEntries(
    SERVICES.map((n) => [n, processes[n].baseUrl]),
  ) as unknown as PipelineUrls;
  const apiKey = await createIntakeKey(databaseUrl, schemaOf.intake, 'e2e-caller');
  const callerKeys: Record<string, string> = {};
  for (const system of options.callerSystems ?? [])
    callerKeys[system] = await createIntakeKey(databaseUrl, schemaOf.intake, system);
  return {
    brokers,
    prefix,
    processes,
    urls,
    apiKey,
    extra,
    schemas: { ...schemaOf },
    callerKeys,
    databaseUrl,
    ports,
    close: async () => {
      await Promise.all([
        ...SERVICES.map((n) => processes[n].stop()),
        ...Object.values(extra).map((p) => p.stop()),
      ]);
      await topics.remove();
      for (const schema of schemas) await dropTestSchema(databaseUrl, schema);
    },
  };
}
