import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { waitForTopics } from './wait-for-topics';
import { uniqueName } from './unique-name';

function kafkaClient(brokers: string[]): Kafka {
  return new Kafka({
    clientId: 'tests',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 10, initialRetryTime: 100 },
  });
}

/** Creates topics for one test file; returns them with a function that deletes them. */
export async function createTestTopics(
  brokers: string[],
  names: string[],
  partitions = 3,
): Promise<{ names: string[]; remove(): Promise<void> }> {
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  try {
    // kafkajs's waitForLeaders sometimes fails while a KRaft broker's metadata catches up.
    await admin.createTopics({
      waitForLeaders: false,
      topics: names.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
    await waitForTopics(admin, names);
  } finally {
    await admin.disconnect();
  }
  return {
    names,
    remove: async () => {
      const a = kafkaClient(brokers).admin();
      await a.connect();
      try {
        await a.deleteTopics({ topics: names });
      } finally {
        await a.disconnect();
      }
    },
  };
}

/** A topic-name prefix no other test run uses. */
export function uniqueTopicPrefix(label: string): string {
  return `${uniqueName(label)}.`;
}

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads every message on `topics` from the beginning until `until` holds for what was read
 * (or the timeout passes), with a throwaway consumer group.
 */
export async function readTopics(
  brokers: string[],
  topics: string[],
  until: (messages: ReadMessage[]) => boolean,
  timeoutMs = 20_000,
): Promise<ReadMessage[]> {
  const consumer = kafkaClient(brokers).consumer({ groupId: uniqueName('reader') });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => resolve(), timeoutMs);
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            messages.push(toRead(topic, partition, message));
            if (until(messages)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

function toRead(topic: string, partition: number, m: KafkaMessage): ReadMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {}))
    if (v !== undefined) headers[k] = v.toString();
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key?.toString() ?? null,
    value: m.value?.toString() ?? null,
    headers,
  };
}
