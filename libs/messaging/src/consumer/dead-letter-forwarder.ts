import { Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { dlqTopic } from '@complaints/contracts';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { isTooLarge, kafkaErrorTypes } from '../kafka/kafka-errors';
import { ReplaceableProducer } from '../kafka/replaceable-producer';
import { WakeableSleep } from '../outbox/wakeable-sleep';
import { ConsumerHealth } from './consumer-health';
import { deadLetterMessage } from './dead-letter';
import { DeadLetterStore } from './dead-letter-store';

export interface DeadLetterForwarderOptions {
  store: DeadLetterStore;
  kafka: Kafka;
  logger: Logger;
  metrics: MessagingMetrics;
  health: ConsumerHealth;
  /** bytes; a dead letter larger than this goes to the DLQ topic without its value */
  maxMessageBytes: number;
  /** ms; how often to look for dead letters left unforwarded (by a crash or a failure) */
  pollIntervalMs: number;
  producerFactory?: (kafka: Kafka) => Producer;
}

const BATCH = 50;

/**
 * Few retries, so a missing DLQ topic is reported in seconds rather than after kafkajs's long
 * default budget; not idempotent, since a dead letter forwarded twice is harmless (dlq-id).
 */
function forwardingProducer(kafka: Kafka): Producer {
  return kafka.producer({
    allowAutoTopicCreation: false,
    retry: { retries: 2, initialRetryTime: 200 },
  });
}
const MAX_BACKOFF_MS = 10_000;

/**
 * Writes a group's recorded dead letters to `<topic>.dlq`, after the fact and apart from the
 * consumer: a DLQ topic that is missing or refuses a message never stops the partition, which
 * moved on when the dead letter was recorded in the database. While it cannot write, it retries
 * with backoff, counts the failure, and the consumer's health says degraded; a dead letter the
 * broker refuses for its size is sent again without its value.
 */
export class DeadLetterForwarder {
  private readonly pause = new WakeableSleep();
  private readonly producer: ReplaceableProducer;
  private running = false;
  private loop?: Promise<void>;

  constructor(private readonly o: DeadLetterForwarderOptions) {
    this.producer = new ReplaceableProducer(o.kafka, o.producerFactory ?? forwardingProducer);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.pause.reset();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.pause.interrupt();
    await this.loop;
    await this.producer.drop();
  }

  wake(): void {
    this.pause.wake();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        this.pause.takeWake();
        const more = await this.forwardSome();
        failures = 0;
        this.o.health.forwarding(undefined);
        if (!more) await this.pause.sleep(this.o.pollIntervalMs, { wakeable: true });
      } catch (err) {
        failures++;
        const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(failures, 8));
        // Only the broker's refusal is this forwarder's own problem to report: while the
        // database is away the consumer itself says degraded, and says when it is back.
        const kafkaProblem =
          kafkaErrorTypes(err).length > 0 || /^KafkaJS/.test((err as Error).name);
        this.o.health.forwarding(
          kafkaProblem ? `dead letters cannot be written: ${(err as Error).message}` : undefined,
        );
        this.o.metrics.deadLetterForwardFailures.inc({ group: this.o.store.groupId });
        this.o.logger.error(
          {
            err,
            kafkaErrors: kafkaErrorTypes(err),
            groupId: this.o.store.groupId,
            retryInMs: delay,
          },
          'dead letters could not be forwarded to the DLQ topic; retrying',
        );
        await this.producer.drop();
        await this.pause.sleep(delay, { wakeable: false });
      }
    }
  }

  /** Forwards up to one batch; true when more may wait. */
  private async forwardSome(): Promise<boolean> {
    const rows = await this.o.store.unforwarded(BATCH);
    for (const row of rows) {
      if (!this.running) return false;
      const producer = await this.producer.get();
      // After the broker refused it for its size, it goes without its value.
      const limit = row.forward_error?.startsWith('too large') ? 0 : this.o.maxMessageBytes;
      try {
        await producer.send({
          topic: dlqTopic(row.topic),
          acks: -1,
          messages: [deadLetterMessage(row, limit)],
        });
      } catch (err) {
        const tooLarge = isTooLarge(err);
        await this.o.store.markForwardFailed(
          row.id,
          `${tooLarge ? 'too large: ' : ''}${(err as Error).message}`,
        );
        if (tooLarge) continue;
        throw err;
      }
      await this.o.store.markForwarded(row.id);
    }
    return rows.length === BATCH;
  }
}
