/**
 * Group commit: submissions that arrive while earlier batches are being written wait and go
 * together into the next transaction, so one commit (one WAL flush) and a handful of
 * statements carry many complaints. With nothing in flight a submission is written at once
 * (after the current event-loop turn, which collects those that arrived with it).
 */
export interface Pending<I, R> {
  readonly item: I;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export interface SubmissionBatcherOptions<I, R> {
  /** Writes one batch and settles every one of its entries; never rejects. */
  write(batch: Pending<I, R>[]): Promise<void>;
  /**
   * What must not share a transaction: two entries with a common key go into different
   * batches, in arrival order (the later one then sees what the earlier one committed).
   */
  keys(item: I): string[];
  /** Entries per transaction at most. */
  maxBatch: number;
  /** Transactions writing at once at most (each holds one database connection). */
  maxInFlight: number;
}

export class SubmissionBatcher<I, R> {
  private queue: Pending<I, R>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly options: SubmissionBatcherOptions<I, R>) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.inFlight >= this.options.maxInFlight)
      return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.queue.length > 0 && this.inFlight < this.options.maxInFlight) {
      const batch = this.take();
      this.inFlight++;
      void this.options
        .write(batch)
        .catch((err: unknown) => batch.forEach((p) => p.reject(err)))
        .finally(() => {
          this.inFlight--;
          this.schedule();
        });
    }
  }

  /** The oldest entries with no key in common, up to maxBatch; the others stay queued in order. */
  private take(): Pending<I, R>[] {
    const batch: Pending<I, R>[] = [];
    const rest: Pending<I, R>[] = [];
    const taken = new Set<string>();
    for (const pending of this.queue) {
      const keys = this.options.keys(pending.item);
      const blocked = batch.length >= this.options.maxBatch || keys.some((k) => taken.has(k));
      // A waiting entry's keys are taken too: what shares one with it waits behind it.
      keys.forEach((k) => taken.add(k));
      (blocked ? rest : batch).push(pending);
    }
    this.queue = rest;
    return batch;
  }
}
