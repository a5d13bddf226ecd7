export * from './consumer/event-consumer';
export * from './consumer/dead-letter';
export * from './consumer/dead-letter-store';
export * from './consumer/consumer-health';
export * from './consumer/typed-handler';
export * from './dead-letters/dead-letter-admin';
export * from './kafka/kafka-errors';
export * from './errors';
export * from './kafka/kafka-factory';
export * from './messaging.module';
export * from './metrics/messaging-metrics';
export * from './metrics/consumer-group-metrics';
export * from './metrics/offset-history';
export * from './migrations/1764230400000-create-messaging-tables';
export * from './migrations';
export * from './outbox/outbox-relay';
export * from './outbox/unit-of-work';
export * from './query-timeout-client';
export * from './service-data-source';
export { isTransientError, quoteIdent, schemaOf } from './sql';
export * from './outbox/outbox-stats';
export {
  DEFAULT_INBOX_RETENTION_DAYS,
  DEFAULT_OUTBOX_RETENTION_HOURS,
  LONGEST_REDELIVERY_MS,
  MIN_INBOX_RETENTION_DAYS,
} from './retention/retention-policy';
export * from './retention/retention-runner';
