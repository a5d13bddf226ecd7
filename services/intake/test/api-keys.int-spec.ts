import { ManualClock } from '@complaints/platform/testing';
import { waitFor } from '@complaints/testing';
import { aComplaintRequest } from './support/complaint-requests';
import { intakeKeyCli } from './support/intake-key-cli';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(90_000);

describe('intake: who may call (API keys, scopes, rate limit)', () => {
  let intake: IntakeTestApp;

  beforeAll(async () => {
    intake = await startIntake('intake_keys', { API_KEY_CACHE_SECONDS: '1' });
  });

  afterAll(async () => {
    await intake?.close();
  });

  const expectProblem = (
    res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code });
  };

  it('refuses a request without a key with 401, before reading its body', async () => {
    const before = await intake.counts();
    const res = await intake.inject({
      method: 'POST',
      url: '/v1/complaints',
      payload: '{"not json',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 401, 'AUTH.API_KEY_MISSING');
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expectProblem(
      await intake.inject({
        method: 'GET',
        url: '/v1/complaints/7d1f7a2e-2b7e-4a53-9a55-0f7f5e1f3b11',
      }),
      401,
      'AUTH.API_KEY_MISSING',
    );
    expect(await intake.counts()).toEqual(before);
  });

  it('refuses malformed, unknown and forged keys with 401', async () => {
    const real = await intake.newKey('forge-target');
    const forged = real.key.slice(0, -4) + (real.key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const key of ['nonsense', 'ik_0123456789abcdef_' + 'x'.repeat(43), forged]) {
      expectProblem(await intake.submit(aComplaintRequest(), key), 401, 'AUTH.API_KEY_INVALID');
    }
  });

  it('takes the key as a bearer token or in X-API-Key, and stores only its hash', async () => {
    const created = await intake.newKey('header-check');
    const res = await intake.inject({
      method: 'POST',
      url: '/v1/complaints',
      payload: aComplaintRequest(),
      headers: { 'x-api-key': created.key },
    });
    expect(res.statusCode).toBe(202);
    const [row] = await intake.db.query(
      `SELECT encode(secret_hash, 'hex') AS hash, t::text AS whole FROM api_key t WHERE id = $1`,
      [created.id],
    );
    expect(row.hash).toHaveLength(64);
    expect(row.whole).not.toContain(created.key.slice(20));
  });

  it('needs complaints:write to submit and complaints:read to look: 403 otherwise', async () => {
    const reader = await intake.newKey('reader-only', ['complaints:read']);
    const writer = await intake.newKey('writer-only', ['complaints:write']);
    expectProblem(await intake.submit(aComplaintRequest(), reader.key), 403, 'AUTH.SCOPE_MISSING');
    const accepted = await intake.submit(aComplaintRequest(), writer.key);
    expect(accepted.statusCode).toBe(202);
    expectProblem(
      await intake.get(`/v1/complaints/${accepted.json().id}`, writer.key),
      403,
      'AUTH.SCOPE_MISSING',
    );
    expectProblem(
      await intake.get('/v1/complaints?externalReference=X-1', writer.key),
      403,
      'AUTH.SCOPE_MISSING',
    );
  });

  it('leaves health, metrics and the OpenAPI document open', async () => {
    for (const url of ['/health/live', '/metrics', '/docs/openapi.json']) {
      expect((await intake.inject({ method: 'GET', url })).statusCode).toBe(200);
    }
  });

  it('creates, lists and revokes keys from the command line; a revoked key is refused without a restart', async () => {
    const env = { DATABASE_URL: intake.env.databaseUrl, DATABASE_SCHEMA: intake.env.schema };
    const created = JSON.parse(
      await intakeKeyCli(['create', '--system', 'branch-desk', '--json'], env),
    );
    expect(created).toMatchObject({
      system: 'branch-desk',
      scopes: ['complaints:read', 'complaints:write'],
    });
    expect(created.key).toMatch(/^ik_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);

    const human = await intakeKeyCli(
      ['create', '--system', 'branch-desk', '--scopes', 'complaints:read'],
      env,
    );
    expect(human).toMatch(/^ik_\w+/m);
    const listed = JSON.parse(
      await intakeKeyCli(['list', '--system', 'branch-desk', '--json'], env),
    );
    expect(listed).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toContain(created.key);

    const accepted = await intake.submit(aComplaintRequest(), created.key);
    expect(accepted.statusCode).toBe(202);
    const url = `/v1/complaints/${accepted.json().id}`;
    expect((await intake.get(url, created.key)).statusCode).toBe(200);

    expect(await intakeKeyCli(['revoke', created.id], env)).toContain(`Revoked ${created.id}`);
    // API_KEY_CACHE_SECONDS is 1 here: the revocation reaches this running instance within it.
    await waitFor(
      'the revoked key refused',
      async () => (await intake.get(url, created.key)).statusCode === 401,
      5000,
      100,
    );
    expectProblem(
      await intake.submit(aComplaintRequest(), created.key),
      401,
      'AUTH.API_KEY_INVALID',
    );
  });

  it('refuses bad command lines with the usage', async () => {
    const env = { DATABASE_URL: intake.env.databaseUrl, DATABASE_SCHEMA: intake.env.schema };
    await expect(intakeKeyCli(['create'], env)).rejects.toMatchObject({ code: 2 });
    await expect(intakeKeyCli(['create', '--system', 'Bad Name'], env)).rejects.toMatchObject({
      code: 1,
    });
    await expect(
      intakeKeyCli(['create', '--system', 'ok-name', '--scopes', 'complaints:delete'], env),
    ).rejects.toMatchObject({
      code: 1,
    });
    await expect(intakeKeyCli(['revoke', 'ffffffffffffffff'], env)).rejects.toMatchObject({
      code: 1,
    });
  });
});

describe('intake: rate limit per API key', () => {
  let intake: IntakeTestApp;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    intake = await startIntake('intake_rate', { RATE_LIMIT_PER_MINUTE: '3' }, clock);
  });

  afterAll(async () => {
    await intake?.close();
  });

  it('answers 429 with Retry-After once a key used its minute, other keys unaffected, then lets it in again', async () => {
    const busy = (await intake.newKey('busy-system')).key;
    const quiet = (await intake.newKey('quiet-system')).key;
    for (let i = 0; i < 3; i++)
      expect((await intake.get('/v1/complaints?externalReference=R-1', busy)).statusCode).toBe(404);
    const before = await intake.counts();
    const limited = await intake.submit(aComplaintRequest(), busy);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMIT.EXCEEDED' });
    // 3 a minute: one token every 20 s.
    expect(limited.headers['retry-after']).toBe('20');
    expect(await intake.counts()).toEqual(before);
    expect((await intake.submit(aComplaintRequest(), quiet)).statusCode).toBe(202);

    clock.advance(20_000);
    expect((await intake.submit(aComplaintRequest(), busy)).statusCode).toBe(202);
    expect((await intake.submit(aComplaintRequest(), busy)).statusCode).toBe(429);
  });
});
