/**
 * `npm run classify:promote -- [--candidate PATH] [--force]`: makes the candidate the current
 * model (model/current.json, which the service loads at start) when it scores at least as well
 * on the corpus's test split as the current one, both evaluated now on the same split (the
 * embedding variant when the models are fetched); a worse candidate only with --force.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ComplaintClassifier } from '../src/model/complaint-classifier';
import { readLabelledFile } from '../src/model/labelled-file';
import type { ModelArtifact } from '../src/model/model-artifact';
import {
  CANDIDATE_MODEL,
  config,
  CORPUS_DIR,
  CURRENT_MODEL,
  err,
  loadEmbedder,
  out,
  readArtifact,
} from './cli-support';
import { decidePromotion, promoteFile } from './promotion';
import { evaluateModel } from './train-model';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      candidate: { type: 'string', default: CANDIDATE_MODEL },
      current: { type: 'string', default: CURRENT_MODEL },
      force: { type: 'boolean', default: false },
    },
  });
  const candidatePath = values.candidate ?? CANDIDATE_MODEL;
  const currentPath = values.current ?? CURRENT_MODEL;
  const candidate = readArtifact(candidatePath);
  const current = existsSync(currentPath) ? readArtifact(currentPath) : undefined;
  const both = candidate.variants.embedding && current?.variants.embedding;
  const embedder = both ? await loadEmbedder(config().CLASSIFIER_EMBEDDINGS_DIR) : undefined;
  const variant = embedder ? 'embedding' : 'ngram';
  const test = readLabelledFile(join(CORPUS_DIR, 'test.jsonl'));
  const rescore = async (a: ModelArtifact): Promise<void> => {
    const v = a.variants[variant] ?? a.variants.ngram;
    v.evaluation = await evaluateModel(new ComplaintClassifier(a, embedder), test);
  };
  await rescore(candidate);
  if (current) await rescore(current);
  const decision = decidePromotion(candidate, current, variant, values.force ?? false);
  if (!decision.promote) {
    err(decision.reason);
    return 1;
  }
  promoteFile(candidatePath, currentPath);
  out(`promoted ${candidate.version}: ${decision.reason}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    err(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
