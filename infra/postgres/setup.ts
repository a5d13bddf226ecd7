/**
 * Creates the `complaints` database with one schema and one login role per service
 * (infra/postgres/services.ts), each role owning its own schema and nothing else.
 * Run by `npm run infra:up` and by the docker-compose `infra-init` job:
 *
 *   node -r @swc-node/register infra/postgres/setup.ts
 *
 * Env: PG_ADMIN_URL (superuser; default postgres://postgres@127.0.0.1:5432/postgres), or
 * DATABASE_URL (superuser URL of the complaints database; its name is used), and one
 * COMPLAINTS_<SERVICE>_PASSWORD per role (default: the role name).
 *
 * Also exports createIsolatedSchema() so integration tests get a throw-away schema and role
 * of their own and parallel test runs never see each other's tables.
 */
import { randomBytes } from 'crypto';
import { Client, ClientConfig } from 'pg';
import {
  COMPLAINTS_DATABASE,
  SERVICE_DATABASES,
  ServiceDatabase,
  servicePassword,
} from './services';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Any fixed number: every setup run on a cluster takes this advisory lock, so two runs at
 * once (two terminals, two test jobs) cannot race on CREATE ROLE / GRANT. */
const SETUP_LOCK_KEY = 740_420_241;

export interface EnsureDatabaseOptions {
  /** superuser connection URL to an existing database of the cluster */
  adminUrl?: string;
  /** database to create and lay out; default `complaints` */
  database?: string;
  /** which schema/role pairs; default all of SERVICE_DATABASES */
  services?: readonly ServiceDatabase[];
  /** where passwords are read from; default process.env */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface EnsureDatabaseResult {
  database: string;
  createdDatabase: boolean;
  createdRoles: string[];
  createdSchemas: string[];
}

/** `url` with its database (path) replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** The database named by a postgres:// URL, or undefined when it names none. */
export function databaseOf(url: string): string | undefined {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name || undefined;
}

async function connect(url: string, applicationName: string): Promise<Client> {
  const config: ClientConfig = {
    connectionString: url,
    application_name: applicationName,
    connectionTimeoutMillis: 10_000,
  };
  const client = new Client(config);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw explainConnectError(err, url);
  }
  return client;
}

/** Adds the one hint people need when nothing answers: how to start it. */
function explainConnectError(err: unknown, url: string): Error {
  const e = err as NodeJS.ErrnoException;
  const where = redact(url);
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || /timeout/i.test(e?.message ?? '')) {
    return new Error(
      `PostgreSQL is not reachable at ${where} (${e.code ?? e.message}). ` +
        'Start the local stack with `npm run infra:up`, or point PG_ADMIN_URL / DATABASE_URL at a running server.',
    );
  }
  if (e instanceof Error) e.message = `${e.message} (connecting to ${where})`;
  return e instanceof Error ? e : new Error(String(err));
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}

function pgCode(err: unknown): string | undefined {
  return (err as { code?: string } | undefined)?.code;
}

/** CREATE DATABASE has no IF NOT EXISTS; a concurrent creator shows up as 42P04 or 23505. */
async function createDatabaseIfMissing(admin: Client, database: string): Promise<boolean> {
  const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (found.rowCount) return false;
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
    return true;
  } catch (err) {
    if (pgCode(err) === '42P04' || pgCode(err) === '23505') return false;
    throw err;
  }
}

async function roleExists(admin: Client, role: string): Promise<boolean> {
  const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  return !!found.rowCount;
}

/**
 * Creates (or brings back in line) the database, roles and schemas. Safe to run any number of
 * times, also concurrently: existing objects are kept, ownership, passwords and grants are
 * re-applied.
 */
