import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'crypto';
import { causedBy } from '@complaints/contracts';
import { aReceivedEvent, aRoutedEvent } from '@complaints/contracts/testing';
import { UnitOfWork } from '@complaints/messaging';
import { loadConfig, RouteAccessCheck } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import {
  departmentTable,
  hostileTable,
  ServiceTestEnv,
  serviceTestEnv,
  TestIssuer,
  writeHostileReport,
} from '@complaints/testing';
import { ClockStore } from '../src/clocks/clock-store.service';
import { DeadlinesConfig } from '../src/config/deadlines.config';
import { createDeadlinesApp } from '../src/deadlines-app.factory';

jest.setTimeout(180_000);

describe('deadlines: hostile tokens, wrong roles and wrong departments on every protected route', () => {
  let env: ServiceTestEnv;
  let issuer: TestIssuer;
  let app: NestFastifyApplication;
  const received = aReceivedEvent({ complaintId: randomUUID() });
  const routed = aRoutedEvent({ ...causedBy(received), payload: { department: 'claims' } });

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    env = await serviceTestEnv('deadlines-hostile');
    const config = loadConfig(DeadlinesConfig, {
      ...env.env,
      OIDC_ISSUER: issuer.issuer,
      DEADLINES_SWEEP_INTERVAL_MS: '0',
    });
    app = await createDeadlinesApp(config, new ManualClock('2026-04-01T09:00:00.000Z'));
    await app.getHttpAdapter().getInstance().ready();
    const store = app.get(ClockStore);
    await app.get(UnitOfWork).run(async (tx) => {
      await store.record(received, tx.manager);
      await store.record(routed, tx.manager);
    });
  });

  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
    await env?.cleanup();
  });

  const routes = () => app.get(RouteAccessCheck).routes();

  it('declares access on every route, and leaves only health and metrics public', () => {
    const open = routes().filter((r) => r.access?.kind === 'public');
    expect(open.every((r) => /^\/(health|metrics)/.test(r.path))).toBe(true);
    expect(
      routes()
        .filter((r) => r.path.startsWith('/v1'))
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(['GET /v1/deadlines', 'GET /v1/deadlines/:complaintId']);
  });

  it('answers every hostile token 401 and every refused role 403', async () => {
    const report = await hostileTable(app, issuer, routes());
    writeHostileReport('deadlines', report);
    expect(report.routes).toBe(2);
    expect(report.accepted).toEqual([]);
    expect(report.serverErrors).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.byStatus[401]).toBeGreaterThan(0);
    // analyst on the clocks; handler, approver, analyst, auditor on the watchlist.
    expect(report.byStatus[403]).toBe(5);
  });

  it("answers a handler or supervisor of another department 404 on a real complaint's clocks", async () => {
    const report = await departmentTable(
      app,
      issuer,
      routes(),
      {
        id: routed.complaintId,
        other: { department: 'policy-services', handler: 'h-policy-01', supervisor: 'sup-policy' },
      },
      {},
    );
    writeHostileReport('deadlines', report, 'department');
    expect(report.routes).toBe(1);
    expect(report.byStatus).toEqual({ 404: 2 });
    expect(report.accepted).toEqual([]);
  });
});
