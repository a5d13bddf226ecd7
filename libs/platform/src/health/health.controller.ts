import { Controller, Get, Inject, OnModuleDestroy, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { Admin, Kafka } from 'kafkajs';
import { ConsumerHost, KAFKA } from '@complaints/messaging';
import { Public } from '../auth/auth.decorators';

/**
 * A service's own part of readiness (provide an array under READINESS_CHECKS through
 * PlatformModule's extraProviders), e.g. which model the classifier runs on.
 */
export type ReadinessCheck = (indicators: HealthIndicatorService) => Promise<HealthIndicatorResult>;
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** ms a readiness check waits for the database or the broker. */
const CHECK_TIMEOUT_MS = 2000;

/** Public to probes and load balancers: the reasons it gives name no complaint or person. */
@Public()
@ApiTags('operations')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private admin?: Promise<Admin>;

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly consumers: ConsumerHost,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Optional() @Inject(READINESS_CHECKS) private readonly extra: ReadinessCheck[] = [],
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** The service can do its work: database and broker answer, no consumer has given up. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
      () => this.kafkaCheck(),
      () => this.consumersCheck(),
      ...(this.extra ?? []).map((check) => () => check(this.indicators)),
    ]);
  }

  private async kafkaCheck() {
    const indicator = this.indicators.check('kafka');
    try {
      // Connecting counts against the same bound: a broker that is down must not hold the probe.
      const admin = await withTimeout(this.connectedAdmin(), CHECK_TIMEOUT_MS);
      const cluster = await withTimeout(admin.describeCluster(), CHECK_TIMEOUT_MS);
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (err) {
      this.admin = undefined;
      return indicator.down({ message: (err as Error).message });
    }
  }

  /**
   * Down while any consumer is not ok: failed (kafkajs gave up: restart it) or degraded (it
   * waits out a dependency, or cannot write its dead letters, and recovers by itself). Either
   * way the service is not doing all its work, and readiness says so with the reasons.
   */
  private consumersCheck() {
    const indicator = this.indicators.check('consumers');
    const notOk = this.consumers.all
      .map((c) => ({ group: c.groupId, ...c.healthReport() }))
      .filter((r) => r.state !== 'ok');
    return notOk.length === 0
      ? indicator.up({ groups: this.consumers.all.length })
      : indicator.down({
          degraded: notOk.filter((r) => r.state === 'degraded'),
          failed: notOk.filter((r) => r.state === 'failed'),
        });
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  async onModuleDestroy(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref(),
    ),
  ]);
}
