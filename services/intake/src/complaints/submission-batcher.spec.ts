import { Pending, SubmissionBatcher } from './submission-batcher';

interface Item {
  n: number;
  key: string;
}

/** A batcher whose writes finish when the test says, recording each batch. */
function harness(maxBatch = 3, maxInFlight = 1) {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const batcher = new SubmissionBatcher<Item, string>({
    write: (batch: Pending<Item, string>[]) => {
      batches.push(batch.map((p) => p.item.n));
      return new Promise<void>((done) =>
        finish.push(() => {
          batch.forEach((p) =>
            p.item.key === 'bad' ? p.reject(new Error('bad')) : p.resolve(`ok ${p.item.n}`),
          );
          done();
        }),
      );
    },
    keys: (item) => [item.key],
    maxBatch,
    maxInFlight,
  });
  /** Finishes the oldest write once it has started. */
  const release = async () => {
    while (finish.length === 0) await turn();
    finish.shift()?.();
  };
  return { batcher, batches, release };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('SubmissionBatcher', () => {
  it('writes at once when idle, and groups what arrives meanwhile, at most maxBatch at a time', async () => {
    const { batcher, batches, release } = harness();
    const first = batcher.submit({ n: 1, key: 'a' });
    await turn();
    const rest = [2, 3, 4, 5].map((n) => batcher.submit({ n, key: `k${n}` }));
    await turn();
    expect(batches).toEqual([[1]]);
    await release();
    await expect(first).resolves.toBe('ok 1');
    await release();
    await release();
    await expect(Promise.all(rest)).resolves.toEqual(['ok 2', 'ok 3', 'ok 4', 'ok 5']);
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('never puts two entries with a common key in one batch, and keeps their order', async () => {
    const { batcher, batches, release } = harness(10, 1);
    const all = [
      { n: 1, key: 'x' },
      { n: 2, key: 'x' },
      { n: 3, key: 'y' },
      { n: 4, key: 'x' },
    ].map((item) => batcher.submit(item));
    for (let i = 0; i < 3; i++) await release();
    await Promise.all(all);
    expect(batches).toEqual([[1, 3], [2], [4]]);
  });

  it('settles each entry with its own answer: one failure fails no other', async () => {
    const { batcher, release } = harness(10, 1);
    const good = batcher.submit({ n: 1, key: 'a' });
    const bad = batcher.submit({ n: 2, key: 'bad' });
    await turn();
    await release();
    await expect(good).resolves.toBe('ok 1');
    await expect(bad).rejects.toThrow('bad');
  });
});
