import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { DEFAULT_INBOX_RETENTION_DAYS, MIN_INBOX_RETENTION_DAYS } from '@complaints/messaging';

/**
 * Settings every service has. Each service extends it with its own. Every property has an
 * explicit type: environment strings are converted by the reflected type.
 */
export class ServiceConfig {
  /** TCP port of the HTTP API; 0 takes any free port (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT!: number;

  @IsString()
  HOST: string = '127.0.0.1';

  /** postgres://user:password@host:port/database, logged in as the service's own role. */
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/complaints';

  /** The service's schema; a test run may use its own. */
  @IsOptional()
  @IsString()
  DATABASE_SCHEMA?: string;

  /** Comma-separated host:port list. */
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean)
      : value,
  )
  @ArrayNotEmpty()
  @Matches(/^[^\s:]+:\d+$/, {
    each: true,
    message: 'KAFKA_BROKERS must be host:port[,host:port...]',
  })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /** Prepended to every topic and consumer group: lets a test run use its own topics. */
  @IsString()
  TOPIC_PREFIX: string = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /**
   * ms without heartbeats after which the broker gives a consumer's partitions to another
   * instance: how long a crashed instance's complaints wait. 6000 is the broker's minimum.
   */
  @IsInt()
  @Min(6000)
  @Max(300000)
  KAFKA_SESSION_TIMEOUT_MS: number = 10000;

  /**
   * Events a consumer applies in one database transaction when several wait on a partition;
   * 1 applies each in its own. Outcomes are the same; larger batches cost fewer round trips.
   */
  @IsInt()
  @Min(1)
  @Max(1000)
  CONSUMER_BATCH_SIZE: number = 100;

  /**
   * Partitions a consumer reads at once (kafkajs partitionsConsumedConcurrently). Their waiting
   * events go into the same transaction, one transaction at a time per consumer: a consumer of
   * many partitions commits once per round of fetches instead of once per partition.
   */
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_PARTITIONS_AT_ONCE: number = 8;

  /** Connections in the service's PostgreSQL pool. */
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  // Connection limits (DatabaseLimits in libs/messaging): a half-dead connection must not keep
  // a transaction open on the server, which would hold back every service's relay.

  /** ms, >= 0 (0: wait for ever); connecting to PostgreSQL, and waiting for a free pooled connection */
  @IsInt()
  @Min(0)
  @Max(600_000)
  DATABASE_CONNECT_TIMEOUT_MS: number = 10_000;

  /**
   * ms, >= 0 (0: none); the server cancels a statement running longer. The client waits 5 s
   * more for an answer, then takes the connection for dead and drops it.
   */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DATABASE_STATEMENT_TIMEOUT_MS: number = 30_000;

  /** ms, >= 0 (0: none); a statement waiting longer for a lock fails (and is retried) */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DATABASE_LOCK_TIMEOUT_MS: number = 10_000;

  /**
   * ms, >= 0 (0: none); the server ends a session idle this long inside an open transaction,
   * rolling it back: the longest a dead client holds back the relays' horizon.
   */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: number = 30_000;

  /** ms, 0 (off) or >= 1000; idle time before TCP keepalive probes, from both ends */
  @ValidateIf((c: ServiceConfig) => c.DATABASE_KEEPALIVE_MS !== 0)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  DATABASE_KEEPALIVE_MS: number = 10_000;

  /** ms, >= 0 (0: never); an idle pooled connection is closed after this long */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DATABASE_POOL_IDLE_TIMEOUT_MS: number = 30_000;

  // Retention (RetentionRunner in libs/messaging): bounded batches on a timer of its own.

  /** hours, 0..720; sent outbox rows older than this are deleted (0: at the next run) */
  @IsInt()
  @Min(0)
  @Max(720)
  OUTBOX_RETENTION_HOURS: number = 24;

  /**
   * days; inbox rows older than this are deleted; 0 keeps them for ever (a consumer of a topic
   * kept for ever must). Otherwise at least MIN_INBOX_RETENTION_DAYS: a row pruned while its
   * event can still be redelivered would let the event apply twice (retention-policy.ts).
   */
  @ValidateIf((c: ServiceConfig) => c.INBOX_RETENTION_DAYS !== 0)
  @IsInt()
  @Min(MIN_INBOX_RETENTION_DAYS, {
    message: `INBOX_RETENTION_DAYS must be 0 (keep for ever) or at least ${MIN_INBOX_RETENTION_DAYS}: longer than an event can be redelivered (topic retention plus a Kafka segment)`,
  })
  @Max(3650)
  INBOX_RETENTION_DAYS: number = DEFAULT_INBOX_RETENTION_DAYS;

  /** ms, 1000..3600000; between retention runs */
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  RETENTION_INTERVAL_MS: number = 60_000;

  /** rows, 1..10000; deleted per statement (one short transaction each) */
  @IsInt()
  @Min(1)
  @Max(10_000)
  RETENTION_BATCH_ROWS: number = 1_000;

  /** rows, 1..1000000; deleted per table per run at most; a run that stops there is followed within a second */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RETENTION_MAX_ROWS_PER_RUN: number = 50_000;
}
