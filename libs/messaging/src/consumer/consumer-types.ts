import { KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { EventEnvelope } from '@complaints/contracts';
import { Transaction } from '../outbox/unit-of-work';

export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
  /** The consumer's logger with this event's eventId, correlationId, topic and offset on every line. */
  log: Logger;
}

/**
 * Applies one event. Runs inside the transaction that also records the event in the inbox;
 * events it publishes through `tx` commit with it. It throws to refuse the event (never
 * swallows a failure): a transient error is retried, PermanentEventError goes to the DLQ.
 */
export type EventHandler = (
  event: EventEnvelope<object>,
  tx: Transaction,
  ctx: EventContext,
) => Promise<void>;

/** A message that parsed into a valid envelope. */
export interface Incoming {
  topic: string;
  partition: number;
  message: KafkaMessage;
  envelope: EventEnvelope<object>;
}

/** One partition's waiting events, applied in order. */
export interface Job {
  events: Incoming[];
  /** false once the consumer stops or the partition was taken away (a rebalance) */
  running: () => boolean;
  /** Keeps the member in its group; never throws (a failure marks the job not running). */
  heartbeat: () => Promise<void>;
}
