import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import { ServiceTestEnv, serviceTestEnv, TestIdentity, testIdentity } from '@complaints/testing';
import { createAnalyticsApp } from '../src/analytics-app.factory';
import { AnalyticsConfig } from '../src/config/analytics.config';
import { asPeople, untilComplaints } from './analytics-kit';
import { archivedEventOf, archivedRecord, FixtureComplaint } from './archived-fixture';

jest.setTimeout(180_000);

const complaint = (receivedAt: string, productLine: 'motor' | 'health'): FixtureComplaint => ({
  receivedAt,
  productLine,
  rootCause: 'Approval step had no deadline',
  slaMet: true,
  daysToDecision: 6,
  answered: true,
  outcome: 'upheld',
  reopened: false,
});

describe('analytics: the live spike rule opens a root-cause item (real Kafka, PostgreSQL, Keycloak)', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let identity: TestIdentity;
  let people: ReturnType<typeof asPeople>;
  // Motor claims: one a week through September, then 12 in three days of October.
  const baseline = ['01', '08', '15', '22'].map((d) =>
    complaint(`2025-09-${d}T02:00:00.000Z`, 'motor'),
  );
  const spike = Array.from({ length: 12 }, (_, i) =>
    complaint(`2025-10-0${1 + Math.floor(i / 4)}T0${2 + (i % 4)}:00:00.000Z`, 'motor'),
  );
  // Health policy terms: one every two days, at most 4 in any week.
  const steady = Array.from({ length: 25 }, (_, i) =>
    complaint(
      new Date(Date.parse('2025-09-01T05:00:00.000Z') + i * 2 * 86_400_000).toISOString(),
      'health',
    ),
  );
  const spikeEvents = spike.map((c) => archivedEventOf(archivedRecord(c)));

  beforeAll(async () => {
    identity = await testIdentity();
    env = await serviceTestEnv('analytics-spike');
    const config = loadConfig(AnalyticsConfig, {
      ...env.env,
      OIDC_ISSUER: identity.issuer,
      SPIKE_MIN_COUNT: '10',
      SPIKE_WINDOW_DAYS: '7',
      SPIKE_BASELINE_DAYS: '28',
    });
    app = await createAnalyticsApp(config, new ManualClock('2025-10-20T02:00:00.000Z'));
    await app.getHttpAdapter().getInstance().ready();
    people = asPeople(app, identity);
    await env.publish(...[...baseline, ...steady].map((c) => archivedEventOf(archivedRecord(c))));
    await untilComplaints(app, 29);
    await env.publish(...spikeEvents);
    await untilComplaints(app, 41);
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('opens one item for the spiking cluster, linked to its complaints, and none for the steady one', async () => {
    const res = await people.get('/v1/root-cause-items?status=open', 'officer');
    expect(res.statusCode).toBe(200);
    const items = res.json();
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({
      cluster: { subcategory: 'claims', productLine: 'motor' },
      status: 'open',
      openedAt: '2025-10-20T02:00:00.000Z',
      rootCauseCode: null,
    });
    // The rule fired on whichever October record made ten: the window held 10 to 12.
    expect(item.window.complaints).toBeGreaterThanOrEqual(10);
    expect(item.window.baseline).toBe(4);
    expect(item.window.pValue).toBeLessThan(0.05);
    expect(item.complaintIds).toEqual(spikeEvents.map((e) => e.complaintId).sort());
  });

  it('lets the complaints officer close it with a cause from the taxonomy, and no one else', async () => {
    const [item] = (await people.get('/v1/root-cause-items', 'analyst')).json();
    const unsigned = (body: unknown, user = 'officer', id = item.id) =>
      app.inject({
        method: 'POST',
        url: `/v1/root-cause-items/${id}/close`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user}` },
        payload: JSON.stringify(body),
      });
    const as = async (user: string, body: unknown, id = item.id) =>
      app.inject({
        method: 'POST',
        url: `/v1/root-cause-items/${id}/close`,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await identity.token(user)}`,
        },
        payload: JSON.stringify(body),
      });
    // A user name is no token.
    expect((await unsigned({ rootCauseCode: 'claims.delay' })).statusCode).toBe(401);
    expect((await as('analyst', { rootCauseCode: 'claims.delay' })).statusCode).toBe(403);
    const unknown = await as('officer', { rootCauseCode: 'claims.weather' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'ROOT_CAUSE.UNKNOWN_CODE',
      errors: [{ field: 'rootCauseCode' }],
    });
    expect(
      (
        await as(
          'officer',
          { rootCauseCode: 'claims.delay' },
          '0199a1e0-0000-7000-8000-000000000000',
        )
      ).statusCode,
    ).toBe(404);
    const closed = await as('officer', { rootCauseCode: 'claims.delay' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      rootCauseCode: 'claims.delay',
      closedAt: '2025-10-20T02:00:00.000Z',
    });
    expect((await as('officer', { rootCauseCode: 'claims.delay' })).json().code).toBe(
      'ROOT_CAUSE_ITEM.CLOSED',
    );
    expect((await people.get('/v1/root-cause-items?status=open', 'auditor')).json()).toEqual([]);
  });
});
