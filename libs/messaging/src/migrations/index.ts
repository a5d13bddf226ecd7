import { CreateMessagingTables1764230400000 } from './1764230400000-create-messaging-tables';
import { CreateParkedAndDeadLetterTables1796000000000 } from './1796000000000-create-parked-and-dead-letter-tables';
import { AddRetentionIndexes1796100000000 } from './1796100000000-add-retention-indexes';

/**
 * The messaging tables' migrations (outbox, inbox, dead letters), in order. Every service's
 * DataSource lists these before its own; a new one is appended here, never edited once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MESSAGING_MIGRATIONS: Function[] = [
  CreateMessagingTables1764230400000,
  CreateParkedAndDeadLetterTables1796000000000,
  AddRetentionIndexes1796100000000,
];
