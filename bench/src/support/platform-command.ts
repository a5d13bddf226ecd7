import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { join, resolve } from 'path';
import { ROOT } from './system-info';

const BUILD_SCRIPT = 'infra/build/build.js';
let built = false;

/**
 * Whether the processes the benchmark starts run compiled, as in production: when the platform
 * under test (this checkout, or the commit bench/run-at.sh checked out) has `npm run build`.
 * Older commits ran from their sources through @swc-node/register, and are measured that way.
 * SERVICE_RUNTIME=ts measures the sources through the loader anyway.
 */
export function platformIsCompiled(): boolean {
  return process.env['SERVICE_RUNTIME'] !== 'ts' && existsSync(resolve(ROOT, BUILD_SCRIPT));
}

/** Brings dist/ up to date (once per run; about a second when everything compiles). */
export function buildPlatform(): void {
  if (built || !platformIsCompiled()) return;
  execFileSync(process.execPath, [BUILD_SCRIPT], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

/** node's arguments to run a TypeScript entry of the checkout (path relative to ROOT). */
export function platformNodeArgs(entry: string): string[] {
  if (!platformIsCompiled()) return ['-r', '@swc-node/register', resolve(ROOT, entry)];
  buildPlatform();
  return [resolve(ROOT, 'dist', entry.replace(/\.ts$/, '.js'))];
}

/** NODE_OPTIONS that preload a TypeScript module of the checkout into a service process. */
export function platformPreload(entry: string): string {
  // swc first when running sources: NODE_OPTIONS preloads run before the command line's -r.
  if (!platformIsCompiled())
    return `--require @swc-node/register --require ${resolve(ROOT, entry)}`;
  buildPlatform();
  return `--require ${join(ROOT, 'dist', entry.replace(/\.ts$/, '.js'))}`;
}
