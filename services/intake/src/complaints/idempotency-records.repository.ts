import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { IntakeConfig } from '../config/intake.config';
import { ComplaintErrors } from './complaint.errors';
import { ComplaintAcceptedDto } from './dto/complaint-accepted.dto';

const HOUR_MS = 60 * 60 * 1000;
/** ms between deletions of expired keys */
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

export interface IdempotentRequest {
  callerSystem: string;
  key: string;
  /** SHA-256 (hex) of the request body in canonical JSON */
  requestHash: string;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; response: ComplaintAcceptedDto };

/**
 * Idempotency-Key records, per calling system. Claiming inserts the record inside the
 * submission's own transaction; the primary key makes concurrent claims of one key wait for
 * each other, so exactly one of them creates the complaint and the others see its answer.
 */
@Injectable()
export class IdempotencyRecords implements OnModuleInit, OnModuleDestroy {
  private readonly ttlMs: number;
  private sweeper?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    config: IntakeConfig,
  ) {
    this.ttlMs = config.IDEMPOTENCY_TTL_HOURS * HOUR_MS;
  }

  /**
   * Claims `request.key` for this body, or returns the answer recorded for the same body.
   * Throws 409 when the key was used with another body and has not expired. An expired
   * record is taken over as if it did not exist.
   */
  async claim(manager: EntityManager, request: IdempotentRequest): Promise<Claim> {
    const now = this.clock.now();
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotency_record AS r (caller_system, idempotency_key, request_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT pk_idempotency_record DO UPDATE
          SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
              expires_at = EXCLUDED.expires_at, complaint_id = NULL, response = NULL
        WHERE r.expires_at <= EXCLUDED.created_at
       RETURNING 1`,
      [
        request.callerSystem,
        request.key,
        request.requestHash,
        now,
        new Date(now.getTime() + this.ttlMs),
      ],
    );
    if (claimed.length > 0) return { kind: 'claimed' };
    // The key is held by a committed, unexpired record (INSERT waited for its transaction).
    const [held]: HeldRow[] = await manager.query(
      `SELECT request_hash, response FROM idempotency_record WHERE caller_system = $1 AND idempotency_key = $2`,
      [request.callerSystem, request.key],
    );
    return replayOf(held, request);
  }

  /** Records the answer the claimed key gets from now on; same transaction as the claim. */
  async complete(
    manager: EntityManager,
    request: IdempotentRequest,
    response: ComplaintAcceptedDto,
  ): Promise<void> {
    await manager.query(
      `UPDATE idempotency_record SET complaint_id = $3, response = $4::jsonb
        WHERE caller_system = $1 AND idempotency_key = $2`,
      [request.callerSystem, request.key, response.id, JSON.stringify(response)],
    );
  }

  /**
   * claim() for many keys in one statement (a group commit's): each entry's claim, or the
   * error claim() would throw for it. The keys must be distinct; they are claimed in key
   * order, so two batches wanting the same keys wait for each other instead of deadlocking.
   */
  async claimMany(
    manager: EntityManager,
    requests: IdempotentRequest[],
  ): Promise<(Claim | { kind: 'error'; error: Error })[]> {
    const now = this.clock.now();
    const order = requests
      .map((r, i) => ({ r, i, id: keyOf(r.callerSystem, r.key) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const claimed: { caller_system: string; idempotency_key: string }[] = await manager.query(
      `INSERT INTO idempotency_record AS r (caller_system, idempotency_key, request_hash, created_at, expires_at)
       SELECT v.cs, v.k, v.h, $4::timestamptz, $5::timestamptz
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS v(cs, k, h, n) ORDER BY v.n
       ON CONFLICT ON CONSTRAINT pk_idempotency_record DO UPDATE
          SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
              expires_at = EXCLUDED.expires_at, complaint_id = NULL, response = NULL
        WHERE r.expires_at <= EXCLUDED.created_at
       RETURNING caller_system, idempotency_key`,
      [
        order.map((o) => o.r.callerSystem),
        order.map((o) => o.r.key),
        order.map((o) => o.r.requestHash),
        now,
        new Date(now.getTime() + this.ttlMs),
      ],
    );
    const won = new Set(claimed.map((c) => keyOf(c.caller_system, c.idempotency_key)));
    const held = requests.filter((r) => !won.has(keyOf(r.callerSystem, r.key)));
    const rows: (HeldRow & { caller_system: string; idempotency_key: string })[] =
      held.length === 0
        ? []
        : await manager.query(
            `SELECT r.caller_system, r.idempotency_key, r.request_hash, r.response
               FROM idempotency_record r
               JOIN unnest($1::text[], $2::text[]) AS v(cs, k)
                 ON r.caller_system = v.cs AND r.idempotency_key = v.k`,
            [held.map((r) => r.callerSystem), held.map((r) => r.key)],
          );
    const byKey = new Map(rows.map((row) => [keyOf(row.caller_system, row.idempotency_key), row]));
    return requests.map((r) => {
      const id = keyOf(r.callerSystem, r.key);
      if (won.has(id)) return { kind: 'claimed' as const };
      try {
        return replayOf(byKey.get(id), r);
      } catch (error) {
        return { kind: 'error' as const, error: error as Error };
      }
    });
  }

  /** complete() for many claimed keys in one statement. */
  async completeMany(
    manager: EntityManager,
    done: { request: IdempotentRequest; response: ComplaintAcceptedDto }[],
  ): Promise<void> {
    if (done.length === 0) return;
    await manager.query(
      `UPDATE idempotency_record AS r SET complaint_id = v.id::uuid, response = v.response::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(cs, k, id, response)
        WHERE r.caller_system = v.cs AND r.idempotency_key = v.k`,
      [
        done.map((d) => d.request.callerSystem),
        done.map((d) => d.request.key),
        done.map((d) => d.response.id),
        done.map((d) => JSON.stringify(d.response)),
      ],
    );
  }

  /** Deletes expired records; returns how many. */
  async sweep(): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM idempotency_record WHERE expires_at <= $1`,
      [this.clock.now()],
    );
    return affected;
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.sweep().catch((err) =>
        this.logger.warn({ err }, 'deleting expired idempotency keys failed; retried later'),
      );
    }, SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }
}

interface HeldRow {
  request_hash: string;
  response: ComplaintAcceptedDto | null;
}

function keyOf(callerSystem: string, key: string): string {
  return `${callerSystem}\u0000${key}`;
}

/** The recorded answer for a key held by a committed, unexpired record; 409 for another body. */
function replayOf(held: HeldRow | undefined, request: IdempotentRequest): Claim {
  if (!held || !held.response)
    throw new Error('an idempotency record vanished or was left incomplete');
  if (held.request_hash !== request.requestHash) throw ComplaintErrors.idempotencyKeyReused();
  // jsonb does not keep key order: rebuild the answer in the order it was first given.
  const { id, referenceNumber, status, receivedAt, decisionDueAt } = held.response;
  return { kind: 'replay', response: { id, referenceNumber, status, receivedAt, decisionDueAt } };
}
