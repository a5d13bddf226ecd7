export type ConsumerState = 'ok' | 'degraded' | 'failed';

export interface ConsumerHealthReport {
  state: ConsumerState;
  /** why it is not ok, without any event's content */
  reasons: string[];
  /** ISO 8601; when it stopped being ok */
  since?: string;
}

/**
 * What a consumer tells /health/ready. Degraded: it is a healthy member of its group but cannot
 * make progress (a dependency is down and it is waiting to retry) or cannot write its dead
 * letters; it recovers by itself. Failed: kafkajs gave up on it; only a restart helps.
 */
export class ConsumerHealth {
  private waiting?: string;
  private forwardingProblem?: string;
  private crash?: Error;
  private since?: Date;

  /** `onChange` hears every change of state (the consumer's degraded gauge). */
  constructor(private readonly onChange: (state: ConsumerState) => void = () => undefined) {}

  /** A transient failure is being waited out (the reason), or undefined once an event went through. */
  retrying(reason: string | undefined): void {
    // Called after every applied batch: nothing to do unless it changes.
    if (reason === this.waiting) return;
    this.waiting = reason;
    this.touch();
  }

  /** Dead letters cannot be written to their DLQ topic (the reason), or undefined once they can. */
  forwarding(reason: string | undefined): void {
    if (reason === this.forwardingProblem) return;
    this.forwardingProblem = reason;
    this.touch();
  }

  failed(err: Error): void {
    this.crash = err;
    this.touch();
  }

  get failure(): Error | undefined {
    return this.crash;
  }

  report(): ConsumerHealthReport {
    const reasons = [this.crash?.message, this.waiting, this.forwardingProblem].filter(
      (r): r is string => r !== undefined,
    );
    const state: ConsumerState = this.crash ? 'failed' : reasons.length > 0 ? 'degraded' : 'ok';
    return state === 'ok'
      ? { state, reasons }
      : { state, reasons, since: this.since?.toISOString() };
  }

  private touch(): void {
    const bad =
      this.crash !== undefined ||
      this.waiting !== undefined ||
      this.forwardingProblem !== undefined;
    if (!bad) this.since = undefined;
    else this.since ??= new Date();
    this.onChange(this.report().state);
  }
}
