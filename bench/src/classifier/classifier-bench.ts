import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { BenchContext } from '../support/bench-context';
import { runCommand } from '../support/run-command';
import { ROOT } from '../support/system-info';

/** One variant of the classification service's model, as `classify:bench --json` measures it. */
export interface ClassifierVariant {
  version: string;
  /** `embedding` (n-grams + bge-small) or `ngram` (the fallback without the models) */
  variant: string;
  singlePerSecond: number;
  batchedPerSecond: number;
  batch: number;
  /** arrival rate of the latency run, requests/s */
  ratePerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

export interface ClassifierBench {
  /** Why nothing was measured (a checkout without the trained classifier). */
  skipped?: string;
  variants: ClassifierVariant[];
  /** resident memory of the process with both variants loaded */
  rssMiB?: number;
  seconds: number;
}

/**
 * The classifier's throughput (one at a time, in batches), latency at a fixed arrival rate and
 * memory, on the corpus's held-out complaints, one core: `npm run classify:bench -- --json` of
 * the checkout under test, so the figures are the model the service would load.
 */
export async function classifierBench(
  ctx: BenchContext,
  seconds: number,
): Promise<ClassifierBench> {
  const scripts = (
    JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    }
  ).scripts;
  if (!scripts?.['classify:bench'] || !existsSync(resolve(ROOT, 'services/classification/model'))) {
    return { skipped: 'this checkout has no trained classifier', variants: [], seconds };
  }
  await ctx.quiet('classifier');
  const result = await runCommand(
    'npm',
    ['run', '--silent', 'classify:bench', '--', '--seconds', String(seconds), '--json'],
    { cwd: ROOT, timeoutMs: (seconds * 8 + 120) * 1000 },
  );
  const line = result.stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (result.code !== 0 || !line) {
    throw new Error(
      `classify:bench failed (${result.code}): ${result.stderr.trim().slice(0, 500)}`,
    );
  }
  const parsed = JSON.parse(line) as { variants: ClassifierVariant[]; rssMiB: number };
  return { variants: parsed.variants, rssMiB: parsed.rssMiB, seconds };
}
