import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, RouteAccessCheck } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import {
  accessTable,
  serviceTestEnv,
  ServiceTestEnv,
  TestIssuer,
  writeHostileReport,
} from '@complaints/testing';
import { createAnalyticsApp } from '../src/analytics-app.factory';
import { AnalyticsConfig } from '../src/config/analytics.config';

jest.setTimeout(180_000);

describe('analytics: hostile tokens and refused roles on every protected route', () => {
  let env: ServiceTestEnv;
  let issuer: TestIssuer;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    env = await serviceTestEnv('analytics-hostile');
    const config = loadConfig(AnalyticsConfig, { ...env.env, OIDC_ISSUER: issuer.issuer });
    app = await createAnalyticsApp(config, new ManualClock('2026-07-15T02:00:00.000Z'));
    await app.getHttpAdapter().getInstance().ready();
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
    ).toEqual([
      'GET /v1/experience-index',
      'GET /v1/exports/:model',
      'GET /v1/fairness',
      'GET /v1/handler-performance',
      'GET /v1/hotspots',
      'GET /v1/improvement-actions',
      'GET /v1/reference/policy-counts',
      'GET /v1/reports/:period',
      'GET /v1/returns/cn-quarterly/:quarter',
      'GET /v1/returns/fca-half-yearly/:halfYear',
      'GET /v1/root-cause-items',
      'GET /v1/root-causes',
      'GET /v1/root-causes/counts',
      'GET /v1/scheduled-reports',
      'GET /v1/scheduled-reports/:period/:language',
      'POST /v1/improvement-actions',
      'POST /v1/root-cause-items/:id/close',
      'PUT /v1/reference/policy-counts',
    ]);
  });

  it('answers every hostile token 401 and every refused role 403', async () => {
    const report = await accessTable(app, issuer, routes());
    writeHostileReport('analytics', report);
    expect(report.routes).toBe(18);
    expect(report.accepted).toEqual([]);
    expect(report.serverErrors).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.byStatus[401]).toBeGreaterThan(0);
    // reads: 4 roles refused on 14 routes; the load: 5; closing an item and recording an
    // action: 6 each; the taxonomy: none
    expect(report.byStatus[403]).toBe(4 * 14 + 5 + 6 + 6);
  });
});
