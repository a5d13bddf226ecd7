import { createHash } from 'crypto';
import { KafkaMessage } from 'kafkajs';
import { ContractValidationError, EventEnvelope, validateEnvelope } from '@complaints/contracts';

export class MalformedMessageError extends Error {
  readonly code = 'MESSAGE.MALFORMED';
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessageError';
  }
}

/** The message's envelope, validated against its contract; throws for anything else. */
export function parseEnvelope(message: KafkaMessage): EventEnvelope<object> {
  const raw = message.value?.toString('utf8');
  if (!raw) throw new MalformedMessageError('the message has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new MalformedMessageError('the message value is not JSON');
  }
  const result = validateEnvelope(parsed, 'consume');
  if (!result.ok) throw new ContractValidationError(result.code, result.errors);
  return result.envelope;
}

/**
 * The inbox key of a message that is not a valid envelope: derived from where it sits
 * (topic, partition, offset), never from what it claims to be, so a redelivery of it is a
 * no-op and a forged eventId in it cannot mark a real event as seen.
 */
export function positionalEventId(topic: string, partition: number, offset: string): string {
  const h = createHash('sha256').update(`${topic}\u0000${partition}\u0000${offset}`).digest('hex');
  // A UUID of version 8 (custom), variant 10.
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
