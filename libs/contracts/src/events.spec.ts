import { createEnvelope } from './envelope/create-envelope';
import { EVENT_TYPES } from './event-types';
import {
  AnyEventEnvelope,
  EVENT_CATALOG,
  EVENT_DEFINITIONS,
  EVENT_REGISTRY,
  EventMap,
  TopicOf,
  findEventDefinition,
} from './events';
import { ComplaintReceivedV1 } from './payloads/received/complaint-received-v1.payload';
import { aClosedEvent } from './testing/event.factories';
import { aClosedPayload, aReceivedPayload, aRoutedPayload } from './testing/payload.factories';
import { TOPICS } from './topics';

describe('event registry', () => {
  it('has one definition per topic, and one topic per event type', () => {
    expect([...EVENT_REGISTRY.byTopic.keys()].sort()).toEqual(Object.values(TOPICS).sort());
    expect([...EVENT_REGISTRY.byType.keys()].sort()).toEqual(Object.values(EVENT_TYPES).sort());
  });

  it.each(EVENT_DEFINITIONS.map((definition) => [definition.topic, definition]))(
    '%s: the topic suffix is the payload version, and both lookups agree',
    (topic, definition) => {
      expect(topic.endsWith(`.v${definition.version}`)).toBe(true);
      expect(EVENT_REGISTRY.byTopic.get(topic)).toBe(definition);
      expect(findEventDefinition(definition.type, definition.version)).toBe(definition);
    },
  );

  it('finds the payload class by type and version, and nothing for unknown ones', () => {
    expect(findEventDefinition('complaint.received', 1)?.payload).toBe(ComplaintReceivedV1);
    expect(EVENT_CATALOG['complaint.received'].topic).toBe('complaints.received.v1');
    expect(findEventDefinition('complaint.received', 2)).toBeUndefined();
    expect(findEventDefinition('complaint.teleported', 1)).toBeUndefined();
  });
});

describe('typed event map', () => {
  // The assertions that matter here are made by the compiler (`npx tsc`): the
  // expect-error directives fail the type-check if a wrong payload ever compiles.
  it('ties payload, topic and envelope type to the event type', () => {
    const payload: EventMap['complaint.received'] = aReceivedPayload();
    const topic: TopicOf<'complaint.closed'> = 'complaints.closed.v1';
    const closed = createEnvelope({
      type: 'complaint.closed',
      complaintId: '3f9a6c1e-2b4d-4e8f-9a0b-1c2d3e4f5a6b',
      producer: 'feedback',
      payload: aClosedPayload(),
    });

    createEnvelope({
      type: 'complaint.received',
      complaintId: closed.complaintId,
      producer: 'intake',
      // @ts-expect-error a routed payload is not a received payload
      payload: aRoutedPayload(),
    });

    const any: AnyEventEnvelope = aClosedEvent();
    const resolution = any.type === 'complaint.closed' ? any.payload.resolution : undefined;

    expect(payload.channel).toBe('phone');
    expect(topic).toBe(EVENT_CATALOG[closed.type].topic);
    expect(resolution).toBe('satisfied');
  });
});
