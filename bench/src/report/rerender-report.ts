/**
 * `node -r @swc-node/register bench/src/report/rerender-report.ts bench/results/full.json`:
 * derives the ratios and aims again and rewrites the markdown next to the JSON, after a change
 * to how figures are derived or written (the measurements themselves are not touched).
 */
import { readFileSync, writeFileSync } from 'fs';
import { BenchResult, deriveFigures } from './bench-result';
import { renderReport } from './render-report';

const file = process.argv[2];
if (!file || !file.endsWith('.json')) {
  console.error('usage: rerender-report.ts RESULT.json');
  process.exit(2);
}
const result = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
if (result.pipeline) {
  const main = result.pipeline.runs.find((r) => r.mode === 'max');
  if (main) result.pipeline.maxPerSec = main.overallPerSec;
}
result.figures = deriveFigures(result);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(file.replace(/\.json$/, '.md'), renderReport(result));
console.log(`rewrote ${file} and its .md`);
