import {
  AnyEventEnvelope,
  createEnvelope,
  EVENT_TYPES,
  validateEnvelope,
  verifySeal,
} from '@complaints/contracts';
import { aComplaintLifecycle, testTime } from '@complaints/contracts/testing';
import { PERSONAL_STRINGS, sanitised } from '../../test/complaint-lifecycles';
import { buildArchiveRecord } from './archive-record.builder';

/** The lifecycle with the customer segment intake took on its received event. */
function withSegment(segment?: { ageBand?: string; vulnerable?: boolean }): AnyEventEnvelope[] {
  return aComplaintLifecycle().map((e) =>
    e.type === EVENT_TYPES.received && segment
      ? ({ ...e, payload: { ...e.payload, customerSegment: segment } } as AnyEventEnvelope)
      : e,
  );
}

function published(events: AnyEventEnvelope[]) {
  const record = buildArchiveRecord(sanitised(events), new Date(testTime(7.02)));
  const wire = JSON.stringify(
    createEnvelope({
      type: EVENT_TYPES.archived,
      complaintId: record.complaintId,
      producer: 'archiving',
      payload: record,
    }),
  );
  return { record, wire };
}

describe('archive record: the customer segment', () => {
  it('carries the age band and the vulnerable flag onto the sealed record, and nothing personal', () => {
    const { record, wire } = published(withSegment({ ageBand: '75_plus', vulnerable: true }));
    expect(record.complaint.customerSegment).toEqual({ ageBand: '75_plus', vulnerable: true });
    const result = validateEnvelope(JSON.parse(wire), 'produce');
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(verifySeal(record)).toBe(true);
    for (const s of PERSONAL_STRINGS) expect(wire).not.toContain(s);
  });

  it('keeps a flag of false and leaves the segment out when intake had none', () => {
    expect(published(withSegment({ vulnerable: false })).record.complaint.customerSegment).toEqual({
      vulnerable: false,
    });
    expect(published(withSegment()).record.complaint).not.toHaveProperty('customerSegment');
  });

  it('seals the segment: changing it afterwards breaks the seal', () => {
    const { record } = published(withSegment({ ageBand: '25_34' }));
    const tampered = {
      ...record,
      complaint: { ...record.complaint, customerSegment: { ageBand: '65_74' as const } },
    };
    expect(verifySeal(tampered)).toBe(false);
  });
});
