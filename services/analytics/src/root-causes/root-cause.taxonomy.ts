/** One cause of a version of the taxonomy (migration 1797100200000 seeds version 1). */
export interface RootCause {
  code: string;
  /** the regulator's return groups causes as sales, claims, surrender disputes and the rest */
  regulatorCause: 'sales' | 'claims' | 'surrender' | 'other';
  labelEn: string;
  labelZh: string;
  /** lower case; used only to derive a cause from a decision's explanation */
  keywords: string[];
  position: number;
}

export type CauseSource = 'chosen' | 'derived' | 'unclassified';

export interface ResolvedCause {
  code: string | null;
  source: CauseSource;
}

/**
 * A published version of the controlled root-cause list. A decision's cause is the code the
 * handler chose when the record carries one (`rootCauseCode`); otherwise it is derived from the
 * explanation by keyword (the cause with most distinct keywords found, the earlier on a tie),
 * and marked `derived`; with no keyword found it is `unclassified`. The explanation itself is
 * never stored.
 */
export class RootCauseTaxonomy {
  private readonly byCode: Map<string, RootCause>;

  constructor(
    readonly version: number,
    readonly causes: readonly RootCause[],
  ) {
    this.byCode = new Map(causes.map((c) => [c.code, c]));
  }

  get(code: string): RootCause | undefined {
    return this.byCode.get(code);
  }

  resolve(decision: { rootCauseCode?: string; rootCause: string }): ResolvedCause {
    if (decision.rootCauseCode) return { code: decision.rootCauseCode, source: 'chosen' };
    const text = decision.rootCause.toLowerCase();
    let best: RootCause | undefined;
    let bestHits = 0;
    for (const cause of this.causes) {
      const hits = cause.keywords.filter((k) => text.includes(k)).length;
      if (
        hits > bestHits ||
        (hits === bestHits && hits > 0 && best && cause.position < best.position)
      ) {
        best = cause;
        bestHits = hits;
      }
    }
    return best ? { code: best.code, source: 'derived' } : { code: null, source: 'unclassified' };
  }
}
