import { randomUUID } from 'crypto';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Every message now on `topics`, from the beginning to each partition's current end, read
 * with a throwaway consumer group (no service's offsets move).
 */
export async function readToEnd(brokers: string[], topics: string[]): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'deadlines-replay', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>();
  try {
    for (const topic of topics)
      for (const p of await admin.fetchTopicOffsets(topic)) {
        const end = BigInt(p.high);
        if (end > BigInt(p.low)) remaining.set(`${topic}/${p.partition}`, end);
      }
  } finally {
    await admin.disconnect();
  }
  const values: string[] = [];
  if (remaining.size === 0) return values;
  const consumer = kafka.consumer({ groupId: `deadlines-replay-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            if (message.value) values.push(message.value.toString());
            const key = `${topic}/${partition}`;
            const end = remaining.get(key);
            if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(key);
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return values;
}
