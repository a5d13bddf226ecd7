import { Consumer, ConsumerConfig, EachBatchPayload } from 'kafkajs';
import { BenchContext } from '../support/bench-context';

/**
 * A consumer of `topics` in a group of its own that starts at their end (records of earlier
 * runs on the same stack are not read); `start` returns once it has joined and runs `onBatch`
 * for what arrives after.
 */
export abstract class TopicTail {
  private consumer?: Consumer;

  constructor(
    protected readonly ctx: BenchContext,
    protected readonly prefix: string,
    private readonly name: string,
    private readonly topics: string[],
    private readonly config: Partial<ConsumerConfig> = {},
  ) {}

  protected abstract onBatch(payload: EachBatchPayload): Promise<void>;

  async start(): Promise<void> {
    const consumer = this.ctx
      .kafka(this.name)
      .consumer({ ...this.config, groupId: `${this.prefix}${this.name}-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({
      topics: this.topics.map((t) => this.prefix + t),
      fromBeginning: false,
    });
    let joined!: () => void;
    const ready = new Promise<void>((resolve) => (joined = resolve));
    consumer.on(consumer.events.GROUP_JOIN, () => joined());
    await consumer.run({ eachBatch: (payload) => this.onBatch(payload) });
    await ready;
    this.consumer = consumer;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
