import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, assertValidEnvelope, findEventDefinition } from '@complaints/contracts';
import { quoteIdent, schemaOf } from '../sql';

/** What a state change sees inside its transaction. */
export interface Transaction {
  readonly manager: EntityManager;
  /**
   * Queues events to be written to the outbox in this transaction; they reach Kafka only if
   * it commits. Each is validated against its contract first: an invalid event throws and
   * rolls the whole change back.
   */
  publish(...events: EventEnvelope<object>[]): void;
}

export interface UnitOfWorkOptions {
  dataSource: DataSource;
  /** Prepended to every topic name (test runs use their own topics). */
  topicPrefix?: string;
  /**
   * The service's name: every event published here carries it as its envelope's `producer`,
   * whatever the caller put there (services leave it out).
   */
  producer?: string;
  /** Called after a transaction that queued events commits (the relay's in-process wake-up). */
  onCommitted?: (eventCount: number) => void;
}

interface QueuedRow {
  eventId: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: string;
}

/** Columns per outbox row in the multi-row INSERT. */
const OUTBOX_COLUMNS = 5;

/**
 * The transactional outbox's write side: a state change and the events it causes commit in
 * one PostgreSQL transaction, or neither does.
 */
export class UnitOfWork {
  private readonly table: string;

  constructor(private readonly options: UnitOfWorkOptions) {
    this.table = `${quoteIdent(schemaOf(options.dataSource))}.outbox_message`;
  }

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    let queued = 0;
    const result = await this.options.dataSource.transaction(async (manager) => {
      const tx = this.transaction(manager);
      const value = await work(tx);
      queued = await this.flush(manager, tx.drain());
      return value;
    });
    if (queued > 0) this.options.onCommitted?.(queued);
    return result;
  }

  /**
   * Runs `work` inside an already open transaction (a consumer's, with its inbox row); the
   * caller commits. Returns the number of events written to the outbox.
   */
  async runIn(manager: EntityManager, work: (tx: Transaction) => Promise<void>): Promise<number> {
    const tx = this.transaction(manager);
    await work(tx);
    return this.flush(manager, tx.drain());
  }

  private transaction(manager: EntityManager): OutboxTransaction {
    return new OutboxTransaction(manager, this.options.topicPrefix ?? '', this.options.producer);
  }

  /** Tells the relay that `count` events were committed by a transaction it did not run. */
  committed(count: number): void {
    if (count > 0) this.options.onCommitted?.(count);
  }

  private async flush(manager: EntityManager, rows: QueuedRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const params: unknown[] = [];
    const values = rows.map((row, i) => {
      params.push(row.eventId, row.topic, row.key, JSON.stringify(row.headers), row.payload);
      const base = i * OUTBOX_COLUMNS;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb, $${base + 5})`;
    });
    await manager.query(
      `INSERT INTO ${this.table} (event_id, topic, message_key, headers, payload) VALUES ${values.join(', ')}`,
      params,
    );
    return rows.length;
  }
}

class OutboxTransaction implements Transaction {
  private rows: QueuedRow[] = [];

  constructor(
    readonly manager: EntityManager,
    private readonly topicPrefix: string,
    private readonly producer: string | undefined,
  ) {}

  publish(...events: EventEnvelope<object>[]): void {
    for (const event of events) {
      // Validated as a consumer will see it: the JSON, not the object in memory.
      const payload = JSON.stringify(this.producer ? { ...event, producer: this.producer } : event);
      assertValidEnvelope(JSON.parse(payload));
      const definition = findEventDefinition(event.type, event.version);
      if (!definition) throw new Error(`no topic for ${event.type} v${event.version}`);
      this.rows.push({
        eventId: event.eventId,
        topic: this.topicPrefix + definition.topic,
        key: event.complaintId,
        headers: {
          'event-type': event.type,
          'event-version': String(event.version),
          'correlation-id': event.correlationId,
        },
        payload,
      });
    }
  }

  drain(): QueuedRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }
}
