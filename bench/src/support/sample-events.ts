import { randomUUID } from 'crypto';
import {
  assertValidEnvelope,
  causedBy,
  createEnvelope,
  EVENT_TYPES,
  EnvelopeOf,
} from '@complaints/contracts';
import { aReceivedPayload, aRoutedPayload } from '@complaints/contracts/testing';
import { SAMPLE_COMPLAINTS } from '@complaints/pipeline-client';

/**
 * The i-th received event of a run, as intake would publish it: one of the sample complaints
 * (Chinese and English, all four classes) under a fresh complaint id and caller reference.
 */
export function receivedEvent(i: number, run: string): EnvelopeOf<typeof EVENT_TYPES.received> {
  const sample = SAMPLE_COMPLAINTS[i % SAMPLE_COMPLAINTS.length];
  const now = new Date();
  const event = createEnvelope({
    type: EVENT_TYPES.received,
    complaintId: randomUUID(),
    producer: 'intake',
    occurredAt: now,
    payload: aReceivedPayload({
      referenceNumber: `CMP-2026-${String(i + 1).padStart(7, '0')}`,
      channel: sample.channel,
      callerSystem: 'bench',
      externalReference: `BENCH-${run}-${i}`,
      customer: { ...sample.customer },
      productLine: sample.productLine,
      subject: sample.subject,
      description: sample.description,
      ...(sample.desiredOutcome ? { desiredOutcome: sample.desiredOutcome } : {}),
      language: /[\u4e00-\u9fff]/.test(sample.subject) ? 'zh' : 'en',
      receivedAt: now.toISOString(),
    }),
  });
  // One of each sample is checked against the contract: the run must not measure refusals.
  if (i < SAMPLE_COMPLAINTS.length) assertValidEnvelope(JSON.parse(JSON.stringify(event)));
  return event;
}

/** What a classifier publishes for a received event: routed, with the complaint's summary. */
export function routedEventFor(
  received: EnvelopeOf<typeof EVENT_TYPES.received>,
  department: string,
): EnvelopeOf<typeof EVENT_TYPES.routed> {
  const r = received.payload;
  return createEnvelope({
    type: EVENT_TYPES.routed,
    ...causedBy(received),
    producer: 'classification',
    payload: aRoutedPayload({
      department,
      complaint: {
        referenceNumber: r.referenceNumber,
        channel: r.channel,
        productLine: r.productLine,
        language: r.language,
        subject: r.subject,
        description: r.description,
        receivedAt: r.receivedAt,
      },
    }),
  });
}
