/**
 * Against the real PostgreSQL (DATABASE_URL / PG_ADMIN_URL, default 127.0.0.1:5432): the
 * per-service roles really cannot read each other's schemas. Runs on a scratch database of
 * its own (the roles are cluster-wide and shared with the real `complaints` database), so it
 * never touches tables other suites use.
 */
import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { createIsolatedSchema, DEFAULT_ADMIN_URL, ensureDatabase, withDatabase } from './setup';
import { SERVICE_DATABASES, serviceDatabase, servicePassword } from './services';

// Real servers: creating topics and databases takes seconds, not Jest's default 5.
jest.setTimeout(60_000);

const adminUrl =
  process.env.PG_ADMIN_URL ||
  (process.env.DATABASE_URL
    ? withDatabase(process.env.DATABASE_URL, 'postgres')
    : DEFAULT_ADMIN_URL);
const database = `complaints_it_${randomBytes(4).toString('hex')}`;

const open: Client[] = [];

/** A connection to the scratch database as `role` (with its configured password). */
async function connectAs(service: string): Promise<Client> {
  const entry = serviceDatabase(service);
  const url = new URL(withDatabase(adminUrl, database));
  url.username = entry.role;
  url.password = servicePassword(entry);
  const c = new Client({ connectionString: url.toString() });
  await c.connect();
  open.push(c);
  return c;
}

async function asAdmin<T>(db: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: withDatabase(adminUrl, db) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Resolves to the SQLSTATE the statement failed with (or 'no error'). */
async function sqlState(c: Client, sql: string): Promise<string> {
  try {
    await c.query(sql);
    return 'no error';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

describe('infra/postgres setup: one schema and role per service', () => {
  let first: Awaited<ReturnType<typeof ensureDatabase>>;

  beforeAll(async () => {
    // Fails (not skips) with a message naming `npm run infra:up` when nothing answers.
    first = await ensureDatabase({ adminUrl, database });
  });

  afterAll(async () => {
    await Promise.all(open.map((c) => c.end().catch(() => undefined)));
    await asAdmin('postgres', (c) =>
      c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(database)} WITH (FORCE)`),
    ).catch(() => undefined);
  });

  it('creates the database and every schema, each owned by its service role', async () => {
    expect(first.createdDatabase).toBe(true);
    const owners = await asAdmin(database, async (c) => {
      const res = await c.query<{ nspname: string; owner: string }>(
        `SELECT n.nspname, r.rolname AS owner FROM pg_namespace n
           JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = ANY($1)`,
        [SERVICE_DATABASES.map((s) => s.schema)],
      );
      return Object.fromEntries(res.rows.map((r) => [r.nspname, r.owner]));
    });
    expect(owners).toEqual({
      intake: 'complaints_intake',
      classification: 'complaints_classification',
      investigation: 'complaints_investigation',
      feedback: 'complaints_feedback',
      archive: 'complaints_archiving',
      deadlines: 'complaints_deadlines',
      analytics: 'complaints_analytics',
    });
  });

  it("lets a service create tables in its own schema but not read another's (42501)", async () => {
    const investigation = await connectAs('investigation');
    // Unqualified: the role's search_path is its own schema.
    await investigation.query('CREATE TABLE cases_probe (id int primary key)');
    await investigation.query('INSERT INTO cases_probe VALUES (1)');
    const where = await investigation.query(
      `SELECT table_schema FROM information_schema.tables WHERE table_name = 'cases_probe'`,
    );
    expect(where.rows).toEqual([{ table_schema: 'investigation' }]);

    const intake = await connectAs('intake');
    await intake.query('CREATE TABLE intake.complaints_probe (id int primary key)');
    await intake.query('INSERT INTO complaints_probe VALUES (1)');
    expect((await intake.query('SELECT count(*)::int AS n FROM complaints_probe')).rows).toEqual([
      { n: 1 },
    ]);

    expect(await sqlState(intake, 'SELECT * FROM investigation.cases_probe')).toBe('42501');
    expect(await sqlState(intake, 'CREATE TABLE investigation.sneaky (id int)')).toBe('42501');
    expect(await sqlState(intake, 'CREATE TABLE public.sneaky (id int)')).toBe('42501');
    expect(await sqlState(intake, 'SET ROLE complaints_investigation')).toBe('42501');
  });

  it('keeps roles without a grant out of the database', async () => {
    const role = `it_nogrant_${randomBytes(4).toString('hex')}`;
    await asAdmin('postgres', (c) => c.query(`CREATE ROLE ${role} LOGIN`));
    try {
      const url = new URL(withDatabase(adminUrl, database));
      url.username = role;
      const c = new Client({ connectionString: url.toString() });
      await expect(c.connect()).rejects.toMatchObject({ code: '42501' });
      await c.end().catch(() => undefined);
    } finally {
      await asAdmin('postgres', (c) => c.query(`DROP ROLE ${role}`));
    }
  });

  it('is harmless to run again: creates nothing, keeps data and isolation', async () => {
    const again = await ensureDatabase({ adminUrl, database });
    expect(again).toEqual({
      database,
      createdDatabase: false,
      createdRoles: [],
      createdSchemas: [],
    });
    // Two runs at once must not trip over each other either.
    await Promise.all([
      ensureDatabase({ adminUrl, database }),
      ensureDatabase({ adminUrl, database }),
    ]);

    const investigation = await connectAs('investigation');
    expect((await investigation.query('SELECT id FROM cases_probe')).rows).toEqual([{ id: 1 }]);
    const intake = await connectAs('intake');
    expect(await sqlState(intake, 'SELECT * FROM investigation.cases_probe')).toBe('42501');
  });
});

describe('createIsolatedSchema', () => {
  const dbName = `complaints_it_${randomBytes(4).toString('hex')}`;

  afterAll(async () => {
    await asAdmin('postgres', (c) =>
      c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(dbName)} WITH (FORCE)`),
    ).catch(() => undefined);
  });

  it('gives a test its own schema and role, and drops both afterwards', async () => {
    const a = await createIsolatedSchema(adminUrl, dbName, 'Infra Spec!');
    const b = await createIsolatedSchema(adminUrl, dbName, 'Infra Spec!');
    expect(a.schema).toMatch(/^it_infra_spec_[0-9a-f]{10}$/);
    expect(b.schema).not.toBe(a.schema);

    const ca = new Client({ connectionString: a.url });
    const cb = new Client({ connectionString: b.url });
    await ca.connect();
    await cb.connect();
    try {
      await ca.query('CREATE TABLE t (id int)');
      await cb.query('CREATE TABLE t (id int)');
      const res = await ca.query(
        `SELECT table_schema FROM information_schema.tables WHERE table_name = 't'`,
      );
      expect(res.rows).toEqual([{ table_schema: a.schema }]);
      expect(await sqlState(ca, `SELECT * FROM ${b.schema}.t`)).toBe('42501');
    } finally {
      await ca.end();
      await cb.end();
    }

    await a.drop();
    await b.drop();
    await a.drop(); // twice is fine
    const left = await asAdmin(dbName, async (c) => {
      const roles = await c.query('SELECT 1 FROM pg_roles WHERE rolname = ANY($1)', [
        [a.role, b.role],
      ]);
      const schemas = await c.query('SELECT 1 FROM pg_namespace WHERE nspname = ANY($1)', [
        [a.schema, b.schema],
      ]);
      return (roles.rowCount ?? 0) + (schemas.rowCount ?? 0);
    });
    expect(left).toBe(0);
  });
});
