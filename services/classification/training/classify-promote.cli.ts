/**
 * `npm run classify:promote -- [--candidate PATH] [--force]`: makes the candidate the current
 * model (model/current.json, which the service loads at start) when it scores at least as well
 * on the test split as the current one; a worse candidate only with --force.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CANDIDATE_MODEL, CURRENT_MODEL, err, out, readArtifact } from './cli-support';
import { decidePromotion, promoteFile } from './promotion';

function main(argv: string[]): number {
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
  const variant =
    candidate.variants.embedding && current?.variants.embedding ? 'embedding' : 'ngram';
  const decision = decidePromotion(candidate, current, variant, values.force ?? false);
  if (!decision.promote) {
    err(decision.reason);
    return 1;
  }
  promoteFile(candidatePath, currentPath);
  out(`promoted ${candidate.version}: ${decision.reason}`);
  return 0;
}

try {
  process.exit(main(process.argv.slice(2)));
} catch (e) {
  err(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
