/** What one survey answer leads to. */
export type FeedbackDecision =
  | { kind: 'close'; resolution: 'satisfied' | 'escalated' }
  | { kind: 'reopen'; /** this reopening included, >= 1 */ reopenCount: number };

export interface FeedbackFacts {
  /** 1..5 */
  rating: number;
  solved: boolean;
  /** times the complaint had been reopened before this answer, >= 0 */
  reopenCount: number;
}

export interface FeedbackPolicy {
  /** satisfied = solved and rating >= this */
  satisfiedMinRating: number;
  /** reopenings allowed; a dissatisfied answer beyond them escalates */
  maxReopens: number;
}

/**
 * A satisfied customer closes the complaint. A dissatisfied one sends it back to
 * investigation while reopenings remain; after that it closes as escalated, leaving the
 * external remedies (mediation, arbitration, courts) the letter names.
 */
export function decideAfterFeedback(
  facts: FeedbackFacts,
  policy: FeedbackPolicy,
): FeedbackDecision {
  if (facts.solved && facts.rating >= policy.satisfiedMinRating)
    return { kind: 'close', resolution: 'satisfied' };
  if (facts.reopenCount < policy.maxReopens)
    return { kind: 'reopen', reopenCount: facts.reopenCount + 1 };
  return { kind: 'close', resolution: 'escalated' };
}
