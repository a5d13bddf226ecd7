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
import { aDecision } from './investigation-test-kit';

jest.setTimeout(180_000);

/** The issue's proof for investigation: no hostile token, wrong role or department gets through. */
describe('investigation: hostile tokens, wrong roles and wrong departments on every protected route', () => {
  let env: ServiceTestEnv;
  let issuer: TestIssuer;
  let app: NestFastifyApplication;
  const routed = aRoutedEvent({ complaintId: randomUUID(), payload: { department: 'claims' } });

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    env = await serviceTestEnv('investigation-hostile');
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

  // Repeats' and major complaints' routes have their own table (repeats-and-major-access).
  const routes = () =>
    app
      .get(RouteAccessCheck)
      .routes()
      .filter((r) => !isRepeatsOrMajorRoute(r.path));

  it('declares access on every route, and leaves only health and metrics public', () => {
    const open = routes().filter((r) => r.access?.kind === 'public');
    expect(open.every((r) => /^\/(health|metrics)/.test(r.path))).toBe(true);
    expect(
      routes()
        .filter((r) => r.path.startsWith('/v1'))
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual([
      'GET /v1/cases',
      'GET /v1/cases/:complaintId',
      'GET /v1/workload',
      'POST /v1/cases/:complaintId/assignment',
      'POST /v1/cases/:complaintId/conflict-of-interest',
      'POST /v1/cases/:complaintId/decision',
      'POST /v1/cases/:complaintId/extensions',
      'POST /v1/cases/:complaintId/extensions/:requestId/decision',
      'POST /v1/cases/:complaintId/merge',
      'POST /v1/cases/:complaintId/notes',
      'POST /v1/cases/:complaintId/pause',
      'POST /v1/cases/:complaintId/restart',
      'POST /v1/cases/:complaintId/resume',
      'POST /v1/cases/:complaintId/withdrawal',
    ]);
  });

  it('answers every hostile token 401 and every refused role 403', async () => {
    const report = await hostileTable(app, issuer, routes());
    writeHostileReport('investigation', report);
    expect(report.routes).toBe(14);
    expect(report.accepted).toEqual([]);
    expect(report.serverErrors).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.byStatus[401]).toBeGreaterThan(0);
    expect(report.byStatus[403]).toBeGreaterThan(0);
  });

  it('answers a handler or supervisor of another department 404 on every route of a real case', async () => {
    const report = await departmentTable(
      app,
      issuer,
      routes(),
      {
        id: routed.complaintId,
        other: { department: 'policy-services', handler: 'h-policy-01', supervisor: 'sup-policy' },
      },
      {
        'POST /v1/cases/:complaintId/notes': { body: 'A note' },
        'POST /v1/cases/:complaintId/decision': aDecision(),
        'POST /v1/cases/:complaintId/assignment': { handlerId: 'h-policy-01', reason: 'Load' },
        'POST /v1/cases/:complaintId/conflict-of-interest': { reason: 'My neighbour' },
        'POST /v1/cases/:complaintId/extensions': { kind: 'complex', reason: 'Records' },
        'POST /v1/cases/:complaintId/pause': { kind: 'mediation', reason: 'Mediation' },
        'POST /v1/cases/:complaintId/resume': { reason: 'Back' },
        'POST /v1/cases/:complaintId/restart': { reason: 'New facts' },
        'POST /v1/cases/:complaintId/merge': { intoComplaintId: randomUUID(), reason: 'Repeat' },
        'POST /v1/cases/:complaintId/withdrawal': { reason: 'Withdrawn' },
      },
    );
    writeHostileReport('investigation', report, 'department');
    expect(report.routes).toBe(12);
    expect(report.accepted).toEqual([]);
    expect(report.serverErrors).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.byStatus).toEqual({ 404: report.requests });
    // get and notes: handler and supervisor; decision: handler; assignment: supervisor;
    // extensions, conflict of interest: handler; pause, resume, restart, merge, withdrawal: handler and supervisor;
    // an extension's decision: approvers only (no department-bound role).
    expect(report.requests).toBe(18);
  });
});
