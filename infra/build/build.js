#!/usr/bin/env node
/**
 * `npm run build` (node infra/build/build.js [--quiet]): compiles every service, the libs, infra
 * and the benchmark from TypeScript to CommonJS under dist/, mirroring the tree
 * (services/intake/src/main.ts -> dist/services/intake/src/main.js), with swc and the options
 * the run-time loader (@swc-node/register) uses: legacy decorators with their metadata (NestJS,
 * TypeORM and class-validator read it), class names kept, tsconfig.base.json's path aliases
 * (@complaints/...) rewritten to relative paths, which hold in the mirrored tree too. JSON files
 * beside the sources under src/ (feedback's templates) are copied. Specs, jest configs and the
 * workbench's browser app (Vite builds it) are not compiled; type checking stays with `npm run
 * typecheck`.
 *
 * Incremental: a file is compiled again only when its source is newer than its output, and
 * everything when the compiler, its options or this script change; outputs whose source is gone
 * are removed. Runs started at once (test workers) take turns on a lock, so the second finds the
 * work done. Written in plain JavaScript so that it runs without the loader it replaces.
 */
'use strict';
const { createHash } = require('crypto');
const fs = require('fs');
const { dirname, join, relative, resolve, sep } = require('path');

const ROOT = resolve(__dirname, '../..');
const OUT = join(ROOT, 'dist');
/** The marker at the top of the output; libs/platform's sourceDir() looks for it. */
const MARKER = '.complaints-build';
const LOCK = join(OUT, '.build.lock');
const TREES = ['libs', 'services', 'infra', 'bench'];
/** Directory names never walked into (dependencies, outputs, data, the browser app). */
const SKIP_DIRS = new Set(['node_modules', 'dist', '.dist', '.data', 'coverage', 'results']);
const SKIP_PATHS = new Set([join('services', 'workbench', 'app')]);
const PARALLEL = 8;

function swcOptions() {
  const base = JSON.parse(fs.readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8'));
  const paths = base.compilerOptions.paths ?? {};
  return {
    swcrc: false,
    configFile: false,
    sourceMaps: true,
    inlineSourcesContent: false,
    module: { type: 'commonjs', noInterop: false },
    jsc: {
      target: 'es2022',
      keepClassNames: true,
      externalHelpers: false,
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        useDefineForClassFields: false,
      },
      baseUrl: ROOT,
      paths,
      experimental: { keepImportAttributes: true },
    },
  };
}

function isSource(file) {
  if (!file.endsWith('.ts') || file.endsWith('.d.ts')) return false;
  if (/\.(spec|int-spec|e2e-spec)\.ts$/.test(file)) return false;
  return !/(^|[/\\])jest\.config\.ts$/.test(file);
}

/** Source files (relative to ROOT): TypeScript to compile, JSON under src/ to copy. */
function sources() {
  const ts = [];
  const json = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(join(ROOT, rel), { withFileTypes: true })) {
      const path = join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !SKIP_PATHS.has(path)) walk(path);
      } else if (isSource(path)) ts.push(path);
      else if (path.endsWith('.json') && path.split(sep).includes('src')) json.push(path);
    }
  };
  for (const tree of TREES) if (fs.existsSync(join(ROOT, tree))) walk(tree);
  return { ts, json };
}

function mtime(path) {
  try {
    return fs.statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

function writeAtomic(path, data) {
  fs.mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, path);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the build lock (a directory holding the owner's pid); waits for a live owner. */
function lock() {
  fs.mkdirSync(OUT, { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    let owner = NaN;
    try {
      owner = Number(fs.readFileSync(join(LOCK, 'pid'), 'utf8'));
    } catch {
      // the owner has not written its pid yet, or just let go
    }
    let alive = true;
    if (Number.isInteger(owner) && owner > 0) {
      try {
        process.kill(owner, 0);
      } catch {
        alive = false;
      }
    } else if (Date.now() - mtime(LOCK) > 10_000) alive = false;
    if (!alive) fs.rmSync(LOCK, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`build lock ${LOCK} held by pid ${owner}`);
    else sleep(100);
  }
}

function unlock() {
  fs.rmSync(LOCK, { recursive: true, force: true });
}

/** Removes outputs whose source no longer exists (and directories left empty). */
function prune(expected) {
  let removed = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path === LOCK) continue;
        walk(path);
        if (fs.readdirSync(path).length === 0) fs.rmdirSync(path);
      } else if (path !== join(OUT, MARKER) && !expected.has(path)) {
        fs.rmSync(path, { force: true });
        removed++;
      }
    }
  };
  walk(OUT);
  return removed;
}

/**
 * Brings dist/ up to date with the sources; returns what it did. Synchronous to its callers
 * apart from the compile itself, which runs on swc's thread pool.
 */
async function build({ quiet = false } = {}) {
  const started = Date.now();
  const swc = require('@swc/core');
  const options = swcOptions();
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ swc: swc.version, node: process.version, options }))
    .update(fs.readFileSync(__filename))
    .digest('hex');
  lock();
  try {
    const markerFile = join(OUT, MARKER);
    const fresh = fs.existsSync(markerFile) && fs.readFileSync(markerFile, 'utf8') === fingerprint;
    const { ts, json } = sources();
    const expected = new Set();
    const todo = [];
    for (const rel of ts) {
      const out = join(OUT, rel.replace(/\.ts$/, '.js'));
      expected.add(out);
      expected.add(`${out}.map`);
      if (!fresh || mtime(out) < mtime(join(ROOT, rel))) todo.push({ rel, out });
    }
    let copied = 0;
    for (const rel of json) {
      const out = join(OUT, rel);
      expected.add(out);
      if (!fresh || mtime(out) < mtime(join(ROOT, rel))) {
        writeAtomic(out, fs.readFileSync(join(ROOT, rel)));
        copied++;
      }
    }
    // The marker goes only after everything compiled: an interrupted build is redone whole.
    if (!fresh) fs.rmSync(markerFile, { force: true });
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const { rel, out } = todo[next++];
        const src = join(ROOT, rel);
        const result = await swc.transformFile(src, {
          ...options,
          filename: src,
          outputPath: out,
          sourceFileName: relative(dirname(out), src),
        });
        writeAtomic(`${out}.map`, result.map ?? '');
        writeAtomic(out, `${result.code}\n//# sourceMappingURL=${out.split(sep).pop()}.map\n`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const removed = prune(expected);
    fs.writeFileSync(markerFile, fingerprint);
    const summary = {
      compiled: todo.length,
      copied,
      removed,
      files: ts.length,
      ms: Date.now() - started,
    };
    if (!quiet && (todo.length > 0 || copied > 0 || removed > 0))
      process.stderr.write(
        `[build] dist/: compiled ${todo.length} of ${ts.length} files, copied ${copied} JSON, removed ${removed} stale, in ${summary.ms} ms\n`,
      );
    return summary;
  } finally {
    unlock();
  }
}

module.exports = { build, OUT, MARKER };

if (require.main === module) {
  build({ quiet: process.argv.includes('--quiet') }).catch((err) => {
    process.stderr.write(`[build] failed: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  });
}
