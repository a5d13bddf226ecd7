import { execFile } from 'child_process';
import { resolve } from 'path';
import { promisify } from 'util';
import { nodeArgs } from '@complaints/testing';

const ROOT = resolve(__dirname, '../../../..');
const run = promisify(execFile);

/** Runs `npm run intake:key -- ...args` as a user would (the same script, not npm's wrapper). */
export async function intakeKeyCli(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [...(await nodeArgs('services/intake/src/cli/intake-key.cli.ts', ROOT)), ...args],
    { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
  );
  return stdout;
}
