import { MAX_BODY_DEPTH, shapeProblem } from './json-body-shape';

describe('the shape of a JSON body, before validation walks it', () => {
  it('passes an ordinary body', () => {
    expect(
      shapeProblem({ outcome: 'upheld', compensation: { amountMinor: 1, currency: 'CNY' } }),
    ).toBeUndefined();
  });

  it('refuses nesting deeper than any field, without recursing itself', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(shapeProblem({ summary: deep })).toMatchObject({
      field: 'summary.0.0.0.0.0.0.0',
      reason: expect.stringContaining(`${MAX_BODY_DEPTH}`),
    });
  });

  it.each(['toString', 'constructor', 'hasOwnProperty', 'prototype'])(
    'refuses a key named %s, naming it',
    (key) => {
      expect(shapeProblem(JSON.parse(`{"compensation":{"${key}":1}}`))).toMatchObject({
        field: `compensation.${key}`,
      });
    },
  );
});
