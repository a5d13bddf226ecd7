import { EVENT_TYPES } from '@complaints/contracts';
import { aComplaintLifecycle } from '@complaints/contracts/testing';
import { aFullLifecycle, PERSONAL_STRINGS, sanitised } from '../../test/complaint-lifecycles';

describe('event sanitiser', () => {
  it('stores no personal data and no free text the customer wrote or was sent', () => {
    const stored = JSON.stringify(sanitised(aFullLifecycle()));
    for (const value of PERSONAL_STRINGS) expect(stored).not.toContain(value);
    for (const field of [
      '"customer"',
      '"description"',
      '"desiredOutcome"',
      '"body"',
      '"comment"',
      '"location"',
      '"staffName"',
    ]) {
      expect(stored).not.toContain(field);
    }
  });

  it('keeps what the analysis needs', () => {
    const [received, routed] = sanitised(aComplaintLifecycle());
    expect(received.type === EVENT_TYPES.received && received.payload).toMatchObject({
      referenceNumber: 'CMP-2025-000123',
      customerPseudonym: expect.stringMatching(/^[0-9a-f]{64}$/),
      complainedAboutUnit: 'Claims centre, Shanghai',
      attachments: [
        { mediaType: 'application/pdf', sizeBytes: 183_220, sha256: expect.any(String) },
      ],
    });
    expect(routed.type === EVENT_TYPES.routed && routed.payload).toMatchObject({
      department: 'claims',
      decisionDueAt: expect.any(String),
    });
  });

  it('leaves optional fields absent, never undefined', () => {
    const events = aComplaintLifecycle();
    const received = events[0];
    if (received.type === EVENT_TYPES.received) delete received.payload.policyNumber;
    const [stored] = sanitised(events);
    expect(Object.keys(stored.payload)).not.toContain('policyPseudonym');
  });
});
