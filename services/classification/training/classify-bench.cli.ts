/**
 * `npm run classify:bench -- [--seconds 10] [--json]`: the classifier's speed and memory on one core, on
 * the corpus's test complaints: throughput one at a time and in batches of 32, latency
 * (p50/p99) of single requests at 50 a second, and the process's resident memory with the
 * model loaded. Per variant (embedding when the models are fetched, ngram always).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ComplaintClassifier } from '../src/model/complaint-classifier';
import type { ClassifierText } from '../src/model/complaint-classifier';
import { readLabelledFile } from '../src/model/labelled-file';
import { config, CORPUS_DIR, CURRENT_MODEL, loadEmbedder, out, readArtifact } from './cli-support';

const BATCH = 32;
const RATE_PER_SECOND = 50;

async function throughput(
  model: ComplaintClassifier,
  texts: ClassifierText[],
  ms: number,
  batch: number,
) {
  const started = Date.now();
  let n = 0;
  while (Date.now() - started < ms) {
    const slice = Array.from({ length: batch }, (_, i) => texts[(n + i) % texts.length]);
    if (batch === 1) await model.classify(slice[0]);
    else await model.classifyMany(slice);
    n += batch;
  }
  return (n * 1000) / (Date.now() - started);
}

async function latency(model: ComplaintClassifier, texts: ClassifierText[], ms: number) {
  const times: number[] = [];
  const interval = 1000 / RATE_PER_SECOND;
  const started = Date.now();
  for (let i = 0; Date.now() - started < ms; i++) {
    const due = started + i * interval;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const t = process.hrtime.bigint();
    await model.classify(texts[i % texts.length]);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { p50: q(0.5), p99: q(0.99), requests: times.length };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { seconds: { type: 'string', default: '10' }, json: { type: 'boolean' } },
  });
  const ms = Number(values.seconds) * 1000;
  const texts = readLabelledFile(join(CORPUS_DIR, 'test.jsonl')).map((r) => ({
    text: r.text,
    language: r.language,
  }));
  const artifact = readArtifact(CURRENT_MODEL);
  const embedder = await loadEmbedder(config().CLASSIFIER_EMBEDDINGS_DIR);
  const models = [new ComplaintClassifier(artifact, embedder), new ComplaintClassifier(artifact)];
  const variants: Record<string, number | string>[] = [];
  for (const model of models.filter((m, i) => i === 1 || m.variantName === 'embedding')) {
    await throughput(model, texts, 1000, 1); // warm-up
    const single = await throughput(model, texts, ms, 1);
    const batched = await throughput(model, texts, ms, BATCH);
    const lat = await latency(model, texts, ms);
    variants.push({
      version: model.version,
      variant: model.variantName,
      singlePerSecond: Math.round(single),
      batchedPerSecond: Math.round(batched),
      batch: BATCH,
      ratePerSecond: RATE_PER_SECOND,
      p50Ms: Number(lat.p50.toFixed(2)),
      p99Ms: Number(lat.p99.toFixed(2)),
      requests: lat.requests,
    });
    if (values.json) continue;
    out(
      `${model.version}: ${single.toFixed(0)} complaints/s one at a time, ${batched.toFixed(0)}/s in batches of ${BATCH}; ` +
        `at ${RATE_PER_SECOND}/s p50 ${lat.p50.toFixed(1)} ms, p99 ${lat.p99.toFixed(1)} ms (${lat.requests} requests)`,
    );
  }
  const rssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
  // --json: one line for the project's benchmark (bench/src/classifier).
  if (values.json) return out(JSON.stringify({ variants, rssMiB }));
  out(`resident memory ${rssMiB} MiB with both variants loaded`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
