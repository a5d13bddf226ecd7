import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { v4 as uuidv4 } from 'uuid';
import { anActingPerson, anAuditedEvent, testTime } from '@complaints/contracts/testing';
import { loadConfig, RouteAccessCheck } from '@complaints/platform';
import {
  accessTable,
  serviceTestEnv,
  ServiceTestEnv,
  TestIdentity,
  testIdentity,
  TestIssuer,
  waitFor,
  writeHostileReport,
} from '@complaints/testing';
import { ArchivingConfig } from '../src/config/archiving.config';
import { createArchivingApp } from '../src/archiving-app.factory';
import { TEST_PSEUDONYM_KEY } from './complaint-lifecycles';

jest.setTimeout(180_000);

/** ms; generous: other suites share the machine and the broker. */
const WAIT_MS = 90_000;

interface Entry {
  eventId: string;
  at: string;
  service: string;
  action: string;
  kind: string;
  complaintId: string | null;
  actor?: { subject: string; username: string; roles: string[]; department?: string };
  origin: { ip: string; userAgent?: string };
  details?: Record<string, string>;
}

describe('archiving: the audit trail (real Kafka, PostgreSQL and Keycloak)', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let identity: TestIdentity;
  const tokens = new Map<string, string>();

  const handler = anActingPerson({
    subject: '6f1c2a10-0000-4000-8000-00000000b001',
    username: 'h-claims-01',
    roles: ['handler'],
  });
  const supervisor = anActingPerson({
    subject: '6f1c2a10-0000-4000-8000-00000000b002',
    username: 'sup-claims',
    roles: ['supervisor'],
  });

  async function get(url: string, username = 'auditor') {
    let token = tokens.get(username);
    if (!token) tokens.set(username, (token = await identity.token(username)));
    return app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  }

  async function entries(query: string): Promise<Entry[]> {
    const res = await get(`/v1/audit?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().entries as Entry[];
  }

  beforeAll(async () => {
    identity = await testIdentity();
    env = await serviceTestEnv('archiving-audit');
    const config = loadConfig(ArchivingConfig, {
      ...env.env,
      PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
      OIDC_ISSUER: identity.issuer,
    });
    app = await createArchivingApp(config);
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('keeps every entry published on complaints.audit.v1, once, found by complaint and by actor', async () => {
    const a = uuidv4();
    const b = uuidv4();
    const decided = anAuditedEvent({
      complaintId: a,
      producer: 'investigation',
      payload: { actor: handler, at: testTime(6), origin: { ip: '10.9.8.7', userAgent: 'jest' } },
    });
    const read = anAuditedEvent({
      complaintId: b,
      producer: 'intake',
      payload: { action: 'complainant.read', kind: 'read', actor: supervisor, at: testTime(7) },
    });
    const reassigned = anAuditedEvent({
      complaintId: a,
      producer: 'investigation',
      payload: {
        action: 'case.reassigned',
        actor: supervisor,
        details: { to: 'h-claims-02', reason: 'leave' },
        at: testTime(8),
      },
    });
    // After the redelivered entry on the same partition: once it is kept, so is the duplicate.
    const marker = anAuditedEvent({
      complaintId: a,
      producer: 'investigation',
      payload: { action: 'case.read', kind: 'read', actor: handler, at: testTime(1) },
    });
    await env.publish(decided, read, reassigned, decided, marker);

    const ofA = await waitFor(
      "complaint A's entries",
      async () => {
        const found = await entries(`complaintId=${a}`);
        return found.some((e) => e.eventId === marker.eventId) ? found : undefined;
      },
      WAIT_MS,
    );
    expect(ofA.map((e) => e.eventId)).toEqual([
      reassigned.eventId,
      decided.eventId,
      marker.eventId,
    ]);
    expect(ofA[1]).toEqual({
      eventId: decided.eventId,
      at: testTime(6),
      service: 'investigation',
      action: 'case.decided',
      kind: 'change',
      complaintId: a,
      actor: handler,
      origin: { ip: '10.9.8.7', userAgent: 'jest' },
      details: { outcome: 'upheld' },
    });
    await waitFor('B', async () => (await entries(`complaintId=${b}`)).length === 1, WAIT_MS);

    const bySupervisor = await entries('actor=sup-claims');
    expect(bySupervisor.map((e) => e.eventId).sort()).toEqual(
      [read.eventId, reassigned.eventId].sort(),
    );
    const bySubject = await entries(`actor=${handler.subject}`);
    expect(bySubject.map((e) => e.eventId)).toEqual([decided.eventId, marker.eventId]);
    expect(await entries(`actor=sup-claims&complaintId=${a}&action=case.reassigned`)).toHaveLength(
      1,
    );
    expect(await entries(`complaintId=${a}&service=intake`)).toEqual([]);
    expect(
      (await entries(`complaintId=${a}&from=${testTime(7)}&to=${testTime(9)}`)).map(
        (e) => e.eventId,
      ),
    ).toEqual([reassigned.eventId]);
    const convenience = await get(`/v1/audit/complaints/${a}?action=case.decided`);
    expect(convenience.json().entries.map((e: Entry) => e.eventId)).toEqual([decided.eventId]);
  });

  it('pages newest first with a cursor', async () => {
    const complaintId = uuidv4();
    const published = [1, 2, 3].map((h) =>
      anAuditedEvent({ complaintId, payload: { actor: handler, at: testTime(h) } }),
    );
    await env.publish(...published);
    await waitFor(
      'three entries',
      async () => (await entries(`complaintId=${complaintId}`)).length === 3,
      WAIT_MS,
    );
    const first = (await get(`/v1/audit?complaintId=${complaintId}&limit=2`)).json();
    expect(first.entries.map((e: Entry) => e.at)).toEqual([testTime(3), testTime(2)]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await get(`/v1/audit?complaintId=${complaintId}&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.entries.map((e: Entry) => e.at)).toEqual([testTime(1)]);
    expect(second).not.toHaveProperty('nextCursor');
  });

  it('writes every query of the trail into the trail itself', async () => {
    const complaintId = uuidv4();
    await entries(`complaintId=${complaintId}&actor=h-claims-01`);
    const auditor = identity.users.find((u) => u.username === 'auditor');
    const queries = await entries(`action=audit.queried&actor=auditor&limit=500`);
    const mine = queries.find((e) => e.details?.['complaintId'] === complaintId);
    expect(mine).toMatchObject({
      service: 'archiving',
      action: 'audit.queried',
      kind: 'read',
      complaintId: null,
      actor: { subject: auditor?.subject, username: 'auditor' },
      origin: { ip: expect.any(String) },
      details: { complaintId, actor: 'h-claims-01' },
    });
  });

  it('answers the trail to auditors only: 403 for every other role, 401 without a token', async () => {
    for (const user of [
      'analyst',
      'h-claims-01',
      'sup-claims',
      'officer',
      'approver',
      'operator',
    ]) {
      for (const url of ['/v1/audit', `/v1/audit/complaints/${uuidv4()}`]) {
        const res = await get(url, user);
        expect([user, url, res.statusCode]).toEqual([user, url, 403]);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect((await app.inject({ method: 'GET', url: '/v1/audit' })).statusCode).toBe(401);
  });

  it.each([
    ['limit=501', 'limit'],
    ['limit=0', 'limit'],
    ['from=yesterday', 'from'],
    ['to=2026-02-30T00:00:00Z', 'to'],
    [`from=${testTime(5)}&to=${testTime(4)}`, 'to'],
    ['complaintId=42', 'complaintId'],
    ['action=DROP TABLE', 'action'],
    ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['handler=h-claims-01', 'handler'],
  ])('refuses %s with problem+json naming %s', async (query, field) => {
    const res = await get(`/v1/audit?${encodeURI(query)}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses every hostile token and every refused role on every protected route', async () => {
    const issuer = await TestIssuer.start();
    const hostileEnv = await serviceTestEnv('archiving-hostile');
    const hostile = await createArchivingApp(
      loadConfig(ArchivingConfig, {
        ...hostileEnv.env,
        PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
        OIDC_ISSUER: issuer.issuer,
      }),
    );
    try {
      await hostile.getHttpAdapter().getInstance().ready();
      const report = await accessTable(hostile, issuer, hostile.get(RouteAccessCheck).routes());
      writeHostileReport('archiving', report);
      expect(report.routes).toBe(4);
      expect(report.accepted).toEqual([]);
      expect(report.serverErrors).toEqual([]);
      expect(report.unexpected).toEqual([]);
      expect(report.byStatus[403]).toBeGreaterThan(0);
    } finally {
      await hostile.close();
      await hostileEnv.cleanup();
      await issuer.stop();
    }
  });
});
