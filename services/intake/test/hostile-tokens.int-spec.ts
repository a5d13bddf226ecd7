import { DeclaredRoute, RouteAccessCheck } from '@complaints/platform';
import {
  hostileTokens,
  mergeReports,
  probeHostileTable,
  protectedRoutes,
  SendRequest,
  TestIssuer,
  writeHostileReport,
} from '@complaints/testing';
import { anAssignedComplaint } from './support/case-events';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(180_000);

const ROLES = [
  'handler',
  'supervisor',
  'approver',
  'complaints_officer',
  'operator',
  'analyst',
  'auditor',
];

/** Roles a route refuses with 403; none for routes only API keys open (tokens get 401 there). */
const refusedRoles = (route: DeclaredRoute): string[] => {
  const access = route.access;
  return access?.kind === 'roles' ? ROLES.filter((r) => !access.roles.includes(r)) : [];
};
const keysOnly = (route: DeclaredRoute) => !!route.apiKey && !route.apiKey.orBearer;

describe('intake: hostile tokens against every protected route', () => {
  let issuer: TestIssuer;
  let intake: IntakeTestApp;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    intake = await startIntake('intake_hostile', { OIDC_ISSUER: issuer.issuer });
  });

  afterAll(async () => {
    await intake?.close();
    await issuer?.stop();
  });

  const send: SendRequest = async (r) =>
    (
      await intake.app.inject({
        method: r.method as 'GET',
        url: r.url,
        headers: r.headers,
        ...(r.body !== undefined ? { payload: r.body as object } : {}),
      })
    ).statusCode;
  const bearer = async (claims: Record<string, unknown>) => `Bearer ${await issuer.token(claims)}`;

  it('accepts none, answers no 5xx, and answers each case as expected', async () => {
    const routes = protectedRoutes(intake.app.get(RouteAccessCheck).routes());
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /v1/complaints',
      'GET /v1/complaints/:id',
      'GET /v1/complaints/:id/complainant',
      'POST /v1/complaints',
      'POST /v1/complaints/:id/feedback',
    ]);
    const officer = {
      realm_access: { roles: ['complaints_officer'] },
      department: 'complaints-office',
    };
    const valid = await issuer.token(officer);
    const cases = await hostileTokens({
      valid,
      trustedJwk: issuer.key.publicJwk,
      signTrusted: (claims, omit) => issuer.token(claims, { omit }),
    });
    const reports = [await probeHostileTable(routes, cases, send)];

    for (const route of routes) {
      // Valid people's tokens, of any role, do not open the calling systems' routes.
      const wrongRole = keysOnly(route)
        ? await Promise.all(
            ROLES.map(async (role) => ({
              name: `valid token, role ${role}, on an API-key route`,
              authorization: await bearer({ realm_access: { roles: [role] } }),
              expected: [401],
            })),
          )
        : await Promise.all(
            refusedRoles(route).map(async (role) => ({
              name: `valid token, role ${role}`,
              authorization: await bearer({
                realm_access: { roles: [role] },
                department: 'claims',
              }),
              expected: [403],
            })),
          );
      reports.push(await probeHostileTable([route], wrongRole, send));
    }

    // Wrong department: a real complaint of claims, people of policy-services.
    const key = (
      await intake.newKey('web-portal', ['complaints:write', 'complaints:read', 'feedback:write'])
    ).key;
    const id = await anAssignedComplaint(intake, key, 'claims', 'h-claims-01');
    const otherDepartment = await Promise.all(
      [
        ['handler', 'h-policy-01'],
        ['supervisor', 'sup-policy'],
      ].map(async ([role, username]) => ({
        name: `valid token, ${role} of policy-services`,
        authorization: await bearer({
          realm_access: { roles: [role] },
          department: 'policy-services',
          preferred_username: username,
        }),
      })),
    );
    const caseRoutes = routes.filter((r) => r.path.includes(':id'));
    for (const route of caseRoutes) {
      const expected = keysOnly(route) ? [401] : [404];
      reports.push(
        await probeHostileTable(
          [route],
          otherDepartment.map((c) => ({ ...c, expected })),
          send,
          { id },
        ),
      );
    }

    const report = mergeReports(reports, routes.length);
    writeHostileReport('intake', report);
    expect(report.accepted).toEqual([]);
    expect(report.serverErrors).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.requests).toBeGreaterThan(routes.length * cases.length);
  });
});
