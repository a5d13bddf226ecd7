import { Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { patchKafkajsIdleTimers } from './kafkajs-idle-timers';

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** A kafkajs client whose own logs go to the service's structured logger. */
export function createKafka({ brokers, clientId, logger }: KafkaConnectionOptions): Kafka {
  patchKafkajsIdleTimers();
  const log = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8 },
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        log[LEVELS[level] ?? 'info'](rest, message);
      },
  });
}

/**
 * The only producer configuration the platform uses: idempotent (no duplicates or reordering
 * from the producer's own retries), acks=all on every send, one request in flight as kafkajs
 * requires for idempotence, kafkajs's unlimited retries (limiting them voids the
 * idempotence guarantee), and the Java client's partitioner so keys land where other
 * Kafka clients would put them.
 */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
