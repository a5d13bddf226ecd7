import { Consumer, ConsumerConfig, EachBatchHandler } from 'kafkajs';
import { BenchContext } from '../support/bench-context';

/**
 * A consumer of `topics` in a group of its own that starts at their end (records of earlier
 * runs on the same stack are not read), running `eachBatch` once it has joined.
 */
export async function tailTopics(
  ctx: BenchContext,
  name: string,
  prefix: string,
  topics: string[],
  eachBatch: EachBatchHandler,
  config: Partial<ConsumerConfig> = {},
): Promise<Consumer> {
  const consumer = ctx
    .kafka(name)
    .consumer({ ...config, groupId: `${prefix}${name}-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: topics.map((t) => prefix + t), fromBeginning: false });
  let joined!: () => void;
  const ready = new Promise<void>((resolve) => (joined = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({ eachBatch });
  await ready;
  return consumer;
}
