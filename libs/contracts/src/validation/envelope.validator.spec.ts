import { EVENT_DEFINITIONS } from '../events';
import {
  aFeedbackSubmittedEvent,
  aReclassifiedEvent,
  anAssignedEvent,
  anAuditedEvent,
  aClosedEvent,
  aFeedbackReceivedEvent,
  aReceivedEvent,
  aReopenedEvent,
  aRespondedEvent,
  aRoutedEvent,
  anArchivedEvent,
  anInvestigatedEvent,
} from '../testing/event.factories';
import {
  aClockEvent,
  aDeadlineBreachedEvent,
  aDeadlineChangedEvent,
  aDeadlineWarningEvent,
  anAcknowledgedEvent,
} from '../testing/clock.factories';
import { aMajorIncidentEvent } from '../testing/major.factories';
import { aReceivedPayload } from '../testing/payload.factories';
import { CONTRACT_ERROR_CODES, ContractValidationError, FieldError } from './contract.errors';
import { assertValidEnvelope, validateEnvelope } from './envelope.validator';

/** What a consumer gets from Kafka: plain JSON, no class instances. */
function wire(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value));
}

function failureOf(raw: unknown): { code: string; errors: FieldError[] } {
  const result = validateEnvelope(raw);
  if (result.ok) {
    throw new Error('expected the envelope to be rejected');
  }
  return result;
}

function fieldsOf(raw: unknown): string[] {
  return [...new Set(failureOf(raw).errors.map((error) => error.field))];
}

function withPayload(
  payload: Record<string, unknown>,
  envelope = wire(aReceivedEvent()),
): Record<string, unknown> {
  return { ...envelope, payload };
}

const FACTORIES = {
  'complaint.received': aReceivedEvent,
  'complaint.routed': aRoutedEvent,
  'complaint.investigated': anInvestigatedEvent,
  'complaint.responded': aRespondedEvent,
  'complaint.feedback-received': aFeedbackReceivedEvent,
  'complaint.reopened': aReopenedEvent,
  'complaint.closed': aClosedEvent,
  'complaint.archived': anArchivedEvent,
  'complaint.assigned': anAssignedEvent,
  'complaint.reclassified': aReclassifiedEvent,
  'complaint.feedback-submitted': aFeedbackSubmittedEvent,
  'complaint.audited': anAuditedEvent,
  'complaint.clock-changed': aClockEvent,
  'complaint.deadline-warning': aDeadlineWarningEvent,
  'complaint.deadline-breached': aDeadlineBreachedEvent,
  'complaint.deadline-changed': aDeadlineChangedEvent,
  'complaint.acknowledged': anAcknowledgedEvent,
  'complaint.major-incident': aMajorIncidentEvent,
};

describe('validateEnvelope: valid events', () => {
  it('has a factory for every registered event', () => {
    expect(Object.keys(FACTORIES).sort()).toEqual(EVENT_DEFINITIONS.map((d) => d.type).sort());
  });

  it.each(EVENT_DEFINITIONS.map((definition) => [definition.type, definition]))(
    '%s passes and its payload becomes the registered class',
    (type, definition) => {
      const event = FACTORIES[type as keyof typeof FACTORIES]();
      const result = validateEnvelope(wire(event));

      expect(result).toMatchObject({ ok: true });
      if (result.ok) {
        expect(result.envelope.payload).toBeInstanceOf(definition.payload);
        expect(wire(result.envelope)).toEqual(wire(event));
      }
    },
  );

  it('accepts optional fields left out', () => {
    const payload = wire(aReceivedPayload()) as Record<string, unknown>;
    delete payload['complainedAbout'];
    delete payload['policyNumber'];
    delete payload['desiredOutcome'];
    delete payload['incidentOccurredAt'];
    payload['customer'] = { name: 'Anna Smith' };
    payload['attachments'] = [];

    expect(validateEnvelope(withPayload(payload)).ok).toBe(true);
  });

  it('accepts nanosecond timestamps from JVM producers', () => {
    const event = wire(aReceivedEvent({ occurredAt: '2025-03-03T01:00:00.123456789Z' }));
    expect(validateEnvelope(event).ok).toBe(true);
  });
});

