import { Outcome, PipelineClient, PipelineHttpError } from '@complaints/pipeline-client';
import { UserSignals } from './user-signals';

export interface PlayOptions {
  outcome: Outcome;
  dissatisfiedFirst: boolean;
  /** ms to wait for each step before the journey fails. */
  stepTimeoutMs: number;
  /** ms before the first look, then growing by `backoff` up to maxPollMs. */
  firstPollMs: number;
  maxPollMs: number;
}

const BACKOFF = 1.5;

/**
 * Plays a handler and a customer for one complaint through PipelineClient, step for step as
 * playJourney does (wait for the case, decide, wait for the response, answer; once more after a
 * reopen), but waits with a growing interval instead of a fixed one. playJourney's fixed 100 ms
 * polling is right for tests; with hundreds of journeys in flight it becomes most of the load on
 * investigation and feedback, so the benchmark would measure its own polling. Backing off keeps
 * the looks per step at a handful whatever the latency.
 */
export async function playJourneyWithBackoff(
  client: PipelineClient,
  id: string,
  o: PlayOptions,
): Promise<string[]> {
  const statuses: string[] = [];
  const first = await waitFor(`the case of ${id}`, () => client.findCase(id), o);
  await client.decide(id, first.handlerId, o.outcome, 1);
  await waitFor(
    `the response to ${id}`,
    async () => (await client.findResponse(id))?.round === 1,
    o,
  );
  statuses.push(await answer(client, id, !o.dissatisfiedFirst, 1, o));
  if (!o.dissatisfiedFirst) return statuses;
  const second = await waitFor(
    `the reopened case of ${id}`,
    async () => {
      const c = await client.findCase(id);
      return c && c.round === 2 && c.status === 'reopened' ? c : undefined;
    },
    o,
  );
  await client.decide(id, second.handlerId, 'upheld', 2);
  await waitFor(
    `the second response to ${id}`,
    async () => (await client.findResponse(id))?.round === 2,
    o,
  );
  statuses.push(await answer(client, id, true, 2, o));
  return statuses;
}

/**
 * The customer's answer: relayed through intake where the platform has that route (people's
 * issue), else posted to feedback as before, so the same harness measures older commits.
 */
async function answer(
  client: PipelineClient,
  id: string,
  satisfied: boolean,
  round: number,
  o: PlayOptions,
): Promise<string> {
  const legacy = client as unknown as Partial<Pick<PipelineClient, 'relayFeedback'>>;
  if (typeof legacy.relayFeedback !== 'function') {
    return (await client.giveFeedback(id, satisfied)).status;
  }
  await waitFor(
    `intake awaiting an answer on ${id}`,
    () => client.relayFeedback(id, satisfied, `${id}-answer-${round}`),
    o,
  );
  return satisfied ? 'closed' : 'reopened';
}

async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  o: PlayOptions,
): Promise<T> {
  const deadline = Date.now() + o.stepTimeoutMs;
  let delay = o.firstPollMs;
  for (;;) {
    await new Promise((r) => setTimeout(r, delay));
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${o.stepTimeoutMs} ms waiting for ${what}`);
    delay = Math.min(o.maxPollMs, delay * BACKOFF);
  }
}

/**
 * The same journey as playJourneyWithBackoff, told instead of asking: the handler decides when
 * complaints.assigned.v1 gives them the case (round 1 on routing, round 2 on reopening) and the
 * customer answers when complaints.responded.v1 says the letter went out, as a workbench's
 * queue and a customer's inbox would tell them. The only HTTP requests left are the users'
 * actions; an answer intake cannot take yet (its status view has not seen the letter) is
 * retried with the backoff, as is a decision refused because the case moved to someone else
 * (then the case says who holds it).
 */
export async function playJourneyOnEvents(
  client: PipelineClient,
  signals: UserSignals,
  id: string,
  o: PlayOptions,
): Promise<string[]> {
  const statuses: string[] = [];
  try {
    for (let round = 1; round <= (o.dissatisfiedFirst ? 2 : 1); round++) {
      const cause = round === 1 ? 'routed' : 'reopened';
      const assigned = await signals.next(
        id,
        (s) => s.kind === 'assigned' && (round === 1 ? s.cause !== 'reopened' : s.cause === cause),
        o.stepTimeoutMs,
        `the ${cause} case of ${id}`,
      );
      const handlerId = assigned.kind === 'assigned' ? assigned.handlerId : '';
      await decideAsHolder(client, id, handlerId, round === 1 ? o.outcome : 'upheld', round, o);
      await signals.next(
        id,
        (s) => s.kind === 'responded' && s.round === round,
        o.stepTimeoutMs,
        `the response to ${id} (round ${round})`,
      );
      const satisfied = round === 2 || !o.dissatisfiedFirst;
      statuses.push(await answer(client, id, satisfied, round, o));
    }
    return statuses;
  } finally {
    signals.forget(id);
  }
}

async function decideAsHolder(
  client: PipelineClient,
  id: string,
  handlerId: string,
  outcome: Outcome,
  round: number,
  o: PlayOptions,
): Promise<void> {
  try {
    await client.decide(id, handlerId, outcome, round);
  } catch (err) {
    // Reassigned between the signal and the decision (a reclassification): ask who holds it.
    if (!(err instanceof PipelineHttpError) || err.status >= 500) throw err;
    const current = await waitFor(
      `the case of ${id} in round ${round}`,
      async () => {
        const c = await client.findCase(id);
        return c && c.round === round && c.status !== 'decided' ? c : undefined;
      },
      o,
    );
    await client.decide(id, current.handlerId, outcome, round);
  }
}
