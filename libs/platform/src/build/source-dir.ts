import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

/** The file `npm run build` (infra/build/build.js) writes at the top of its output, dist/. */
export const BUILD_MARKER = '.complaints-build';

/**
 * The source directory of a module: `dir` (its `__dirname`) when it runs from its TypeScript
 * source, and `<root>/<path>` when it runs compiled from `<root>/dist/<path>` (the build mirrors
 * the tree). Files kept beside the sources, not compiled (the trained model, the web app's
 * build), are found from either.
 */
export function sourceDir(dir: string): string {
  const marker = `${sep}dist${sep}`;
  const at = dir.lastIndexOf(marker);
  if (at < 0) return dir;
  const root = dir.slice(0, at);
  if (!existsSync(join(root, 'dist', BUILD_MARKER))) return dir;
  return join(root, dir.slice(at + marker.length));
}
