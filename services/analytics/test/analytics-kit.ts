import { execFile } from 'child_process';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { resolve } from 'path';
import { DataSource } from 'typeorm';
import { promisify } from 'util';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@complaints/contracts';
import { loadConfig } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import {
  nodeArgs,
  ServiceTestEnv,
  serviceTestEnv,
  TestIdentity,
  testIdentity,
  waitFor,
} from '@complaints/testing';
import { createAnalyticsApp } from '../src/analytics-app.factory';
import { AnalyticsConfig } from '../src/config/analytics.config';
import { READ_MODELS_GROUP } from '../src/read-models/archived.consumer';

const ROOT = resolve(__dirname, '../../..');

/** People's GETs and PUTs with the realm's demo users' tokens, fetched again after a minute. */
export function asPeople(app: NestFastifyApplication, identity: TestIdentity) {
  const tokens = new Map<string, { token: string; at: number }>();
  const tokenOf = async (username: string): Promise<string> => {
    const cached = tokens.get(username);
    if (cached && Date.now() - cached.at < 60_000) return cached.token;
    const token = await identity.token(username);
    tokens.set(username, { token, at: Date.now() });
    return token;
  };
  return {
    get: async (url: string, username = 'analyst') =>
      app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${await tokenOf(username)}` },
      }),
    post: async (url: string, body: unknown, username = 'analyst') =>
      app.inject({
        method: 'POST',
        url,
        headers: {
          authorization: `Bearer ${await tokenOf(username)}`,
          'content-type': 'application/json',
        },
        payload: JSON.stringify(body),
      }),
    put: async (url: string, body: unknown, username = 'analyst') =>
      app.inject({
        method: 'PUT',
        url,
        headers: {
          authorization: `Bearer ${await tokenOf(username)}`,
          'content-type': 'application/json',
        },
        payload: JSON.stringify(body),
      }),
  };
}

export interface AnalyticsWorld {
  env: ServiceTestEnv;
  app: NestFastifyApplication;
  identity: TestIdentity;
  people: ReturnType<typeof asPeople>;
}

/**
 * An analytics app on its own schema and topics, trusting the test realm, its clock at `now`,
 * with `events` published on the archived topic and read into `complaints` complaints.
 */
export async function startAnalytics(
  name: string,
  now: string,
  events: Parameters<ServiceTestEnv['publish']>,
  complaints: number,
): Promise<AnalyticsWorld> {
  const identity = await testIdentity();
  const env = await serviceTestEnv(name);
  const config = loadConfig(AnalyticsConfig, { ...env.env, OIDC_ISSUER: identity.issuer });
  const app = await createAnalyticsApp(config, new ManualClock(now));
  await app.getHttpAdapter().getInstance().ready();
  await env.publish(...events);
  await untilComplaints(app, complaints);
  return { env, app, identity, people: asPeople(app, identity) };
}

/** Waits until the read models hold `n` complaints. */
export async function untilComplaints(app: NestFastifyApplication, n: number): Promise<void> {
  const ds = app.get(DataSource);
  await waitFor(
    `the read models to hold ${n} complaints`,
    async () => {
      const [{ count }] = (await ds.query(`SELECT count(*)::int AS count FROM complaint_fact`)) as {
        count: number;
      }[];
      return count === n;
    },
    90_000,
    100,
  );
}

/** `npm run analytics:rebuild` as an operator runs it, against the test's schema and topics. */
export async function runRebuild(env: Record<string, string>): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    await nodeArgs('services/analytics/src/cli/rebuild.cli.ts', ROOT),
    { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, timeout: 120_000 },
  );
  return stdout.trim().split('\n');
}

/** Waits until the read models' consumer group has committed every archived record published. */
export async function untilConsumed(env: ServiceTestEnv): Promise<void> {
  const kafka = new Kafka({
    clientId: 'analytics-test',
    brokers: env.brokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const topic = env.prefix + TOPICS.archived;
  try {
    await waitFor(
      'the read models to consume every archived record',
      async () => {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({
          groupId: `${env.prefix}analytics.${READ_MODELS_GROUP}`,
          topics: [topic],
        });
        const at = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
        return ends.every((e) => Number(e.high) === 0 || at.get(e.partition) === Number(e.high));
      },
      90_000,
      200,
    );
  } finally {
    await admin.disconnect();
  }
}
