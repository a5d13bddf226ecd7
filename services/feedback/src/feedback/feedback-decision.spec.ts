import { decideAfterFeedback, FeedbackFacts } from './feedback-decision';

const policy = { satisfiedMinRating: 3, maxReopens: 1 };
const facts = (overrides: Partial<FeedbackFacts> = {}): FeedbackFacts => ({
  rating: 4,
  solved: true,
  reopenCount: 0,
  ...overrides,
});

describe('what a survey answer leads to', () => {
  it('closes as satisfied when the problem is solved and the rating reaches the threshold', () => {
    expect(decideAfterFeedback(facts({ rating: 3 }), policy)).toEqual({
      kind: 'close',
      resolution: 'satisfied',
    });
    expect(decideAfterFeedback(facts({ rating: 5, reopenCount: 1 }), policy)).toEqual({
      kind: 'close',
      resolution: 'satisfied',
    });
  });

  it('reopens a dissatisfied complaint while reopenings remain, counting this one', () => {
    expect(decideAfterFeedback(facts({ rating: 2 }), policy)).toEqual({
      kind: 'reopen',
      reopenCount: 1,
    });
    expect(decideAfterFeedback(facts({ rating: 5, solved: false }), policy)).toEqual({
      kind: 'reopen',
      reopenCount: 1,
    });
  });

  it('escalates a dissatisfied complaint once the reopenings are used up', () => {
    expect(
      decideAfterFeedback(facts({ rating: 1, solved: false, reopenCount: 1 }), policy),
    ).toEqual({
      kind: 'close',
      resolution: 'escalated',
    });
  });

  it('escalates at once when no reopening is allowed', () => {
    expect(decideAfterFeedback(facts({ rating: 1 }), { ...policy, maxReopens: 0 })).toEqual({
      kind: 'close',
      resolution: 'escalated',
    });
  });

  it('follows the configured threshold', () => {
    expect(decideAfterFeedback(facts({ rating: 3 }), { ...policy, satisfiedMinRating: 4 })).toEqual(
      {
        kind: 'reopen',
        reopenCount: 1,
      },
    );
  });
});
