import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { Clock, loadConfig } from '@complaints/platform';
import { serviceTestEnv, ServiceTestEnv } from '@complaints/testing';
import { ApiKeyService, CreatedApiKey } from '../../src/api-keys/api-key.service';
import type { Scope } from '../../src/api-keys/api-key.scopes';
import { IntakeConfig } from '../../src/config/intake.config';
import { createIntakeApp } from '../../src/intake-app.factory';

export interface IntakeTestApp {
  env: ServiceTestEnv;
  app: NestFastifyApplication;
  config: IntakeConfig;
  db: DataSource;
  /** A key for a calling system, as `npm run intake:key -- create` makes one. */
  newKey(system: string, scopes?: Scope[]): Promise<CreatedApiKey>;
  /** POSTs a complaint as JSON with the key. */
  submit(
    body: unknown,
    key: string,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string, key: string): Promise<LightMyRequestResponse>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Rows in the complaint table and the outbox: what a refused request must not add to. */
  counts(): Promise<{ complaints: number; outbox: number; idempotency: number }>;
  close(): Promise<void>;
}

/** Intake in-process on its own schema and topics of the real infrastructure. */
export async function startIntake(
  label: string,
  overrides: Record<string, string> = {},
  clock?: Clock,
  envOverride?: (env: ServiceTestEnv) => ServiceTestEnv | Promise<ServiceTestEnv>,
): Promise<IntakeTestApp> {
  let env = await serviceTestEnv(label);
  if (envOverride) env = await envOverride(env);
  const config = loadConfig(IntakeConfig, {
    ...env.env,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
  const app = await createIntakeApp(config, clock);
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(DataSource);
  const keys = app.get(ApiKeyService);
  const inject = (options: InjectOptions): Promise<LightMyRequestResponse> => app.inject(options);
  return {
    env,
    app,
    config,
    db,
    newKey: (system, scopes = ['complaints:write', 'complaints:read']) =>
      keys.create(system, scopes),
    submit: (body, key, headers = {}) =>
      inject({
        method: 'POST',
        url: '/v1/complaints',
        payload: JSON.stringify(body),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
      }),
    get: (url, key) => inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } }),
    inject,
    counts: async () => {
      const [row] = await db.query(
        `SELECT (SELECT count(*) FROM complaint)::int AS complaints,
                (SELECT count(*) FROM outbox_message)::int AS outbox,
                (SELECT count(*) FROM idempotency_record)::int AS idempotency`,
      );
      return row;
    },
    close: async () => {
      await app.close();
      await env.cleanup();
    },
  };
}
