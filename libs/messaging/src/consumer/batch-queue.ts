/**
 * Lets several partitions' consumers share one database transaction. Each partition being
 * consumed hands in its waiting events as a job and awaits the outcome; the queue runs the jobs
 * that wait together, up to `maxEvents` events, through `apply`, one group at a time. So the
 * consumer has one transaction at a time, as with one partition at a time, but each carries the
 * events of every partition that had some: a consumer of many partitions (seven topics for
 * archiving) pays one commit per round of fetches instead of one per partition.
 */
export class BatchQueue<J extends { events: readonly unknown[] }> {
  private readonly waiting: {
    job: J;
    resolve: (applied: number) => void;
    reject: (err: unknown) => void;
  }[] = [];
  private draining = false;

  constructor(
    private readonly maxEvents: number,
    /** Applies the jobs in order in one go; returns how many events of each it applied. */
    private readonly apply: (jobs: J[]) => Promise<number[]>,
  ) {}

  /** Resolves with how many of the job's events were applied (fewer when its partition stops). */
  submit(job: J): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      // One turn of the event loop: the other partitions of the same fetch hand in their jobs.
      await new Promise((resolve) => setImmediate(resolve));
      for (let first = this.waiting.shift(); first; first = this.waiting.shift()) {
        const group = [first];
        let events = first.job.events.length;
        for (
          let next = this.waiting[0];
          next && events + next.job.events.length <= this.maxEvents;
          next = this.waiting[0]
        ) {
          this.waiting.shift();
          events += next.job.events.length;
          group.push(next);
        }
        try {
          const applied = await this.apply(group.map((g) => g.job));
          group.forEach((g, i) => g.resolve(applied[i] ?? 0));
        } catch (err) {
          for (const g of group) g.reject(err);
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
