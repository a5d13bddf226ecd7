import { Outcome, PipelineClient } from './pipeline-client';

export interface JourneyOptions {
  outcome: Outcome;
  /** The customer is unhappy with the first answer: the complaint reopens for a second round. */
  dissatisfiedFirst: boolean;
  /** ms to wait for each step of the pipeline */
  stepTimeoutMs?: number;
  pollMs?: number;
}

export interface JourneyResult {
  rounds: number;
  /** What each relayed survey answer led to: reopened, then closed. */
  feedbackStatuses: string[];
}

/** Polls `check` until it returns something, or fails naming what it waited for. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs: number,
  pollMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * Plays the handler and the customer for one accepted complaint through the public APIs:
 * wait for the case, decide as the assigned handler, wait for the response, relay the
 * customer's answer (and once more after a reopen), wait for what it led to.
 */
export async function playJourney(
  client: PipelineClient,
  id: string,
  o: JourneyOptions,
): Promise<JourneyResult> {
  const timeout = o.stepTimeoutMs ?? 120_000;
  const poll = o.pollMs ?? 100;
  const feedbackStatuses: string[] = [];
  const first = await eventually(`the case of ${id}`, () => client.findCase(id), timeout, poll);
  await client.decide(id, first.handlerId, o.outcome, 1);
  await eventually(
    `the response to ${id}`,
    async () => (await client.findResponse(id))?.round === 1,
    timeout,
    poll,
  );
  await relay(client, id, !o.dissatisfiedFirst, 1, timeout, poll);
  if (!o.dissatisfiedFirst) {
    feedbackStatuses.push(await closed(client, id, timeout, poll));
    return { rounds: 1, feedbackStatuses };
  }

  const second = await eventually(
    `the reopened case of ${id}`,
    async () => {
      const c = await client.findCase(id);
      return c && c.round === 2 && c.status === 'reopened' ? c : undefined;
    },
    timeout,
    poll,
  );
  feedbackStatuses.push(second.status);
  await client.decide(id, second.handlerId, 'upheld', 2);
  await eventually(
    `the second response to ${id}`,
    async () => (await client.findResponse(id))?.round === 2,
    timeout,
    poll,
  );
  await relay(client, id, true, 2, timeout, poll);
  feedbackStatuses.push(await closed(client, id, timeout, poll));
  return { rounds: 2, feedbackStatuses };
}

/** Relays the customer's answer as soon as intake awaits it. */
function relay(
  client: PipelineClient,
  id: string,
  satisfied: boolean,
  round: number,
  timeout: number,
  poll: number,
) {
  return eventually(
    `intake awaiting the customer's answer on ${id}`,
    () => client.relayFeedback(id, satisfied, `${id}-answer-${round}`),
    timeout,
    poll,
  );
}

/** Waits for intake's status view to show the complaint closed. */
async function closed(client: PipelineClient, id: string, timeout: number, poll: number) {
  return eventually(
    `${id} closed after the customer's answer`,
    async () => ((await client.status(id)).status === 'closed' ? 'closed' : undefined),
    timeout,
    poll,
  );
}