describe('validateEnvelope: envelope rules', () => {
  it.each([null, 'complaint', 42, [aReceivedEvent()]])('rejects %p: not an object', (raw) => {
    expect(failureOf(raw)).toMatchObject({
      code: CONTRACT_ERROR_CODES.invalid,
      errors: [{ field: 'envelope', reason: expect.any(String) }],
    });
  });

  it('rejects an eventId that is a UUID of another version', () => {
    const v4 = '9b2f3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    expect(fieldsOf(wire(aReceivedEvent({ eventId: v4 })))).toEqual(['eventId']);
  });

  it.each([
    ['with an offset', '2025-03-03T09:00:00+08:00'],
    ['without a zone', '2025-03-03T09:00:00'],
    ['an impossible date', '2025-02-30T09:00:00Z'],
    ['not a time', 'yesterday'],
  ])('rejects occurredAt %s', (_case, occurredAt) => {
    expect(fieldsOf(wire(aReceivedEvent({ occurredAt })))).toEqual(['occurredAt']);
  });

  it('rejects missing and malformed envelope fields by name', () => {
    const event = wire(aReceivedEvent());
    delete event['producer'];
    event['complaintId'] = 'C-1';
    event['correlationId'] = 12;

    expect(fieldsOf(event).sort()).toEqual(['complaintId', 'correlationId', 'producer']);
  });

  it('requires causationId to be present: a UUID, or null on the first event', () => {
    const first = wire(aReceivedEvent());
    expect(validateEnvelope(first).ok).toBe(true);

    delete first['causationId'];
    expect(fieldsOf(first)).toEqual(['causationId']);
    expect(fieldsOf({ ...first, causationId: 'parent' })).toEqual(['causationId']);
  });

  it('rejects unknown envelope fields', () => {
    expect(fieldsOf({ ...wire(aReceivedEvent()), headers: {} })).toEqual(['headers']);
  });

  it('rejects a payload that is not an object', () => {
    expect(fieldsOf({ ...wire(aReceivedEvent()), payload: [] })).toEqual(['payload']);
  });

  it('reports an unknown type with its own code', () => {
    const failure = failureOf({ ...wire(aReceivedEvent()), type: 'complaint.teleported' });
    expect(failure.code).toBe(CONTRACT_ERROR_CODES.unknownType);
    expect(failure.errors.map((error) => error.field)).toEqual(['type']);
  });

  it('reports an unknown version of a known type with its own code', () => {
    const failure = failureOf({ ...wire(aReceivedEvent()), version: 2 });
    expect(failure.code).toBe(CONTRACT_ERROR_CODES.unknownVersion);
    expect(failure.errors).toEqual([
      { field: 'version', reason: expect.stringContaining('known: 1') },
    ]);
  });
});

describe('validateEnvelope: payload rules', () => {
  const received = () => wire(aReceivedPayload()) as Record<string, unknown>;

  it('names a missing payload field with its dotted path', () => {
    const payload = received();
    delete payload['subject'];
    expect(fieldsOf(withPayload(payload))).toEqual(['payload.subject']);
  });

  it('rejects unknown fields at any depth', () => {
    const payload = received();
    payload['priority'] = 'P1';
    payload['customer'] = { ...(payload['customer'] as object), nickname: 'Wei' };

    expect(fieldsOf(withPayload(payload)).sort()).toEqual([
      'payload.customer.nickname',
      'payload.priority',
    ]);
  });

  it('drops unknown fields when consuming: an added optional field keeps the version', () => {
    const payload = received();
    payload['newOptionalField'] = 'from a newer producer';
    const result = validateEnvelope(withPayload(payload), 'consume');
    expect(result.ok).toBe(true);
    expect(result.ok && 'newOptionalField' in result.envelope.payload).toBe(false);
  });

  it('rejects a value outside an enum', () => {
    expect(fieldsOf(withPayload({ ...received(), channel: 'fax' }))).toEqual(['payload.channel']);
  });

  it('names nested object and array item fields', () => {
    const payload = received();
    payload['customer'] = { name: 'Li Wei', email: 'not-an-email' };
    payload['attachments'] = [{ ...(payload['attachments'] as object[])[0], sha256: 'abc' }];

    expect(fieldsOf(withPayload(payload)).sort()).toEqual([
      'payload.attachments.0.sha256',
      'payload.customer.email',
    ]);
  });

  it('rejects null for an optional field: optional means absent', () => {
    expect(fieldsOf(withPayload({ ...received(), desiredOutcome: null }))).toEqual([
      'payload.desiredOutcome',
    ]);
  });

  it('rejects a nested object given as a scalar', () => {
    expect(fieldsOf(withPayload({ ...received(), customer: 'Li Wei' }))).toEqual([
      'payload.customer',
    ]);
  });

  it('checks ranges, integers and currency codes in other payloads', () => {
    const feedback = wire(aFeedbackReceivedEvent({ payload: { rating: 6 } }));
    expect(fieldsOf(feedback)).toEqual(['payload.rating']);

    const investigated = wire(
      anInvestigatedEvent({
        payload: { round: 0, compensation: { amountMinor: 1.5, currency: 'XYZ' } },
      }),
    );
    expect(fieldsOf(investigated).sort()).toEqual([
      'payload.compensation.amountMinor',
      'payload.compensation.currency',
      'payload.round',
    ]);
  });

  it('does not echo offending values in reasons (they may be personal data)', () => {
    const payload = { ...received(), customer: { name: 'Li Wei', email: 'li.wei@@example' } };
    const reasons = failureOf(withPayload(payload)).errors.map((error) => error.reason);
    expect(reasons.join(' ')).not.toContain('li.wei@@example');
  });
});

describe('assertValidEnvelope', () => {
  it('returns the typed envelope when valid', () => {
    const envelope = assertValidEnvelope(wire(aReceivedEvent()));
    if (envelope.type === 'complaint.received') {
      expect(envelope.payload.customer.name).toBe('Li Wei');
    } else {
      throw new Error(`unexpected type ${envelope.type}`);
    }
  });

  it('throws ContractValidationError carrying the code and field errors', () => {
    const raw = { ...wire(aReceivedEvent()), type: 'complaint.teleported' };
    expect(() => assertValidEnvelope(raw)).toThrow(ContractValidationError);
    try {
      assertValidEnvelope(raw);
    } catch (error) {
      expect(error).toMatchObject({
        name: 'ContractValidationError',
        code: 'CONTRACT.UNKNOWN_TYPE',
        errors: [{ field: 'type' }],
      });
    }
  });
});
