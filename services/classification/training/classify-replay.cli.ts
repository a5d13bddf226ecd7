/**
 * `npm run classify:replay -- [--model PATH] [--no-embeddings]`: runs complaints.received.v1
 * from the beginning through a model version (default: the candidate when there is one, else
 * the current model) and reports what would change against the current classifications, by
 * class and by department. Publishes nothing, writes nothing. Connects like the service
 * (KAFKA_BROKERS, TOPIC_PREFIX, DATABASE_URL, DATABASE_SCHEMA).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ComplaintClassifier } from '../src/model/complaint-classifier';
import {
  CANDIDATE_MODEL,
  config,
  CURRENT_MODEL,
  err,
  loadEmbedder,
  out,
  readArtifact,
} from './cli-support';
import { replayReceived } from './replay';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: {
        type: 'string',
        default: existsSync(CANDIDATE_MODEL) ? CANDIDATE_MODEL : CURRENT_MODEL,
      },
      'no-embeddings': { type: 'boolean', default: false },
    },
  });
  const cfg = config();
  const artifact = readArtifact(values.model ?? CURRENT_MODEL);
  const embedder = values['no-embeddings']
    ? undefined
    : await loadEmbedder(cfg.CLASSIFIER_EMBEDDINGS_DIR);
  const model = new ComplaintClassifier(artifact, embedder);
  const r = await replayReceived({
    brokers: cfg.KAFKA_BROKERS,
    topicPrefix: cfg.TOPIC_PREFIX,
    databaseUrl: cfg.DATABASE_URL,
    schema: cfg.DATABASE_SCHEMA ?? 'classification',
    model,
    triageBelow: cfg.CLASSIFIER_TRIAGE_BELOW,
    triageDepartment: cfg.TRIAGE_DEPARTMENT,
  });
  out(
    `model ${model.version}: ${r.complaints} received complaints, ${r.compared} classified and compared`,
  );
  out(`would go to triage: ${r.wouldTriage}`);
  for (const [what, changes] of [
    ['class', r.classChanges],
    ['department', r.departmentChanges],
  ] as const) {
    const total = Object.values(changes).reduce((a, b) => a + b, 0);
    out(`${what} would change for ${total}`);
    for (const [k, n] of Object.entries(changes).sort((a, b) => b[1] - a[1])) out(`  ${k}: ${n}`);
  }
  out('nothing republished');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    err(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
