import { validate as isUuid, version as uuidVersion } from 'uuid';
import { EVENT_TYPES } from '../event-types';
import { aComplaintLifecycle, aReceivedEvent } from '../testing/event.factories';
import { aReceivedPayload, aRoutedPayload } from '../testing/payload.factories';
import { causedBy, createEnvelope } from './create-envelope';
import { EventEnvelope } from './event-envelope';

describe('createEnvelope', () => {
  const complaintId = '3f9a6c1e-2b4d-4e8f-9a0b-1c2d3e4f5a6b';

  it('starts a chain: UUIDv7 eventId, correlation = own id, no causation', () => {
    const envelope = createEnvelope({
      type: EVENT_TYPES.received,
      complaintId,
      producer: 'intake',
      payload: aReceivedPayload(),
      occurredAt: new Date('2025-03-03T01:02:03.456Z'),
    });

    expect(envelope).toBeInstanceOf(EventEnvelope);
    expect(isUuid(envelope.eventId) && uuidVersion(envelope.eventId)).toBe(7);
    expect(envelope.correlationId).toBe(envelope.eventId);
    expect(envelope.causationId).toBeNull();
    expect(envelope.occurredAt).toBe('2025-03-03T01:02:03.456Z');
    expect(envelope.version).toBe(1);
    expect(envelope.complaintId).toBe(complaintId);
  });

  it('keeps a given correlation and causation, and an explicit version', () => {
    const correlationId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const causationId = '01956a1e-0000-7000-8000-0000000000a1';
    const envelope = createEnvelope({
      type: EVENT_TYPES.routed,
      version: 2,
      complaintId,
      producer: 'classification',
      payload: aRoutedPayload(),
      correlationId,
      causationId,
    });

    expect(envelope.correlationId).toBe(correlationId);
    expect(envelope.causationId).toBe(causationId);
    expect(envelope.version).toBe(2);
  });

  it('gives every event its own, time-ordered id', () => {
    const ids = Array.from({ length: 50 }, () => aReceivedEvent().eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('causedBy', () => {
  it('copies complaint and correlation, and points causation at the parent event', () => {
    const parent = aReceivedEvent();
    const child = createEnvelope({
      ...causedBy(parent),
      type: EVENT_TYPES.routed,
      producer: 'classification',
      payload: aRoutedPayload(),
    });

    expect(child.complaintId).toBe(parent.complaintId);
    expect(child.correlationId).toBe(parent.correlationId);
    expect(child.correlationId).toBe(parent.eventId);
    expect(child.causationId).toBe(parent.eventId);
  });

  it('chains a whole lifecycle under the first event', () => {
    const events = aComplaintLifecycle();
    const [first, ...rest] = events;

    expect(first.causationId).toBeNull();
    rest.forEach((event, index) => {
      expect(event.correlationId).toBe(first.eventId);
      expect(event.causationId).toBe(events[index].eventId);
      expect(event.complaintId).toBe(first.complaintId);
    });
  });
});
