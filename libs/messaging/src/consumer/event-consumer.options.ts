import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { EventEnvelope } from '@complaints/contracts';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { UnitOfWork } from '../outbox/unit-of-work';
import { EventContext, EventHandler } from './consumer-types';

export interface EventConsumerOptions {
  dataSource: DataSource;
  kafka: Kafka;
  unitOfWork: UnitOfWork;
  logger: Logger;
  metrics: MessagingMetrics;
  /** The consumer group; also the inbox's key, so two groups in one schema never collide. */
  groupId: string;
  /** Full topic names, test prefixes included. */
  topics: string[];
  handler: EventHandler;
  /** Attempts for an event whose handler fails with a non-transient error before it is dead-lettered. */
  maxAttempts?: number;
  /** ms; first retry delay, doubled each time up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** ms; the longest wait between tries while the database or broker is away. */
  transientRetryMaxMs?: number;
  /**
   * Partitions consumed at once. Their waiting events are applied together, one transaction at
   * a time for the whole consumer (see BatchQueue), so more partitions at once means larger
   * transactions, not concurrent ones.
   */
  partitionsConsumedConcurrently?: number;
  /** Events applied in one database transaction at most; 1 applies each in its own transaction. */
  maxBatchSize?: number;
  /** ms */
  sessionTimeoutMs?: number;
  /** bytes; a dead letter larger than this is written to the DLQ topic without its value. */
  maxDeadLetterBytes?: number;
  /** ms; how often unforwarded dead letters are looked for. */
  deadLetterPollMs?: number;
  /** Builds the dead-letter forwarder's producer (tests inject faults here). */
  producerFactory?: (kafka: Kafka) => Producer;
  /** Fault injection for tests: runs after an event's transaction committed, before its offset is committed. */
  afterCommitHook?: (event: EventEnvelope<object>, ctx: EventContext) => Promise<void> | void;
}
