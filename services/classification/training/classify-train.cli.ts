/**
 * `npm run classify:train -- [--labels FILE.jsonl]... [--no-db] [--no-embeddings] [--out PATH]`
 *
 * Trains the classifier on the shipped corpus (corpus/train.jsonl), the officers' corrections
 * in the service's database (DATABASE_URL, DATABASE_SCHEMA, default `classification`) and any
 * labelled files given, evaluates it on the held-out corpus/test.jsonl and writes the
 * candidate artifact (model/candidate.json). It promotes nothing: `npm run classify:promote`.
 * A bad training file (malformed lines, unknown labels, too few examples a class) names every
 * problem and trains nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatEvaluation } from '../src/model/evaluation';
import type { LabelledComplaint } from '../src/model/labelled-complaint';
import { LabelledFileError, readLabelledFile } from '../src/model/labelled-file';
import {
  CANDIDATE_MODEL,
  CORPUS_DIR,
  config,
  err,
  loadEmbedder,
  out,
  routingTable,
} from './cli-support';
import { readOfficerLabels } from './officer-labels';
import { trainingProblems, trainModel } from './train-model';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      labels: { type: 'string', multiple: true, default: [] },
      'no-db': { type: 'boolean', default: false },
      'no-embeddings': { type: 'boolean', default: false },
      out: { type: 'string', default: CANDIDATE_MODEL },
    },
  });
  const cfg = config();
  let corpus: LabelledComplaint[];
  let test: LabelledComplaint[];
  const extra: LabelledComplaint[] = [];
  try {
    corpus = readLabelledFile(join(CORPUS_DIR, 'train.jsonl'));
    test = readLabelledFile(join(CORPUS_DIR, 'test.jsonl'));
    for (const f of values.labels ?? []) extra.push(...readLabelledFile(f));
  } catch (e) {
    if (e instanceof LabelledFileError) {
      err(`nothing trained: ${e.message}`);
      return 1;
    }
    throw e;
  }
  if (!values['no-db']) {
    const schema = cfg.DATABASE_SCHEMA ?? 'classification';
    const { labels, withoutText } = await readOfficerLabels(cfg.DATABASE_URL, schema).catch(
      (e: unknown) => {
        const why = e instanceof Error ? e.message : String(e);
        throw new Error(
          `cannot read officers' corrections from schema ${schema} (${why}); start classification once so its migrations run, or pass --no-db`,
        );
      },
    );
    out(`officers' corrections: ${labels.length} used, ${withoutText} without stored text`);
    extra.push(...labels);
  }
  const known = [...new Set(corpus.map((c) => `${c.label}/${c.subcategory}`))];
  const departmentOf = routingTable();
  const problems = trainingProblems([...corpus, ...extra], known);
  extra.forEach((e, i) => {
    if (e.department && e.subcategory && !departmentOf(e.label, e.subcategory))
      problems.push(`label ${e.id ?? i + 1}: no route for ${e.label}/${e.subcategory}`);
  });
  if (problems.length) {
    err(`nothing trained:\n${problems.join('\n')}`);
    return 1;
  }
  const embedder = values['no-embeddings']
    ? undefined
    : await loadEmbedder(cfg.CLASSIFIER_EMBEDDINGS_DIR);
  const now = new Date();
  const version = `clf-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
  const started = Date.now();
  const artifact = await trainModel({ corpus, labels: extra, test, version, now, embedder });
  writeFileSync(values.out ?? CANDIDATE_MODEL, `${JSON.stringify(artifact)}\n`);
  out(
    `trained ${version} on ${corpus.length} corpus complaints + ${extra.length} labels in ${Date.now() - started} ms`,
  );
  for (const [name, v] of Object.entries(artifact.variants)) {
    out(`\n== ${name} variant, held-out test split ==`);
    out(formatEvaluation(v.evaluation));
  }
  out(`\nwritten to ${values.out}; promote with: npm run classify:promote`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    err(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
