import { ClassifierBench } from './classifier-bench';

/** The classifier's section of the report. */
export function renderClassifier(c: ClassifierBench): string[] {
  const out = ['', '## Classifier (classification service, one core)', ''];
  if (c.skipped) return [...out, `Not measured: ${c.skipped}.`];
  out.push(
    `The trained model on the corpus's held-out complaints (\`npm run classify:bench -- --json\`, ${c.seconds} s per figure): ` +
      `throughput one complaint at a time and in batches, latency at a fixed arrival rate, resident memory ` +
      `${c.rssMiB ?? '?'} MiB with both variants loaded.`,
    '',
    '| variant | model | one at a time /s | batched /s | p50 ms | p99 ms | at |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const v of c.variants) {
    out.push(
      `| ${v.variant} | ${v.version} | ${v.singlePerSecond} | ${v.batchedPerSecond} (batches of ${v.batch}) | ` +
        `${v.p50Ms} | ${v.p99Ms} | ${v.ratePerSecond}/s, ${v.requests} requests |`,
    );
  }
  return out;
}
