import { BatchQueue } from './batch-queue';

interface Job {
  events: string[];
}

describe('BatchQueue: partitions share transactions', () => {
  it('applies the jobs handed in together in one go, in order', async () => {
    const groups: string[][][] = [];
    const queue = new BatchQueue<Job>(100, async (jobs) => {
      groups.push(jobs.map((j) => j.events));
      return jobs.map((j) => j.events.length);
    });
    const results = await Promise.all([
      queue.submit({ events: ['a1', 'a2'] }),
      queue.submit({ events: ['b1'] }),
      queue.submit({ events: ['c1'] }),
    ]);
    expect(results).toEqual([2, 1, 1]);
    expect(groups).toEqual([[['a1', 'a2'], ['b1'], ['c1']]]);
  });

  it('keeps a group within maxEvents and runs one group at a time', async () => {
    let running = 0;
    let overlapped = false;
    const sizes: number[] = [];
    const queue = new BatchQueue<Job>(3, async (jobs) => {
      running++;
      if (running > 1) overlapped = true;
      await new Promise((r) => setTimeout(r, 5));
      running--;
      sizes.push(jobs.reduce((n, j) => n + j.events.length, 0));
      return jobs.map((j) => j.events.length);
    });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((e) => queue.submit({ events: [e, `${e}2`] })));
    expect(overlapped).toBe(false);
    expect(sizes).toEqual([2, 2, 2, 2, 2]);
  });

  it('gives each job its own count, and a failure to every job of the group', async () => {
    const queue = new BatchQueue<Job>(100, async (jobs) => {
      if (jobs.some((j) => j.events.includes('boom'))) throw new Error('broker away');
      return jobs.map(() => 0);
    });
    await expect(queue.submit({ events: ['x'] })).resolves.toBe(0);
    await expect(
      Promise.all([queue.submit({ events: ['boom'] }), queue.submit({ events: ['y'] })]),
    ).rejects.toThrow('broker away');
  });
});
