import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import {
  MESSAGING_MIGRATIONS,
  MessagingModule,
  serviceDataSourceOptions,
} from '@complaints/messaging';
import { AuditTrail } from './audit/audit-trail';
import { Clock, SystemClock } from './clock/clock';
import { ServiceConfig } from './config/service.config';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { loggerOptions, PERSONAL_DATA_PATHS } from './logging/logger.options';
import { MetricsController } from './metrics/metrics.controller';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

export interface PlatformOptions {
  /** Service name: envelope producer, log `service`, consumer-group prefix. */
  service: string;
  /** The schema the service owns (DATABASE_SCHEMA overrides it for test runs). */
  schema: string;
  config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  /** The service's own migrations; the outbox/inbox migration runs first. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  clock?: Clock;
  /** Providers every module of the service may inject (its typed config class). */
  extraProviders?: Provider[];
}

/**
 * What every service has: structured logs without personal data, its schema with migrations
 * run at start, the outbox relay and consumers, /health, /metrics, problem+json errors and
 * one injectable clock.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(o: PlatformOptions): DynamicModule {
    const logger: Logger = pino({
      level: o.config.LOG_LEVEL,
      base: { service: o.service },
      redact: { paths: PERSONAL_DATA_PATHS, censor: '[redacted]' },
    });
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const schema = o.config.DATABASE_SCHEMA ?? o.schema;
    const logging = loggerOptions(o.service, o.config.LOG_LEVEL);
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({ ...logging, pinoHttp: { ...(logging.pinoHttp as object), logger } }),
        TypeOrmModule.forRoot({
          ...serviceDataSourceOptions({
            url: o.config.DATABASE_URL,
            schema,
            entities: o.entities,
            migrations: [...MESSAGING_MIGRATIONS, ...o.migrations],
            poolSize: o.config.DATABASE_POOL_SIZE,
            applicationName: o.service,
            limits: {
              connectTimeoutMs: o.config.DATABASE_CONNECT_TIMEOUT_MS,
              statementTimeoutMs: o.config.DATABASE_STATEMENT_TIMEOUT_MS,
              lockTimeoutMs: o.config.DATABASE_LOCK_TIMEOUT_MS,
              idleInTransactionTimeoutMs: o.config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
              keepAliveIdleMs: o.config.DATABASE_KEEPALIVE_MS,
              poolIdleTimeoutMs: o.config.DATABASE_POOL_IDLE_TIMEOUT_MS,
            },
          }),
          migrationsRun: true,
          migrationsTransactionMode: 'each',
        }),
        MessagingModule.forRootAsync({
          useFactory: () => ({
            service: o.service,
            brokers: o.config.KAFKA_BROKERS,
            topicPrefix: o.config.TOPIC_PREFIX,
            logger,
            registry,
            consumer: {
              sessionTimeoutMs: o.config.KAFKA_SESSION_TIMEOUT_MS,
              maxBatchSize: o.config.CONSUMER_BATCH_SIZE,
              partitionsConsumedConcurrently: o.config.CONSUMER_PARTITIONS_AT_ONCE,
            },
            retention: {
              outboxRetentionMs: o.config.OUTBOX_RETENTION_HOURS * 3_600_000,
              inboxRetentionMs: o.config.INBOX_RETENTION_DAYS * 86_400_000,
              intervalMs: o.config.RETENTION_INTERVAL_MS,
              batchRows: o.config.RETENTION_BATCH_ROWS,
              maxRowsPerRun: o.config.RETENTION_MAX_ROWS_PER_RUN,
            },
          }),
        }),
        TerminusModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: Clock, useValue: o.clock ?? new SystemClock() },
        { provide: SERVICE_CONFIG, useValue: o.config },
        { provide: ROOT_LOGGER, useValue: logger },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        AuditTrail,
        ...(o.extraProviders ?? []),
      ],
      exports: [Clock, SERVICE_CONFIG, ROOT_LOGGER, AuditTrail, ...(o.extraProviders ?? [])],
    };
  }
}
