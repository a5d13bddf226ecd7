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
} from 'class-validator';

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
}
