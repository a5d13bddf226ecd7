import { PipelineClient, PipelineHttpError, PipelineUrls } from '@complaints/pipeline-client';
import { demoTokens } from '@complaints/testing';
import { ComplaintBody } from './complaints';

/** One complaint the load sent, and what became of it. */
export interface Tracked {
  ref: string;
  index: number;
  /** the customer is unhappy with the first answer: a reopen and a second round */
  dissatisfied: boolean;
  /** the complaint's id once intake answered 202 */
  id?: string;
  acceptedAt?: number;
  /** intake refused it for good, or the deadline passed before a 202 */
  refused?: string;
  journeyDone?: boolean;
  journeyError?: string;
}

export interface LoadOptions {
  /** externalReference prefix, unique per scenario and run */
  prefix: string;
  count: number;
  /** submissions started per second */
  ratePerSecond: number;
  body: (index: number, externalReference: string) => ComplaintBody;
  /** every tenth customer is dissatisfied the first time unless told otherwise */
  dissatisfied?: (index: number) => boolean;
  /** checked before each submission: true ends the load early */
  stop?: () => boolean;
}

/** ms one HTTP request may take before it counts as failed (and is retried). */
const REQUEST_TIMEOUT_MS = 10_000;
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 2000;

/**
 * Drives complaints through the public APIs as calling systems, handlers and customers do,
 * tolerating a pipeline under fault: a request that fails (refused, timed out, 5xx, 429) is
 * retried with the same Idempotency-Key until the deadline, and a repeated decision or survey
 * answer the first try already applied (409) counts as done.
 */
export class Load {
  readonly tracked: Tracked[] = [];
  private readonly client: PipelineClient;
  private readonly pending: Promise<void>[] = [];
  private started = 0;

  constructor(
    private readonly urls: PipelineUrls,
    private readonly apiKey: string,
    /** ms since epoch after which nothing is retried any more; may move while running */
    private readonly deadline: () => number,
  ) {
    this.client = new PipelineClient(urls, { apiKey, tokens: demoTokens() });
  }

  /** Starts `count` submissions at the given rate; resolves once all have started. */
  async submit(o: LoadOptions): Promise<void> {
    const begin = Date.now();
    for (let i = 0; i < o.count && !o.stop?.(); i++) {
      const due = begin + (i * 1000) / o.ratePerSecond;
      if (due > Date.now()) await sleep(due - Date.now());
      const t: Tracked = {
        ref: `${o.prefix}-${i}`,
        index: i,
        dissatisfied: o.dissatisfied ? o.dissatisfied(i) : i % 10 === 3,
      };
      this.tracked.push(t);
      this.started++;
      this.pending.push(this.play(t, o.body(i, t.ref)));
    }
  }

  /** Submissions started so far. */
  get startedCount(): number {
    return this.started;
  }

  accepted(): Tracked[] {
    return this.tracked.filter((t) => t.id);
  }

  /** Ids of the complaints intake answered 202 for. */
  acceptedIds(): string[] {
    return this.tracked.flatMap((t) => (t.id ? [t.id] : []));
  }

  /** Waits for every submission and journey to end (each is bounded by the deadline). */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
  }

  /** The latest acceptance time, or undefined when none was accepted. */
  lastAcceptedAt(): number | undefined {
    const times = this.tracked.map((t) => t.acceptedAt ?? 0).filter(Boolean);
    return times.length ? Math.max(...times) : undefined;
  }

  private async play(t: Tracked, body: ComplaintBody): Promise<void> {
    try {
      t.id = await this.accept(t, body);
      t.acceptedAt = Date.now();
    } catch (err) {
      t.refused = (err as Error).message;
      return;
    }
    try {
      await this.journey(t.id, t.dissatisfied);
      t.journeyDone = true;
    } catch (err) {
      t.journeyError = (err as Error).message;
    }
  }

  private async accept(t: Tracked, body: ComplaintBody): Promise<string> {
    let delay = 500;
    for (;;) {
      const res = await fetch(`${this.urls.intake}/v1/complaints`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': t.ref,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      }).catch(() => undefined);
      const answer = (await res?.json().catch(() => undefined)) as
        | { id?: string; code?: string }
        | undefined;
      if (res?.status === 202 && answer?.id) return answer.id;
      if (res && res.status < 500 && res.status !== 429) {
        throw new Error(`intake answered ${res.status} ${answer?.code ?? ''}`);
      }
      if (Date.now() + delay > this.deadline()) {
        throw new Error(`no 202 before the deadline (last: ${res?.status ?? 'no answer'})`);
      }
      await sleep(delay);
      delay = Math.min(2000, delay * 1.5);
    }
  }

  private async journey(id: string, dissatisfied: boolean): Promise<void> {
    const first = await this.until(`the case of ${id}`, () => this.client.findCase(id));
    await this.decide(id, first.handlerId, 1);
    await this.until(
      `the response to ${id}`,
      async () => (await this.client.findResponse(id))?.round === 1,
    );
    await this.answer(id, !dissatisfied, 1);
    if (!dissatisfied) return;
    const second = await this.until(`the reopened case of ${id}`, async () => {
      const c = await this.client.findCase(id);
      return c && c.round === 2 && c.status === 'reopened' ? c : undefined;
    });
    await this.decide(id, second.handlerId, 2);
    await this.until(
      `the second response to ${id}`,
      async () => (await this.client.findResponse(id))?.round === 2,
    );
    await this.answer(id, true, 2);
  }

  /** A handler's decision; 409 CASE.ALREADY_DECIDED means an earlier try was applied. */
  private async decide(id: string, handlerId: string, round: number): Promise<void> {
    await this.until(`the decision on round ${round} of ${id}`, async () => {
      try {
        await this.client.decide(id, handlerId, round === 1 ? 'upheld' : 'partially_upheld', round);
        return true;
      } catch (err) {
        if (err instanceof PipelineHttpError && err.status === 409) return true;
        throw err;
      }
    });
  }

  /**
   * A customer's survey answer relayed through intake; FEEDBACK.ALREADY_SUBMITTED means an
   * earlier try was taken, FEEDBACK.NOT_AWAITED that intake's view has not caught up yet.
   */
  private async answer(id: string, satisfied: boolean, round: number): Promise<void> {
    await this.until(`the feedback on ${id}`, () =>
      this.client.relayFeedback(id, satisfied, `${id}-answer-${round}`),
    );
  }

  /**
   * Polls `check` with a growing interval until it returns something. Failures that a fault
   * explains (no answer, 5xx) are looked at again; any other error ends the journey.
   */
  private async until<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
    let delay = FIRST_POLL_MS;
    let last = '';
    for (;;) {
      try {
        const value = await withTimeout(check(), REQUEST_TIMEOUT_MS);
        if (value !== undefined && value !== false) return value;
        last = 'not yet';
      } catch (err) {
        const transient =
          !(err instanceof PipelineHttpError) || err.status >= 500 || err.status === 429;
        if (!transient) throw err;
        last = (err as Error).message.slice(0, 200);
      }
      if (Date.now() + delay > this.deadline()) {
        throw new Error(`gave up waiting for ${what} (${last})`);
      }
      await sleep(delay);
      delay = Math.min(MAX_POLL_MS, delay * 1.5);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
