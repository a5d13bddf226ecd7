import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import Fastify, { FastifyInstance } from 'fastify';
import { freePort } from '@complaints/testing';
import { loadWorkbenchConfig } from '../src/config/workbench.config';
import { createWorkbenchServer } from '../src/server/workbench-server';

/** The workbench server over real HTTP: an upstream that answers, and one that is not there. */
describe('the workbench server', () => {
  let upstream: FastifyInstance;
  let server: FastifyInstance;
  let base: string;
  let dist: string;
  const seen: { authorization?: string; url: string }[] = [];

  beforeAll(async () => {
    upstream = Fastify();
    upstream.get('/v1/cases', async (request) => {
      seen.push({ authorization: request.headers.authorization, url: request.url });
      return { items: [] };
    });
    upstream.get('/v1/cases/:id', async (_request, reply) =>
      reply
        .code(404)
        .type('application/problem+json')
        .send({ status: 404, code: 'CASE.NOT_FOUND', title: 'Not Found' }),
    );
    upstream.get('/health/ready', async () => ({ status: 'ok' }));
    const upstreamPort = await freePort();
    await upstream.listen({ port: upstreamPort, host: '127.0.0.1' });
    const closedPort = await freePort();
    dist = mkdtempSync(join(tmpdir(), 'workbench-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>投诉工作台</title>');
    const config = loadWorkbenchConfig({
      PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
      INVESTIGATION_URL: `http://127.0.0.1:${upstreamPort}`,
      FEEDBACK_URL: `http://127.0.0.1:${closedPort}`,
      WORKBENCH_DIST_DIR: dist,
    });
    server = await createWorkbenchServer(config);
    await server.listen({ port: config.port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${config.port}`;
  });

  afterAll(async () => {
    await server?.close();
    await upstream?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("forwards a call to the service with the person's bearer token, path and query intact", async () => {
    const res = await fetch(`${base}/api/investigation/v1/cases?status=open`, {
      headers: { authorization: 'Bearer person-token' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [] });
    expect(seen).toEqual([{ authorization: 'Bearer person-token', url: '/v1/cases?status=open' }]);
  });

  it("passes the service's problem+json back as it came", async () => {
    const res = await fetch(`${base}/api/investigation/v1/cases/abc`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: 'CASE.NOT_FOUND' });
  });

  it('answers 503 SERVICE.UNAVAILABLE naming a service that does not answer', async () => {
    const res = await fetch(`${base}/api/feedback/v1/responses/abc`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: 'SERVICE.UNAVAILABLE', service: 'feedback' });
    const status = (await (await fetch(`${base}/api/status`)).json()) as {
      services: Record<string, string>;
    };
    expect(status.services['investigation']).toBe('up');
    expect(status.services['feedback']).toBe('down');
  });

  it('serves the app on its own routes, the client configuration, and 404 for unknown API paths', async () => {
    const page = await fetch(`${base}/cases/0b7e6c2a-0000-4000-8000-000000000000`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('投诉工作台');
    const config = await (await fetch(`${base}/config.json`)).json();
    expect(config).toEqual({
      oidcIssuer: 'http://127.0.0.1:18080/realms/complaints',
      oidcClientId: 'workbench',
      services: [
        'intake',
        'classification',
        'investigation',
        'feedback',
        'archiving',
        'deadlines',
        'analytics',
      ],
    });
    const unknown = await fetch(`${base}/api/nothing/here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'ROUTE.NOT_FOUND' });
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
  });

  it('refuses a bad configuration naming the variable', () => {
    expect(() => loadWorkbenchConfig({ INTAKE_URL: 'ftp://x' })).toThrow(/INTAKE_URL/);
    expect(() => loadWorkbenchConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
