import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'crypto';
import { aRoutedEvent } from '@complaints/contracts/testing';
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
import { RoutedConsumer } from '../src/cases/routed.consumer';
import { InvestigationConfig } from '../src/config/investigation.config';
import { createInvestigationApp } from '../src/investigation-app.factory';
import { isRepeatsOrMajorRoute } from '../src/repeats/repeats-and-major.routes';

jest.setTimeout(180_000);

/** Repeats' and major complaints' routes: no hostile token, wrong role or department gets through. */
describe('investigation: hostile tokens, wrong roles and departments on the repeat and major-complaint routes', () => {
  let env: ServiceTestEnv;
  let issuer: TestIssuer;
  let app: NestFastifyApplication;
  const routed = aRoutedEvent({ complaintId: randomUUID(), payload: { department: 'claims' } });

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    env = await serviceTestEnv('investigation-repeats-access');
    const config = loadConfig(InvestigationConfig, { ...env.env, OIDC_ISSUER: issuer.issuer });
    app = await createInvestigationApp(config, new ManualClock('2026-04-01T09:00:00.000Z'));
    await app.getHttpAdapter().getInstance().ready();
    await app.get(UnitOfWork).run((tx) => app.get(RoutedConsumer).apply(routed, tx));
  });

  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
    await env?.cleanup();
  });

  const routes = () =>
    app
      .get(RouteAccessCheck)
      .routes()
      .filter((r) => isRepeatsOrMajorRoute(r.path));

  it('declares who may call each route', () => {
    expect(
      routes()
        .map(
          (r) =>
            `${r.method} ${r.path} ${r.access && 'roles' in r.access ? r.access.roles.join(',') : 'none'}`,
        )
        .sort(),
    ).toEqual([
      'GET /v1/cases/:complaintId/major-incident handler,supervisor,complaints_officer,approver,auditor',
      'GET /v1/cases/:complaintId/repeats handler,supervisor,complaints_officer,approver,auditor',
      'GET /v1/major-incidents complaints_officer',
      'GET /v1/major-incidents/:incidentId complaints_officer',
      'POST /v1/cases/:complaintId/repeats/decision handler,supervisor,complaints_officer',
      'POST /v1/major-incidents complaints_officer',
      'POST /v1/major-incidents/:incidentId/steps complaints_officer',
    ]);
  });

  it('answers every hostile token 401 and every refused role 403', async () => {
    const report = await hostileTable(app, issuer, routes());
    writeHostileReport('investigation-repeats-major', report);
    expect(report.routes).toBe(7);
    expect(report.accepted).toEqual([]);
    expect(report.serverErrors).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.byStatus[401]).toBeGreaterThan(0);
    expect(report.byStatus[403]).toBeGreaterThan(0);
  });

  it('answers a handler or supervisor of another department 404 on a real case', async () => {
    const report = await departmentTable(
      app,
      issuer,
      routes(),
      {
        id: routed.complaintId,
        other: { department: 'policy-services', handler: 'h-policy-01', supervisor: 'sup-policy' },
      },
      {
        'POST /v1/cases/:complaintId/repeats/decision': {
          outcome: 'split',
          reason: 'Not a repeat',
        },
      },
    );
    writeHostileReport('investigation-repeats-major', report, 'department');
    expect(report.routes).toBe(3);
    expect(report.accepted).toEqual([]);
    expect(report.serverErrors).toEqual([]);
    expect(report.unexpected).toEqual([]);
    // each of the three: a handler and a supervisor of policy-services
    expect(report.byStatus).toEqual({ 404: 6 });
  });
});
