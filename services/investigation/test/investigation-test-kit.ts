import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AnyEventEnvelope, TOPICS, validateEnvelope } from '@complaints/contracts';
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
import { InvestigationConfig } from '../src/config/investigation.config';
import { createInvestigationApp } from '../src/investigation-app.factory';

/** ms; the machine is shared with other suites, so waits are generous. */
export const WAIT_MS = 45_000;
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface CaseView {
  caseId: string;
  complaintId: string;
  department: string;
  routedDepartment: string;
  handlerId: string;
  status: string;
  round: number;
  category: string;
  subcategory: string;
  greenChannel: boolean;
  decisionDueAt: string;
  reopenCount: number;
  decidedAt?: string;
  complaint?: unknown;
  notes: { author: string; body: string }[];
  decisions: { round: number; outcome: string; decidedBy: string }[];
}

/** The app on its own schema and topics, trusting the tests' Keycloak, with requests as people. */
export interface InvestigationUnderTest {
  env: ServiceTestEnv;
  app: NestFastifyApplication;
  identity: TestIdentity;
  /** A request as a demo user (a real access token); `undefined` user: no token. */
  as(
    user: string | undefined,
    method: 'GET' | 'POST',
    url: string,
    body?: object,
  ): ReturnType<NestFastifyApplication['inject']>;
  /** The case as an officer sees it, once it exists and `until` holds. */
  caseOf(complaintId: string, until?: (c: CaseView) => boolean): Promise<CaseView>;
  /** Events of one topic of this run matching `match`, once at least `count` arrived. */
  events(
    topic: string,
    match: (e: AnyEventEnvelope) => boolean,
    count?: number,
  ): Promise<AnyEventEnvelope[]>;
  close(): Promise<void>;
}

export async function investigationUnderTest(
  label: string,
  clock: ManualClock,
): Promise<InvestigationUnderTest> {
  const identity = await testIdentity();
  const env = await serviceTestEnv(label);
  const config = loadConfig(InvestigationConfig, { ...env.env, OIDC_ISSUER: identity.issuer });
  const app = await createInvestigationApp(config, clock);
  await app.getHttpAdapter().getInstance().ready();
  const tokens = new Map<string, Promise<string>>();
  const token = (user: string) => {
    if (!tokens.has(user)) tokens.set(user, identity.token(user));
    return tokens.get(user) as Promise<string>;
  };
  const as: InvestigationUnderTest['as'] = async (user, method, url, body) =>
    app.inject({
      method,
      url,
      headers: {
        ...(user ? { authorization: `Bearer ${await token(user)}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { payload: body } : {}),
    });
  const caseOf: InvestigationUnderTest['caseOf'] = (complaintId, until = () => true) =>
    waitFor<CaseView>(
      `the case of ${complaintId}`,
      async () => {
        const res = await as('officer', 'GET', `/v1/cases/${complaintId}`);
        return res.statusCode === 200 && until(res.json()) ? (res.json() as CaseView) : undefined;
      },
      WAIT_MS,
    );
  const events: InvestigationUnderTest['events'] = async (topic, match, count = 1) => {
    const parse = (value: string | null): AnyEventEnvelope | undefined => {
      const result = validateEnvelope(JSON.parse(value ?? '{}'), 'produce');
      return result.ok ? result.envelope : undefined;
    };
    const matching = (m: { value: string | null }[]) =>
      m.map((x) => parse(x.value)).filter((e): e is AnyEventEnvelope => !!e && match(e));
    const messages = await readTopics(
      env.brokers,
      [env.prefix + topic],
      (m) => matching(m).length >= count,
      WAIT_MS,
    );
    return matching(messages);
  };
  return {
    env,
    app,
    identity,
    as,
    caseOf,
    events,
    close: async () => {
      await app.close();
      await env.cleanup();
    },
  };
}

/** The demo user's fixed subject (`sub`), as audit entries carry it. */
export function subjectOf(identity: TestIdentity, username: string): string {
  const user = identity.users.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.subject;
}

export const ASSIGNED = TOPICS.assigned;
export const AUDIT = TOPICS.audit;

export function aDecision(overrides: Record<string, unknown> = {}) {
  return {
    outcome: 'partially_upheld',
    summary: 'The claim was complete on 3 January; payment waited on an approval step.',
    rootCause: 'Approval step had no deadline',
    remedy: 'Claim paid with interest for the delay',
    compensation: { amountMinor: 20_000, currency: 'CNY' },
    ...overrides,
  };
}
