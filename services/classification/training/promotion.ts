import { copyFileSync, existsSync } from 'node:fs';
import type { ModelArtifact, VariantName } from '../src/model/model-artifact';

export interface PromotionDecision {
  promote: boolean;
  reason: string;
}

/**
 * A candidate replaces the current model only when it scores at least as well on the test
 * split (macro-F1 of the variant the service would use), or when forced.
 */
export function decidePromotion(
  candidate: ModelArtifact,
  current: ModelArtifact | undefined,
  variant: VariantName,
  force: boolean,
): PromotionDecision {
  if (!current) return { promote: true, reason: 'no current model' };
  const c = (candidate.variants[variant] ?? candidate.variants.ngram).evaluation.macroF1;
  const p = (current.variants[variant] ?? current.variants.ngram).evaluation.macroF1;
  const figures = `candidate ${candidate.version} macro-F1 ${c.toFixed(3)}, current ${current.version} ${p.toFixed(3)} (${variant})`;
  if (c >= p) return { promote: true, reason: figures };
  if (force) return { promote: true, reason: `${figures}; forced` };
  return { promote: false, reason: `${figures}: worse, not promoted (--force to promote anyway)` };
}

export function promoteFile(candidatePath: string, currentPath: string): void {
  if (!existsSync(candidatePath)) throw new Error(`no candidate at ${candidatePath}`);
  copyFileSync(candidatePath, currentPath);
}
