import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { BenchStack } from '../pipeline/bench-stack';
import { runCommand } from '../support/run-command';
import { ROOT } from '../support/system-info';

/** How the benchmark's requests get past intake's front door (issue 4's API keys). */
export interface IntakeAccess {
  description: string;
  /** Environment for the intake process: a per-key rate limit the bench does not hit. */
  serviceEnv: Record<string, string>;
  /** Run once intake is up (its migrations made the key table): creates the bench's key. */
  prepare(stack: BenchStack): Promise<void>;
  /** Headers of every intake request. */
  headers(): Record<string, string>;
  /** Fields the request body needs besides the complaint (the calling system, before keys existed). */
  bodyFields: Record<string, string>;
  /** For the pipeline client. */
  apiKey(): string | undefined;
}

/** Requests per minute per key: far above anything this machine can serve, so the limit never shapes the load. */
const BENCH_RATE_LIMIT_PER_MINUTE = '1000000';

/**
 * Intake's own key mechanism when the checkout has it (`npm run intake:key -- create --system
 * NAME --json`, `Authorization: Bearer <key>`, RATE_LIMIT_PER_MINUTE), else the calling system
 * named in the body as before issue 4.
 */
export function intakeAccess(): IntakeAccess {
  const scripts =
    (
      JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>;
      }
    ).scripts ?? {};
  if (!scripts['intake:key']) {
    return {
      description: 'no API key (this checkout of intake has none)',
      serviceEnv: {},
      prepare: async () => undefined,
      headers: () => ({}),
      bodyFields: { callerSystem: 'bench' },
      apiKey: () => undefined,
    };
  }
  let key: string | undefined;
  return {
    description: `an API key made with \`npm run intake:key -- create --system bench\`, per-key rate limit raised to ${BENCH_RATE_LIMIT_PER_MINUTE}/min`,
    serviceEnv: { RATE_LIMIT_PER_MINUTE: BENCH_RATE_LIMIT_PER_MINUTE },
    prepare: async (stack) => {
      const result = await runCommand(
        'npm',
        [
          'run',
          '--silent',
          'intake:key',
          '--',
          'create',
          '--system',
          'bench',
          ...relayScopes(),
          '--json',
        ],
        {
          cwd: ROOT,
          timeoutMs: 60_000,
          env: {
            ...process.env,
            DATABASE_URL: stack.databaseUrl,
            DATABASE_SCHEMA: stack.schemas.intake,
          },
        },
      );
      if (result.code !== 0) throw new Error(`intake:key create failed: ${result.stderr.trim()}`);
      const line = result.stdout
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      const created = line ? (JSON.parse(line) as { key?: string }) : {};
      if (!created.key)
        throw new Error(`intake:key printed no key: ${result.stdout.slice(0, 200)}`);
      key = created.key;
    },
    headers: (): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {}),
    bodyFields: {},
    apiKey: () => key,
  };
}

/**
 * The journeys relay customers' answers through intake where the checkout has that scope
 * (the people issue); older checkouts' keys get their default scopes.
 */
function relayScopes(): string[] {
  const file = resolve(ROOT, 'services/intake/src/api-keys/api-key.scopes.ts');
  const known = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return known.includes("'feedback:write'")
    ? ['--scopes', 'complaints:write,complaints:read,feedback:write']
    : [];
}
