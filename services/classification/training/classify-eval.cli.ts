/**
 * `npm run classify:eval -- FILE.jsonl [--model PATH] [--no-embeddings]`: evaluates a model
 * (default: the current one) on a labelled file, one JSON object a line with `description` or
 * `text`, optional `subject` and `language`, `label` and optional `department`. Prints per-class
 * precision and recall, the confusion matrix, department accuracy and, last,
 * `macro-F1 X.XXX, accuracy X.XXX on N complaints`.
 */
import { parseArgs } from 'node:util';
import { ComplaintClassifier } from '../src/model/complaint-classifier';
import { formatEvaluation } from '../src/model/evaluation';
import { LabelledFileError, readLabelledFile } from '../src/model/labelled-file';
import {
  config,
  CURRENT_MODEL,
  err,
  loadEmbedder,
  out,
  readArtifact,
  routingTable,
} from './cli-support';
import { evaluateModel } from './train-model';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      model: { type: 'string', default: CURRENT_MODEL },
      'no-embeddings': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    err('usage: npm run classify:eval -- FILE.jsonl [--model PATH] [--no-embeddings]');
    return 2;
  }
  let rows;
  try {
    rows = readLabelledFile(positionals[0]);
  } catch (e) {
    if (e instanceof LabelledFileError) {
      err(e.message);
      return 1;
    }
    throw e;
  }
  const artifact = readArtifact(values.model ?? CURRENT_MODEL);
  const embedder =
    values['no-embeddings'] || !artifact.variants.embedding
      ? undefined
      : await loadEmbedder(config().CLASSIFIER_EMBEDDINGS_DIR);
  const model = new ComplaintClassifier(artifact, embedder);
  out(`model ${model.version}`);
  out(formatEvaluation(await evaluateModel(model, rows, routingTable())));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    err(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
