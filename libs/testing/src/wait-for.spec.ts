import { waitFor } from './wait-for';

describe('waiting for an eventual outcome', () => {
  it('returns the first value that is not false or undefined', async () => {
    let calls = 0;
    await expect(
      waitFor('the third call', () => (++calls >= 3 ? calls : undefined), 1000, 1),
    ).resolves.toBe(3);
  });

  it('fails naming what it waited for, with the last error seen', async () => {
    await expect(
      waitFor(
        'the case to open',
        () => {
          throw new Error('connection refused');
        },
        30,
        5,
      ),
    ).rejects.toThrow(/waiting for the case to open: Error: connection refused/);
  });
});
