/**
 * `npm run intake:key -- <command>`: API keys of the systems that call intake.
 *
 *   create --system NAME [--scopes complaints:write,complaints:read,feedback:write] [--json]
 *     (without --scopes: complaints:write,complaints:read; feedback:write only when asked for)
 *   revoke KEY_ID
 *   list [--system NAME] [--json]
 *
 * Connects like the service (DATABASE_URL, DATABASE_SCHEMA, default schema `intake`), to
 * tables intake's migrations created: start intake once first. The key is printed once and
 * stored nowhere; only its SHA-256 is kept.
 */
import 'reflect-metadata';
import { parseArgs } from 'util';
import { DataSource } from 'typeorm';
import { loadConfig, SystemClock } from '@complaints/platform';
import { ApiKey } from '../api-keys/api-key.entity';
import { ApiKeyService } from '../api-keys/api-key.service';
import { DEFAULT_SCOPES, SCOPES } from '../api-keys/api-key.scopes';
import { IntakeConfig } from '../config/intake.config';

const USAGE = `usage: npm run intake:key -- <command>
  create --system NAME [--scopes ${SCOPES.join(',')}] [--json]
                       print a new key (once); default scopes ${DEFAULT_SCOPES.join(',')}
  revoke KEY_ID                                                    refuse the key from now on
  list [--system NAME] [--json]                                    keys, without their secrets
environment: DATABASE_URL, DATABASE_SCHEMA (default intake)`;

class UsageError extends Error {}

const out = (text: string): void => void process.stdout.write(`${text}\n`);

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      system: { type: 'string' },
      scopes: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) throw new UsageError('');
  const config = loadConfig(IntakeConfig);
  const schema = config.DATABASE_SCHEMA ?? 'intake';
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    schema,
    entities: [ApiKey],
    extra: { options: `-c search_path="${schema}"`, max: 1 },
  });
  await dataSource.initialize();
  try {
    await assertMigrated(dataSource, schema);
    const keys = new ApiKeyService(dataSource, new SystemClock());
    if (command === 'create') await create(keys, values.system, values.scopes, values.json);
    else if (command === 'revoke') await revoke(keys, rest[0]);
    else if (command === 'list') await list(keys, values.system, values.json);
    else throw new UsageError(`unknown command ${command}`);
  } finally {
    await dataSource.destroy();
  }
}

async function create(
  keys: ApiKeyService,
  system: string | undefined,
  scopes: string | undefined,
  json: boolean,
): Promise<void> {
  if (!system) throw new UsageError('create needs --system NAME');
  const requested = scopes
    ? scopes
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [...DEFAULT_SCOPES];
  const created = await keys.create(system, requested);
  if (json) return out(JSON.stringify(created));
  out(`API key ${created.id} for system "${created.system}", scopes ${created.scopes.join(', ')}.`);
  out(
    'Shown only now; keep it in the calling system\'s secret store and send it as "Authorization: Bearer <key>":',
  );
  out(created.key);
}

async function revoke(keys: ApiKeyService, id: string | undefined): Promise<void> {
  if (!id) throw new UsageError('revoke needs the key id (see list)');
  const revoked = await keys.revoke(id);
  if (!revoked) throw new Error(`no active key ${id}`);
  out(
    `Revoked ${revoked.id} of system "${revoked.callerSystem}". Intake refuses it within API_KEY_CACHE_SECONDS.`,
  );
}

async function list(keys: ApiKeyService, system: string | undefined, json: boolean): Promise<void> {
  const all = await keys.list(system);
  const rows = all.map((k) => ({
    id: k.id,
    system: k.callerSystem,
    scopes: k.scopes,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
  if (json) return out(JSON.stringify(rows));
  if (rows.length === 0) return out('no keys');
  for (const r of rows) {
    out(
      `${r.id}  ${r.system.padEnd(24)} ${r.scopes.join(',').padEnd(34)} created ${r.createdAt}${r.revokedAt ? `  REVOKED ${r.revokedAt}` : ''}`,
    );
  }
}

/** Writing before intake made its tables would create them as the wrong owner; refuse instead. */
async function assertMigrated(dataSource: DataSource, schema: string): Promise<void> {
  const [row]: { ran: boolean }[] = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'api_key') AS ran`,
    [schema],
  );
  if (!row.ran)
    throw new Error(
      `schema ${schema} has no api_key table yet: start intake once first (npm start)`,
    );
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    if (err.message) process.stderr.write(`${err.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`intake:key: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
