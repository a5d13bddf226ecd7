import { Kafka, Producer } from 'kafkajs';

/**
 * A producer made on first use and thrown away after a failure, so the next use gets a new
 * one: a kafkajs producer that gave up (an idempotent one after OUT_OF_ORDER_SEQUENCE_NUMBER)
 * never recovers, and one that never connected must not be kept.
 */
export class ReplaceableProducer {
  private producer?: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly make: (kafka: Kafka) => Producer,
  ) {}

  async get(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.make(this.kafka);
      try {
        await producer.connect();
      } catch (err) {
        await producer.disconnect().catch(() => undefined);
        throw err;
      }
      this.producer = producer;
    }
    return this.producer;
  }

  /** Disconnects the producer (never throws); the next get() makes a new one. */
  async drop(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}
