import { execFile } from 'child_process';
import { existsSync } from 'fs';
import { join, resolve } from 'path';
import { promisify } from 'util';

const ROOT = resolve(__dirname, '../../..');
const BUILD_SCRIPT = 'infra/build/build.js';
const builds = new Map<string, Promise<void>>();

/**
 * Brings `root`'s compiled build (dist/, `npm run build`) up to date, once per process and
 * checkout: a build with nothing to do takes a few hundred ms, a full one a few seconds.
 */
export function ensureBuilt(root: string = ROOT): Promise<void> {
  let build = builds.get(root);
  if (!build) {
    build = promisify(execFile)(process.execPath, [BUILD_SCRIPT, '--quiet'], {
      cwd: root,
      timeout: 300_000,
    }).then(
      () => undefined,
      (err: unknown) => {
        builds.delete(root);
        const out = (err as { stderr?: string }).stderr ?? '';
        throw new Error(`npm run build failed in ${root}: ${out || String(err)}`);
      },
    );
    builds.set(root, build);
  }
  return build;
}

/** True when services run from their TypeScript sources through the loader, not from dist/. */
export function runsFromSources(root: string = ROOT): boolean {
  return process.env['SERVICE_RUNTIME'] === 'ts' || !existsSync(join(root, BUILD_SCRIPT));
}

/**
 * node's arguments to run a TypeScript entry point of `root` (a path relative to it, e.g.
 * `services/intake/src/main.ts`) as production runs it: the compiled `dist/<path>.js`, built
 * first when stale. SERVICE_RUNTIME=ts, or a checkout without the build (an older commit), runs
 * the source through @swc-node/register instead. Run with `cwd: root`.
 */
export async function nodeArgs(entry: string, root: string = ROOT): Promise<string[]> {
  if (runsFromSources(root)) return ['-r', '@swc-node/register', entry];
  await ensureBuilt(root);
  return [join('dist', entry.replace(/\.ts$/, '.js'))];
}
