import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AnyEventEnvelope, validateEnvelope } from '@complaints/contracts';
import { loadConfig } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import {
  readTopics,
  ServiceTestEnv,
  serviceTestEnv,
  testIdentity,
  TestIdentity,
  waitFor,
} from '@complaints/testing';
import { DeadlinesConfig } from '../src/config/deadlines.config';
import { createDeadlinesApp } from '../src/deadlines-app.factory';
import { replayClocks, ReplayReport } from '../src/replay/clock-replay';
import { DeadlineSweep, SweepResult } from '../src/signals/deadline-sweep.service';

/** ms; the machine is shared with other suites, so waits are generous. */
export const WAIT_MS = 45_000;
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface ClockView {
  id: string;
  kind: string;
  dueAt?: string;
  status: string;
  periodDays: number;
  pausedMs: number;
  breached: boolean;
  extensions: { requestId: string; status: string; refusal?: string }[];
  pauses: { kind: string; from: string; to?: string }[];
}
export interface ClocksView {
  complaintId: string;
  policy: string;
  state: string;
  department: string;
  clocks: ClockView[];
  ignored: { code: string }[];
}

export interface DeadlinesUnderTest {
  env: ServiceTestEnv;
  app: NestFastifyApplication;
  identity: TestIdentity;
  clock: ManualClock;
  as(user: string | undefined, url: string): ReturnType<NestFastifyApplication['inject']>;
  /** The complaint's clocks once `until` holds (events arrive through Kafka). */
  clocksOf(complaintId: string, until?: (c: ClocksView) => boolean): Promise<ClocksView>;
  sweep(): Promise<SweepResult>;
  /** Events of one topic of this run matching `match`, once `count` arrived; with `settleMs`, all that arrive within it. */
  events(
    topic: string,
    match: (e: AnyEventEnvelope) => boolean,
    count?: number,
    settleMs?: number,
  ): Promise<AnyEventEnvelope[]>;
  replay(): Promise<ReplayReport>;
  close(): Promise<void>;
}

export async function deadlinesUnderTest(
  label: string,
  clock: ManualClock,
  extraEnv: Record<string, string> = {},
): Promise<DeadlinesUnderTest> {
  const identity = await testIdentity();
  const env = await serviceTestEnv(label);
  const config = loadConfig(DeadlinesConfig, {
    ...env.env,
    OIDC_ISSUER: identity.issuer,
    DEADLINES_SWEEP_INTERVAL_MS: '0',
    ...extraEnv,
  });
  const app = await createDeadlinesApp(config, clock);
  await app.getHttpAdapter().getInstance().ready();
  const tokens = new Map<string, Promise<string>>();
  const token = (user: string) => {
    if (!tokens.has(user)) tokens.set(user, identity.token(user));
    return tokens.get(user) as Promise<string>;
  };
  const as: DeadlinesUnderTest['as'] = async (user, url) =>
    app.inject({
      method: 'GET',
      url,
      headers: user ? { authorization: `Bearer ${await token(user)}` } : {},
    });
  const clocksOf: DeadlinesUnderTest['clocksOf'] = (complaintId, until = () => true) =>
    waitFor<ClocksView>(
      `the clocks of ${complaintId}`,
      async () => {
        const res = await as('officer', `/v1/deadlines/${complaintId}`);
        return res.statusCode === 200 && until(res.json()) ? (res.json() as ClocksView) : undefined;
      },
      WAIT_MS,
    );
  const events: DeadlinesUnderTest['events'] = async (topic, match, count = 1, settleMs) => {
    const parse = (value: string | null) => {
      const r = validateEnvelope(JSON.parse(value ?? '{}'));
      return r.ok ? r.envelope : undefined;
    };
    const matching = (m: { value: string | null }[]) =>
      m.map((x) => parse(x.value)).filter((e): e is AnyEventEnvelope => !!e && match(e));
    // With settleMs: read until more than `count` arrived or settleMs passed (to prove no extra).
    const enough = (m: { value: string | null }[]) =>
      settleMs === undefined ? matching(m).length >= count : matching(m).length > count;
    const messages = await readTopics(
      env.brokers,
      [env.prefix + topic],
      enough,
      settleMs ?? WAIT_MS,
    );
    return matching(messages);
  };
  const dataSource = app.get(DataSource);
  return {
    env,
    app,
    identity,
    clock,
    as,
    clocksOf,
    sweep: () => app.get(DeadlineSweep).run(),
    events,
    replay: () =>
      replayClocks({
        brokers: env.brokers,
        topicPrefix: env.prefix,
        timeZone: config.DEADLINES_TIME_ZONE,
        query: (sql, params) => dataSource.query(sql, params),
      }),
    close: async () => {
      await app.close();
      await env.cleanup();
    },
  };
}

export function personOf(
  identity: TestIdentity,
  username: string,
  roles: string[],
  department?: string,
) {
  const user = identity.users.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return { subject: user.subject, username, roles, ...(department ? { department } : {}) };
}
