import {
  AnyEventEnvelope,
  createEnvelope,
  EVENT_TYPES,
  LIFECYCLE_STAGES,
  validateEnvelope,
  verifySeal,
} from '@complaints/contracts';
import { aComplaintLifecycle, testTime } from '@complaints/contracts/testing';
import {
  aFullLifecycle,
  aReopenedLifecycle,
  PERSONAL_STRINGS,
  sanitised,
  STAFF,
  STAFF_STRINGS,
  staffedLifecycle,
  TEST_PSEUDONYM_KEY,
} from '../../test/complaint-lifecycles';
import { AuditRecord } from '../audit/audit-record.entity';
import { archivedAuditEntries } from './archive-audit.builder';
import { buildArchiveRecord } from './archive-record.builder';
import { REDACTED } from './personal-data.masker';
import { Pseudonymiser } from './pseudonymiser';

const SEALED_AT = new Date(testTime(7.02));

function asPublished(events: AnyEventEnvelope[]) {
  const record = buildArchiveRecord(sanitised(events), SEALED_AT);
  const envelope = createEnvelope({
    type: EVENT_TYPES.archived,
    complaintId: record.complaintId,
    producer: 'archiving',
    payload: record,
  });
  return { record, wire: JSON.stringify(envelope) };
}

describe('archive record builder', () => {
  it('builds a record the archived contract accepts, with a seal that verifies', () => {
    const { record, wire } = asPublished(aComplaintLifecycle());
    const result = validateEnvelope(JSON.parse(wire), 'produce');
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(verifySeal(record)).toBe(true);
    expect(record.sealedAt).toBe(SEALED_AT.toISOString());
  });

  it('fills every part from the events', () => {
    const events = aComplaintLifecycle();
    const { record } = asPublished(events);
    expect(record.complaintId).toBe(events[0].complaintId);
    expect(record.complaint).toMatchObject({
      referenceNumber: 'CMP-2025-000123',
      channel: 'phone',
      callerSystem: 'call-centre',
      customerPseudonym: expect.stringMatching(/^[0-9a-f]{64}$/),
      policyPseudonym: expect.stringMatching(/^[0-9a-f]{64}$/),
      complainedAboutUnit: 'Claims centre, Shanghai',
      attachmentCount: 1,
      receivedAt: testTime(0),
    });
    expect(record.classification).toEqual({
      category: 'business_handling',
      subcategory: 'claims',
      severity: 'medium',
      priority: 'P2',
      greenChannel: false,
      department: 'claims',
      slaPolicyId: 'cbirc-2020@1',
    });
    expect(record.sla).toEqual({ decisionDueAt: testTime(15), decidedAt: testTime(6), met: true });
    expect(record.decisions).toEqual([
      {
        round: 1,
        outcome: 'upheld',
        // The handler id is a username: the record carries its pseudonym.
        handlerId: new Pseudonymiser(TEST_PSEUDONYM_KEY).handler('H-2001'),
        rootCause: 'Approval step had no deadline',
        remedy: 'Claim paid with interest for the delay',
        compensation: { amountMinor: 50_000, currency: 'CNY' },
        decidedAt: testTime(6),
      },
    ]);
    expect(record.feedback).toEqual([{ rating: 4, solved: true, receivedAt: testTime(7) }]);
    expect(record.closure).toEqual({
      closedAt: testTime(7.01),
      resolution: 'satisfied',
      finalOutcome: 'upheld',
      reopenCount: 0,
    });
  });

  it('lists every stage in time order, whatever order the events arrived in', () => {
    const events = aComplaintLifecycle();
    const { record } = asPublished(events.slice().reverse());
    expect(record.timeline.map((s) => s.eventId)).toEqual(events.map((e) => e.eventId));
    expect(record.timeline.map((s) => s.stage)).toEqual([
      'received',
      'routed',
      'investigated',
      'responded',
      'feedback_received',
      'closed',
    ]);
  });

  it('orders events of the same instant by stage', () => {
    const events = aComplaintLifecycle().map(
      (e) => ({ ...e, occurredAt: testTime(1) }) as AnyEventEnvelope,
    );
    const { record } = asPublished(events.slice().reverse());
    const ranks = record.timeline.map((s) => LIFECYCLE_STAGES.indexOf(s.stage));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('reports a missed decision deadline', () => {
    const events = aComplaintLifecycle().map((e) =>
      e.type === EVENT_TYPES.routed
        ? ({ ...e, payload: { ...e.payload, decisionDueAt: testTime(5) } } as AnyEventEnvelope)
        : e,
    );
    expect(asPublished(events).record.sla).toEqual({
      decisionDueAt: testTime(5),
      decidedAt: testTime(6),
      met: false,
    });
  });

  it('carries the root-cause code the handler chose, and leaves it out when none was', () => {
    const withCode = aComplaintLifecycle().map((e) =>
      e.type === EVENT_TYPES.investigated
        ? ({ ...e, payload: { ...e.payload, rootCauseCode: 'claims.delay' } } as AnyEventEnvelope)
        : e,
    );
    const { record, wire } = asPublished(withCode);
    expect(record.decisions.map((d) => d.rootCauseCode)).toEqual(['claims.delay']);
    expect(validateEnvelope(JSON.parse(wire), 'produce').ok).toBe(true);
    expect(asPublished(aComplaintLifecycle()).record.decisions[0]).not.toHaveProperty(
      'rootCauseCode',
    );
  });

  it('keeps one decision per round and every survey answer of a reopened complaint', () => {
    const { record } = asPublished(aReopenedLifecycle());
    expect(record.decisions.map((d) => [d.round, d.outcome])).toEqual([
      [1, 'rejected'],
      [2, 'partially_upheld'],
    ]);
    expect(record.decisions[0]).not.toHaveProperty('remedy');
    expect(record.feedback.map((f) => f.rating)).toEqual([1, 4]);
    expect(record.closure).toMatchObject({ reopenCount: 1, finalOutcome: 'partially_upheld' });
    expect(record.sla.decidedAt).toBe(testTime(6));
    expect(record.timeline.map((s) => s.stage)).toEqual([
      'received',
      'routed',
      'investigated',
      'responded',
      'feedback_received',
      'reopened',
      'investigated',
      'responded',
      'feedback_received',
      'closed',
    ]);
    expect(verifySeal(record)).toBe(true);
  });

  it('records an internal review: who asked through what, and what the reviewer (pseudonymised) found', () => {
    const events = aReopenedLifecycle();
    const reopened = events.find((e) => e.type === EVENT_TYPES.reopened);
    const review2 = events.find(
      (e) => e.type === EVENT_TYPES.investigated && e.payload.round === 2,
    );
    if (reopened?.type !== EVENT_TYPES.reopened || review2?.type !== EVENT_TYPES.investigated)
      throw new Error('the reopened lifecycle changed');
    reopened.payload.review = {
      reviewedRound: 1,
      requestedAt: testTime(7),
      decisionSentAt: testTime(6.1),
      requestedThrough: 'answer-link',
    };
    review2.payload.review = { outcome: 'overturned', reviewedRound: 1, requestedAt: testTime(7) };
    const { record, wire } = asPublished(events);
    expect(record.reviews).toEqual([
      {
        reviewedRound: 1,
        reviewRound: 2,
        requestedThrough: 'answer-link',
        requestedAt: testTime(7),
        outcome: 'overturned',
        decidedAt: testTime(12),
        reviewerPseudonym: new Pseudonymiser(TEST_PSEUDONYM_KEY).handler(review2.payload.handlerId),
      },
    ]);
    expect(wire).not.toContain(`"${review2.payload.handlerId}"`);
    const result = validateEnvelope(JSON.parse(wire), 'produce');
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(verifySeal(record)).toBe(true);
  });

  it('has no reviews when a complaints officer reopened the case (no review asked for)', () => {
    expect(asPublished(aReopenedLifecycle()).record).not.toHaveProperty('reviews');
  });

  it('carries no personal data, even where the text repeats it', () => {
    const { record, wire } = asPublished(aFullLifecycle());
    for (const value of PERSONAL_STRINGS) expect(wire).not.toContain(value);
    expect(record.complaint.subject).toBe(`${REDACTED} (${REDACTED}, ${REDACTED}) claim delayed`);
    expect(record.decisions[0].rootCause).toBe(`Adjuster did not call back on ${REDACTED}`);
  });

  it('gives the same customer the same pseudonym across complaints', () => {
    const first = asPublished(aFullLifecycle()).record;
    const second = asPublished(aReopenedLifecycle()).record;
    expect(second.complaint.customerPseudonym).toBe(first.complaint.customerPseudonym);
    expect(second.complaint.policyPseudonym).toBe(first.complaint.policyPseudonym);
  });

  it('refuses an incomplete timeline', () => {
    const events = aComplaintLifecycle().filter((e) => e.type !== EVENT_TYPES.responded);
    expect(() => buildArchiveRecord(sanitised(events), SEALED_AT)).toThrow(
      /incomplete.*responded round 1/,
    );
  });

  describe('with the people around the complaint', () => {
    const pseudonymiser = new Pseudonymiser(TEST_PSEUDONYM_KEY);

    function staffedRecord() {
      const { lifecycle, people, audit } = staffedLifecycle();
      const entries = archivedAuditEntries(
        audit.map((e) => AuditRecord.fromEvent(e)),
        pseudonymiser,
      );
      const record = buildArchiveRecord(sanitised([...people, ...lifecycle]), SEALED_AT, entries);
      const wire = JSON.stringify(
        createEnvelope({
          type: EVENT_TYPES.archived,
          complaintId: record.complaintId,
          producer: 'archiving',
          payload: record,
        }),
      );
      return { record, wire, lifecycle };
    }

    it('carries the assignments, the corrected class and the audit entries, sealed', () => {
      const { record, wire, lifecycle } = staffedRecord();
      const result = validateEnvelope(JSON.parse(wire), 'produce');
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(verifySeal(record)).toBe(true);
      expect(record.assignments).toEqual([
        {
          at: testTime(0.02),
          cause: 'routed',
          department: 'claims',
          handlerRef: pseudonymiser.handler('h-claims-02'),
        },
        {
          at: testTime(1),
          cause: 'reassigned',
          department: 'claims',
          handlerRef: pseudonymiser.handler('h-claims-01'),
        },
      ]);
      expect(record.classification).toMatchObject({
        category: 'business_handling',
        department: 'claims',
        corrected: true,
        correctedFrom: {
          category: 'product_service',
          subcategory: 'policy_terms',
          department: 'policy-services',
        },
      });
      expect(record.audit).toEqual([
        {
          at: testTime(1.5),
          action: 'complainant.read',
          kind: 'read',
          service: 'intake',
          actorRole: ['supervisor'],
          actorRef: pseudonymiser.person(STAFF.supervisor.subject),
        },
        {
          at: testTime(6),
          action: 'case.decided',
          kind: 'change',
          service: 'investigation',
          actorRole: ['handler'],
          actorRef: pseudonymiser.person(STAFF.handler.subject),
        },
      ]);
      // The people events never enter the lifecycle stages.
      expect(record.timeline.map((s) => s.eventId)).toEqual(lifecycle.map((e) => e.eventId));
    });

    it('holds no staff name, username, address, user agent or reason', () => {
      const { wire } = staffedRecord();
      for (const value of [...STAFF_STRINGS, ...PERSONAL_STRINGS])
        expect(wire).not.toContain(value);
      for (const field of ['"reason"', '"username"', '"ip"', '"userAgent"', '"details"'])
        expect(wire).not.toContain(field);
    });

    it('seals without them, and leaves the optional lists out', () => {
      const { record } = asPublished(aComplaintLifecycle());
      expect(record).not.toHaveProperty('assignments');
      expect(record).not.toHaveProperty('audit');
      expect(record.classification).not.toHaveProperty('corrected');
    });
  });
});
