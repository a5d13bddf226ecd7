#!/usr/bin/env node
// Prints one line per project and a last line `N passed, N failed` from the files
// infra/jest/results-processor.js wrote. Usage: summarize.js <results-dir> [project ...]
// Projects named on the command line but without a file never reached Jest (a crash, a
// config error) and are listed as such.
const fs = require('fs');
const path = require('path');

const dir = process.argv[2] || path.resolve(__dirname, '../../.data/test-results');
const expected = process.argv.slice(3);

const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
const runs = files
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))
  .sort((a, b) => a.project.localeCompare(b.project));

let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of runs) {
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  const extra = [
    r.skipped ? `${r.skipped} skipped` : '',
    r.failedToRun.length
      ? `${r.failedToRun.length} test file(s) failed to run: ${r.failedToRun.join(', ')}`
      : '',
  ].filter(Boolean);
  const mark = r.success ? 'ok  ' : 'FAIL';
  const took = r.seconds !== undefined ? ` (${r.seconds} s)` : '';
  console.log(
    `${mark} ${r.project}: ${r.passed} passed, ${r.failed} failed${took}${extra.length ? `; ${extra.join('; ')}` : ''}`,
  );
}
// The failures themselves, a few lines each (the full output is above in the log).
for (const r of runs) {
  for (const f of r.failures || []) {
    console.log(`\n--- ${r.project}: ${f.file} › ${f.test}\n${f.message}`);
  }
}
const slow = runs
  .flatMap((r) => (r.slowest || []).map((s) => ({ ...s, project: r.project })))
  .sort((a, b) => b.s - a.s)
  .slice(0, 8);
if (slow.length) {
  console.log(
    `\nslowest test files: ${slow.map((s) => `${s.file} ${Math.round(s.s)} s`).join(', ')}`,
  );
}
const seen = new Set(runs.map((r) => r.project));
for (const p of expected.filter((p) => !seen.has(p))) {
  console.log(
    `FAIL ${p}: no Jest results (no tests found, or Jest failed before reporting; see its output above)`,
  );
}
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