export async function ensureDatabase(
  opts: EnsureDatabaseOptions = {},
): Promise<EnsureDatabaseResult> {
  const adminUrl = opts.adminUrl ?? process.env.PG_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  const database = opts.database ?? COMPLAINTS_DATABASE;
  const services = opts.services ?? SERVICE_DATABASES;
  const env = opts.env ?? process.env;
  const log = opts.log ?? (() => undefined);
  const result: EnsureDatabaseResult = {
    database,
    createdDatabase: false,
    createdRoles: [],
    createdSchemas: [],
  };

  const admin = await connect(adminUrl, 'complaints-infra-setup');
  try {
    // Session-level lock, released when this connection ends (also if the process dies).
    await admin.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK_KEY]);

    result.createdDatabase = await createDatabaseIfMissing(admin, database);
    if (result.createdDatabase) log(`created database ${database}`);
    const db = admin.escapeIdentifier(database);

    for (const svc of services) {
      const role = admin.escapeIdentifier(svc.role);
      const password = admin.escapeLiteral(servicePassword(svc, env));
      if (!(await roleExists(admin, svc.role))) {
        await admin.query(`CREATE ROLE ${role} LOGIN`);
        result.createdRoles.push(svc.role);
        log(`created role ${svc.role}`);
      }
      // Re-applied every run so a role edited by hand goes back to exactly this.
      await admin.query(
        `ALTER ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${password}`,
      );
      // Unqualified table names in the service's SQL and migrations land in its own schema.
      await admin.query(
        `ALTER ROLE ${role} IN DATABASE ${db} SET search_path = ${admin.escapeIdentifier(svc.schema)}`,
      );
    }

    // Only the service roles (and superusers) may connect to the database at all.
    await admin.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
    for (const svc of services) {
      await admin.query(`GRANT CONNECT ON DATABASE ${db} TO ${admin.escapeIdentifier(svc.role)}`);
    }

    const inDb = await connect(withDatabase(adminUrl, database), 'complaints-infra-setup');
    try {
      // Nobody keeps tables in `public`: a service that forgot its schema fails loudly.
      await inDb.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
      for (const svc of services) {
        const schema = inDb.escapeIdentifier(svc.schema);
        const role = inDb.escapeIdentifier(svc.role);
        const existed = await inDb.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [
          svc.schema,
        ]);
        await inDb.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${role}`);
        if (!existed.rowCount) {
          result.createdSchemas.push(svc.schema);
          log(`created schema ${svc.schema} owned by ${svc.role}`);
        }
        // The owner has every right on the schema (its migrations create tables there).
        await inDb.query(`ALTER SCHEMA ${schema} OWNER TO ${role}`);
        await inDb.query(`REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC`);
        // Undo any hand-made grant to a sibling service: no service reads another's schema.
        for (const other of services) {
          if (other.role === svc.role) continue;
          await inDb.query(
            `REVOKE ALL ON SCHEMA ${schema} FROM ${inDb.escapeIdentifier(other.role)}`,
          );
        }
      }
    } finally {
      await inDb.end();
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
  return result;
}

export interface IsolatedSchema {
  /** schema and role share this name */
  schema: string;
  role: string;
  password: string;
  database: string;
  /** connection URL for the role; its search_path is the schema */
  url: string;
  /** drops the schema (with everything in it) and the role */
  drop(): Promise<void>;
}

/** Postgres folds and limits identifiers to 63 bytes; keep names plain and short. */
function isolatedName(prefix: string): string {
  const clean =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'test';
  return `it_${clean}_${randomBytes(5).toString('hex')}`;
}

/**
 * A schema and an owning login role with a random name starting `it_<name>_`, for one test
 * suite. Creates `database` when missing (without the service layout). Call drop() in
 * afterAll; leftovers of killed runs are plain `it_*` roles/schemas, safe to delete.
 */
export async function createIsolatedSchema(
  adminUrl: string,
  database: string,
  name: string,
): Promise<IsolatedSchema> {
  const ident = isolatedName(name);
  const password = randomBytes(12).toString('hex');

  const admin = await connect(adminUrl, 'complaints-isolated-schema');
  try {
    await createDatabaseIfMissing(admin, database);
    const role = admin.escapeIdentifier(ident);
    const db = admin.escapeIdentifier(database);
    await admin.query(
      `CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${admin.escapeLiteral(password)}`,
    );
    await admin.query(`GRANT CONNECT ON DATABASE ${db} TO ${role}`);
    await admin.query(`ALTER ROLE ${role} IN DATABASE ${db} SET search_path = ${role}`);
  } finally {
    await admin.end().catch(() => undefined);
  }

  const inDb = await connect(withDatabase(adminUrl, database), 'complaints-isolated-schema');
  try {
    const id = inDb.escapeIdentifier(ident);
    await inDb.query(`CREATE SCHEMA ${id} AUTHORIZATION ${id}`);
  } finally {
    await inDb.end();
  }

  const url = new URL(withDatabase(adminUrl, database));
  url.username = ident;
  url.password = password;

  return {
    schema: ident,
    role: ident,
    password,
    database,
    url: url.toString(),
    drop: () => dropIsolatedSchema(adminUrl, database, ident),
  };
}

/** Drops a schema/role pair made by createIsolatedSchema. Missing pieces are ignored. */
export async function dropIsolatedSchema(
  adminUrl: string,
  database: string,
  name: string,
): Promise<void> {
  const inDb = await connect(withDatabase(adminUrl, database), 'complaints-isolated-schema');
  try {
    // A pool a test forgot to close would otherwise keep the role alive.
    await inDb.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await inDb.query(`DROP SCHEMA IF EXISTS ${inDb.escapeIdentifier(name)} CASCADE`);
    if (await roleExists(inDb, name)) {
      // Also revokes its CONNECT grant on the database, which would block DROP ROLE.
      await inDb.query(`DROP OWNED BY ${inDb.escapeIdentifier(name)} CASCADE`);
      await inDb.query(`DROP ROLE IF EXISTS ${inDb.escapeIdentifier(name)}`);
    }
  } finally {
    await inDb.end();
  }
}

/** Settings for the command line: PG_ADMIN_URL wins, else DATABASE_URL's server and name. */
export function setupOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EnsureDatabaseOptions {
  const databaseUrl = env.DATABASE_URL;
  const adminUrl =
    env.PG_ADMIN_URL || (databaseUrl ? withDatabase(databaseUrl, 'postgres') : DEFAULT_ADMIN_URL);
  const database = (databaseUrl && databaseOf(databaseUrl)) || COMPLAINTS_DATABASE;
  return { adminUrl, database, env };
}

/** The server may still be starting (compose, a fresh cluster): retry for a while. */
async function waitForServer(adminUrl: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const c = await connect(adminUrl, 'complaints-infra-setup');
      await c.end();
      return;
    } catch (err) {
      if (Date.now() >= deadline) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function main(): Promise<void> {
  const opts = setupOptionsFromEnv();
  const adminUrl = opts.adminUrl ?? DEFAULT_ADMIN_URL;
  await waitForServer(adminUrl, Number(process.env.PG_WAIT_SECONDS ?? 30));
  const result = await ensureDatabase({ ...opts, log: (l) => console.log(`[postgres] ${l}`) });
  console.log(
    `[postgres] database ${result.database} ready on ${redact(withDatabase(adminUrl, result.database))}: ` +
      SERVICE_DATABASES.map((s) => `${s.schema}(${s.role})`).join(', '),
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`[postgres] setup failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
