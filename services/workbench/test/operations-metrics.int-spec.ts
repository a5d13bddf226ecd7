import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import Fastify, { FastifyInstance } from 'fastify';
import { decodeProtectedHeader, JWK } from 'jose';
import { demoTokens, freePort, hostileTokens, testIdentity } from '@complaints/testing';
import { loadWorkbenchConfig } from '../src/config/workbench.config';
import { OPERATIONS_QUERIES } from '../src/server/operations-metrics';
import { createWorkbenchServer } from '../src/server/workbench-server';

jest.setTimeout(60_000);

/**
 * The operators' metrics routes over real HTTP with the realm's own tokens (Keycloak), in front
 * of a stand-in for Prometheus's HTTP API that records every query it is sent.
 */
describe("the workbench's read-only Prometheus routes for operators", () => {
  let prometheus: FastifyInstance;
  let server: FastifyInstance;
  let base: string;
  let dist: string;
  const queries: string[] = [];
  const tokens = demoTokens();

  beforeAll(async () => {
    prometheus = Fastify();
    prometheus.get('/api/v1/query_range', async (request) => {
      const q = request.query as Record<string, string>;
      queries.push(q['query']);
      return {
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              // Labels the page has no use for (and could carry anything) are dropped.
              metric: {
                topic: 'complaints.routed.v1',
                group: 'investigation.case-opening',
                instance: '10.0.0.1:3003',
                note: 'x',
              },
              values: [
                [1000, '3'],
                [1002, 'NaN'],
                [1004, '5'],
              ],
            },
          ],
        },
      };
    });
    prometheus.get('/api/v1/alerts', async () => ({
      status: 'success',
      data: {
        alerts: [
          {
            labels: {
              alertname: 'ComplaintsConsumerLagHigh',
              severity: 'warning',
              group: 'g',
              topic: 't',
              instance: 'x',
            },
            annotations: { summary: 'Consumer group g is behind on t', description: 'd' },
            state: 'firing',
            activeAt: '2026-12-01T10:00:00Z',
          },
        ],
      },
    }));
    const promPort = await freePort();
    await prometheus.listen({ port: promPort, host: '127.0.0.1' });
    dist = mkdtempSync(join(tmpdir(), 'workbench-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>投诉工作台</title>');
    const identity = await testIdentity();
    const config = loadWorkbenchConfig({
      PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
      WORKBENCH_DIST_DIR: dist,
      OIDC_ISSUER: identity.issuer,
      PROMETHEUS_URL: `http://127.0.0.1:${promPort}`,
    });
    server = await createWorkbenchServer(config);
    await server.listen({ port: config.port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${config.port}`;
  });

  afterAll(async () => {
    await server?.close();
    await prometheus?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = async (path: string, username?: string, authorization?: string) => {
    const headers: Record<string, string> = {};
    if (username) headers['authorization'] = `Bearer ${await tokens(username)}`;
    if (authorization !== undefined) headers['authorization'] = authorization;
    const res = await fetch(`${base}${path}`, { headers });
    const body = (await res.json().catch(() => ({}))) as { code?: string; errors?: unknown[] };
    return { status: res.status, type: res.headers.get('content-type'), body };
  };

  it('an operator gets a named chart: the allow-listed PromQL is what Prometheus runs; only known labels come back', async () => {
    queries.length = 0;
    const res = await get('/api/operations/series?query=lag&minutes=15', 'operator');
    expect(res.status).toBe(200);
    expect(queries).toEqual([OPERATIONS_QUERIES.lag]);
    expect(res.body).toEqual({
      query: 'lag',
      step: 6,
      series: [
        {
          labels: { topic: 'complaints.routed.v1', group: 'investigation.case-opening' },
          points: [
            [1000, 3],
            [1004, 5],
          ],
        },
      ],
    });
  });

  it('PromQL from the browser is refused, naming the field; Prometheus is never asked', async () => {
    queries.length = 0;
    for (const q of ['up', 'lag%20or%20up', '__proto__', 'constructor', '']) {
      const res = await get(`/api/operations/series?query=${q}`, 'operator');
      expect({ q, status: res.status, type: res.type }).toEqual({
        q,
        status: 400,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
      expect(res.body.errors).toEqual([{ field: 'query', reason: expect.stringContaining('lag') }]);
    }
    const minutes = await get('/api/operations/series?query=lag&minutes=100000', 'operator');
    expect(minutes.status).toBe(400);
    expect(minutes.body.errors).toEqual([{ field: 'minutes', reason: expect.any(String) }]);
    expect(queries).toEqual([]);
  });

  it('the open alerts, with their summary and known labels only', async () => {
    const res = await get('/api/operations/alerts', 'operator');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      alerts: [
        {
          name: 'ComplaintsConsumerLagHigh',
          state: 'firing',
          labels: { severity: 'warning', group: 'g', topic: 't' },
          summary: 'Consumer group g is behind on t',
          activeAt: '2026-12-01T10:00:00Z',
        },
      ],
    });
  });

  it('other roles get 403; both routes', async () => {
    for (const username of ['h-claims-01', 'analyst', 'officer', 'auditor']) {
      for (const path of ['/api/operations/series?query=lag', '/api/operations/alerts']) {
        const res = await get(path, username);
        expect({ username, path, status: res.status, code: res.body.code }).toEqual({
          username,
          path,
          status: 403,
          code: 'AUTH.FORBIDDEN',
        });
      }
    }
  });

  it('every hostile token is a 401 on both routes, never a chart', async () => {
    const identity = await testIdentity();
    const valid = await tokens('operator');
    const { keys } = (await (
      await fetch(`${identity.issuer}/protocol/openid-connect/certs`)
    ).json()) as { keys: JWK[] };
    const kid = decodeProtectedHeader(valid).kid;
    const trustedJwk = keys.find((k) => k.kid === kid);
    if (!trustedJwk) throw new Error('the realm publishes no key for the operator token');
    const cases = await hostileTokens({ valid, trustedJwk });
    expect(cases.length).toBeGreaterThan(5);
    const accepted: string[] = [];
    for (const c of cases) {
      for (const path of ['/api/operations/series?query=lag', '/api/operations/alerts']) {
        const res = await get(path, undefined, c.authorization);
        // Node refuses a 20 KB header itself (431) before the route sees it: also a refusal.
        const refused =
          res.status === 401 || (c.name.startsWith('oversized') && res.status === 431);
        if (!refused) accepted.push(`${c.name} ${path}: ${res.status}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('Prometheus away is a 503 naming it', async () => {
    await prometheus.close();
    const res = await get('/api/operations/series?query=lag', 'operator');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'PROMETHEUS.UNAVAILABLE', service: 'prometheus' });
  });
});
