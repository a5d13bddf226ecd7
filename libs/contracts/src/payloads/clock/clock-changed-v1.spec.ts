import { aClockEvent } from '../../testing/clock.factories';
import { validateEnvelope } from '../../validation/envelope.validator';

const fieldsOf = (event: object): string[] => {
  const result = validateEnvelope(JSON.parse(JSON.stringify(event)));
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe('complaints.clock.v1: fields each action needs', () => {
  it('accepts a pause with its kind and no request id', () => {
    const event = aClockEvent({
      payload: { action: 'paused', pauseKind: 'mediation', requestId: undefined },
    });
    expect(fieldsOf(event)).toEqual([]);
  });

  it.each([
    ['extension-requested', { extensionKind: undefined }, 'payload.extensionKind'],
    ['extension-approved', { requestId: undefined }, 'payload.requestId'],
    ['paused', { pauseKind: undefined }, 'payload.pauseKind'],
    ['merged', { mergedInto: 'not-a-uuid' }, 'payload.mergedInto'],
    ['withdrawn', { reason: '' }, 'payload.reason'],
  ] as const)('refuses %s without a valid %j', (action, change, field) => {
    const event = aClockEvent({ payload: { action, ...change } });
    expect(fieldsOf(event)).toContain(field);
  });
});
