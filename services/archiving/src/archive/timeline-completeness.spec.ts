import { AnyEventEnvelope, EVENT_TYPES } from '@complaints/contracts';
import { aComplaintLifecycle } from '@complaints/contracts/testing';
import { aReopenedLifecycle, sanitised } from '../../test/complaint-lifecycles';
import { isTimelineComplete, missingForSeal } from './timeline-completeness';

const without = (events: AnyEventEnvelope[], ...types: string[]) =>
  events.filter((e) => !types.includes(e.type));

describe('timeline completeness', () => {
  it('is complete for a lifecycle from receipt to closure, in any arrival order', () => {
    const events = sanitised(aComplaintLifecycle());
    expect(missingForSeal(events)).toEqual([]);
    expect(isTimelineComplete(events.slice().reverse())).toBe(true);
  });

  it('waits for closure, receipt and routing', () => {
    const events = aComplaintLifecycle();
    expect(missingForSeal(sanitised(without(events, EVENT_TYPES.closed)))).toEqual([
      EVENT_TYPES.closed,
    ]);
    expect(
      missingForSeal(sanitised(without(events, EVENT_TYPES.received, EVENT_TYPES.routed))),
    ).toEqual([
      EVENT_TYPES.received,
      EVENT_TYPES.routed,
      `the cause of ${EVENT_TYPES.investigated}`,
    ]);
  });

  it('waits for a response that arrives after the closure', () => {
    const events = sanitised(without(aComplaintLifecycle(), EVENT_TYPES.responded));
    expect(missingForSeal(events)).toEqual(
      expect.arrayContaining([
        `${EVENT_TYPES.responded} round 1`,
        `${EVENT_TYPES.feedbackReceived} on round 1`,
      ]),
    );
  });

  it('waits for the feedback a satisfied closure rests on', () => {
    const events = sanitised(without(aComplaintLifecycle(), EVENT_TYPES.feedbackReceived));
    expect(missingForSeal(events)).toEqual([
      `${EVENT_TYPES.feedbackReceived} on round 1`,
      `the cause of ${EVENT_TYPES.closed}`,
    ]);
  });

  it('needs every round of a reopened complaint: investigated == reopened + 1, responded == investigated', () => {
    const events = aReopenedLifecycle();
    expect(missingForSeal(sanitised(events))).toEqual([]);

    const secondDecision = events.filter(
      (e) => !(e.type === EVENT_TYPES.investigated && e.payload.round === 2),
    );
    expect(missingForSeal(sanitised(secondDecision))).toEqual([
      `${EVENT_TYPES.investigated} round 2`,
      `the cause of ${EVENT_TYPES.responded}`,
    ]);

    const noReopen = without(events, EVENT_TYPES.reopened);
    expect(missingForSeal(sanitised(noReopen))).toEqual([
      `${EVENT_TYPES.reopened} #1`,
      `the cause of ${EVENT_TYPES.investigated}`,
    ]);

    const firstResponse = events.filter(
      (e) => !(e.type === EVENT_TYPES.responded && e.payload.round === 1),
    );
    expect(missingForSeal(sanitised(firstResponse))).toEqual([
      `${EVENT_TYPES.responded} round 1`,
      `the cause of ${EVENT_TYPES.feedbackReceived}`,
    ]);
  });

  it('waits for a whole reopened round that lags behind the closure', () => {
    const events = aReopenedLifecycle();
    const firstReopen = events.findIndex((e) => e.type === EVENT_TYPES.reopened);
    // Round 1 and the closure are here; everything of round 2 is still on its way. Counting
    // alone sees one complete round.
    const roundOneAndClosure = [
      ...events.slice(0, firstReopen),
      ...events.filter((e) => e.type === EVENT_TYPES.closed),
    ];
    expect(missingForSeal(sanitised(roundOneAndClosure))).toContain(
      `the cause of ${EVENT_TYPES.closed}`,
    );
    expect(isTimelineComplete(sanitised(roundOneAndClosure))).toBe(false);
  });

  it('is not fooled by an event delivered twice', () => {
    const events = aReopenedLifecycle();
    const twice = [...events, ...events.filter((e) => e.type === EVENT_TYPES.investigated)];
    expect(isTimelineComplete(sanitised(twice))).toBe(true);
    expect(isTimelineComplete(sanitised([...without(events, EVENT_TYPES.closed), events[0]]))).toBe(
      false,
    );
  });
});
