import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DEFAULT_BACKLOG_CAP } from '../outbox/outbox-stats';

/** Seconds: from milliseconds of processing up to minutes of waiting. */
const LATENCY_BUCKETS = [
  0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300,
];

export interface OutboxStats {
  /** rows; counted up to a cap (OutboxStatsQuery), where backlogCapped is set */
  backlog: number;
  /** true: there are more than `backlog` rows, which is the cap */
  backlogCapped?: boolean;
  /** seconds; 0 when the backlog is empty */
  oldestAgeSeconds: number;
  /** rows moved aside because the broker will never take them (outbox_parked_message) */
  parked?: number;
}

/**
 * Per-topic messaging metrics in Prometheus format. One instance per service registry;
 * services expose the registry at /metrics.
 */
export class MessagingMetrics {
  readonly consumed: Counter<'topic' | 'group' | 'outcome'>;
  readonly produced: Counter<'topic'>;
  readonly processingSeconds: Histogram<'topic' | 'group'>;
  readonly eventAgeSeconds: Histogram<'topic' | 'group'>;
  readonly deadLettered: Counter<'topic' | 'group' | 'reason'>;
  readonly retries: Counter<'topic' | 'group' | 'kind'>;
  readonly consumerLag: Gauge<'topic' | 'partition' | 'group'>;
  readonly outboxBacklog: Gauge<'service'>;
  readonly outboxOldestAge: Gauge<'service'>;
  readonly relayPublishSeconds: Histogram<'service'>;
  readonly relayReads: Counter<'service' | 'result'>;
  readonly consumerBatchEvents: Histogram<'group'>;
  readonly relayLeadershipAttempts: Counter<'service'>;
  readonly relayFailures: Counter<'service'>;
  readonly outboxParked: Counter<'service' | 'topic'>;
  readonly deadLetterForwardFailures: Counter<'group'>;
  readonly consumerDegraded: Gauge<'group'>;
  readonly outboxParkedRows: Gauge<'service'>;
  readonly outboxBacklogCapped: Gauge<'service'>;
  readonly retentionPruned: Counter<'service' | 'table'>;
  readonly retentionRuns: Counter<'service' | 'result'>;
  readonly retentionLastRun: Gauge<'service'>;
  private readonly outboxSources = new Map<string, () => Promise<OutboxStats>>();

  constructor(readonly registry: Registry = new Registry()) {
    const registers = [registry];
    this.consumed = new Counter({
      name: 'complaints_events_consumed_total',
      help: 'Events taken off a topic, by outcome: processed, duplicate (already applied), dead_lettered',
      labelNames: ['topic', 'group', 'outcome'],
      registers,
    });
    this.produced = new Counter({
      name: 'complaints_events_produced_total',
      help: 'Events published from the outbox and acknowledged by the broker (acks=all)',
      labelNames: ['topic'],
      registers,
    });
    this.processingSeconds = new Histogram({
      name: 'complaints_event_processing_seconds',
      help: 'Time to apply one consumed event, its database transaction included',
      labelNames: ['topic', 'group'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.eventAgeSeconds = new Histogram({
      name: 'complaints_event_age_seconds',
      help: 'Age of an event (now minus its occurredAt) when a consumer takes it',
      labelNames: ['topic', 'group'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.deadLettered = new Counter({
      name: 'complaints_events_dead_lettered_total',
      help: 'Events sent to <topic>.dlq because they can never succeed',
      labelNames: ['topic', 'group', 'reason'],
      registers,
    });
    this.retries = new Counter({
      name: 'complaints_event_retries_total',
      help: 'Retries of a consumed event after a failure, by kind: transient or error',
      labelNames: ['topic', 'group', 'kind'],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'complaints_consumer_lag',
      help: 'Messages on the partition after the last one this consumer group processed',
      labelNames: ['topic', 'partition', 'group'],
      registers,
    });
    this.relayPublishSeconds = new Histogram({
      name: 'complaints_outbox_publish_seconds',
      help: 'Time for the relay to publish one batch and mark it sent',
      labelNames: ['service'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.relayReads = new Counter({
      name: 'complaints_outbox_reads_total',
      help: 'Reads of the outbox by the relay, by result: rows (some to publish) or empty (none visible yet)',
      labelNames: ['service', 'result'],
      registers,
    });
    this.consumerBatchEvents = new Histogram({
      name: 'complaints_consumer_batch_events',
      help: 'Events applied per database transaction by a consumer group, all its partitions together (1 when each goes alone)',
      labelNames: ['group'],
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
      registers,
    });
    this.relayLeadershipAttempts = new Counter({
      name: 'complaints_outbox_leadership_attempts_total',
      help: 'Attempts by this instance to become the publisher of its schema (a standby tries once per leaderRetryMs)',
      labelNames: ['service'],
      registers,
    });
    this.relayFailures = new Counter({
      name: 'complaints_outbox_relay_failures_total',
      help: 'Failed relay rounds (database or broker away); each is followed by a backoff and a new producer',
      labelNames: ['service'],
      registers,
    });
    this.outboxParked = new Counter({
      name: 'complaints_outbox_parked_total',
      help: 'Outbox rows parked because the broker refused them for their size; alert on any increase',
      labelNames: ['service', 'topic'],
      registers,
    });
    this.deadLetterForwardFailures = new Counter({
      name: 'complaints_dead_letter_forward_failures_total',
      help: 'Failed attempts to write recorded dead letters to their <topic>.dlq (missing topic, broker away)',
      labelNames: ['group'],
      registers,
    });
    this.consumerDegraded = new Gauge({
      name: 'complaints_consumer_degraded',
      help: '1 while a consumer group waits out a failing dependency or cannot write its dead letters, else 0',
      labelNames: ['group'],
      registers,
    });
    this.retentionPruned = new Counter({
      name: 'complaints_retention_pruned_rows_total',
      help: 'Rows deleted by retention, by table: outbox (sent rows past OUTBOX_RETENTION_HOURS), inbox (rows past INBOX_RETENTION_DAYS)',
      labelNames: ['service', 'table'],
      registers,
    });
    this.retentionRuns = new Counter({
      name: 'complaints_retention_runs_total',
      help: 'Retention runs, by result: done, more (stopped at RETENTION_MAX_ROWS_PER_RUN; the next comes sooner), skipped (another instance was pruning), failed',
      labelNames: ['service', 'result'],
      registers,
    });
    this.retentionLastRun = new Gauge({
      name: 'complaints_retention_last_run_timestamp_seconds',
      help: 'Unix time at which the last retention run that did not fail ended',
      labelNames: ['service'],
      registers,
    });
    const sources = this.outboxSources;
    const readStats = async (): Promise<Map<string, OutboxStats>> => {
      const stats = new Map<string, OutboxStats>();
      for (const [service, source] of sources) {
        stats.set(
          service,
          await source().catch(() => ({ backlog: Number.NaN, oldestAgeSeconds: Number.NaN })),
        );
      }
      return stats;
    };
    // A scrape collects every gauge at once: they share one read of each source, so one
    // query per service per scrape, however many outbox gauges there are.
    let reading: Promise<Map<string, OutboxStats>> | undefined;
    const collectStats = (): Promise<Map<string, OutboxStats>> => {
      reading ??= readStats().finally(() => {
        reading = undefined;
      });
      return reading;
    };
    this.outboxBacklog = new Gauge({
      name: 'complaints_outbox_backlog',
      help: `Outbox rows committed but not yet published, counted up to a cap (${DEFAULT_BACKLOG_CAP} by default): at the cap complaints_outbox_backlog_capped is 1 and this is a lower bound`,
      labelNames: ['service'],
      registers,
      async collect() {
        for (const [service, s] of await collectStats()) this.set({ service }, s.backlog);
      },
    });
    this.outboxOldestAge = new Gauge({
      name: 'complaints_outbox_oldest_age_seconds',
      help: "Age of the next outbox row to publish (the oldest transaction's); 0 when none waits",
      labelNames: ['service'],
      registers,
      async collect() {
        for (const [service, s] of await collectStats()) this.set({ service }, s.oldestAgeSeconds);
      },
    });
    this.outboxBacklogCapped = new Gauge({
      name: 'complaints_outbox_backlog_capped',
      help: '1 when the outbox backlog reached the cap it is counted to, so complaints_outbox_backlog is a lower bound; else 0',
      labelNames: ['service'],
      registers,
      async collect() {
        for (const [service, s] of await collectStats()) {
          this.set({ service }, Number.isNaN(s.backlog) ? Number.NaN : s.backlogCapped ? 1 : 0);
        }
      },
    });
    this.outboxParkedRows = new Gauge({
      name: 'complaints_outbox_parked_rows',
      help: 'Outbox rows parked in outbox_parked_message, waiting for an operator',
      labelNames: ['service'],
      registers,
      async collect() {
        for (const [service, s] of await collectStats()) this.set({ service }, s.parked ?? 0);
      },
    });
  }

  /**
   * A consumer group's series at 0 before its first event, so a fresh stack already has every
   * per-topic series (rates and quantiles over them read 0, not "no data").
   */
  knownConsumer(group: string, topics: readonly string[]): void {
    for (const topic of topics) {
      for (const outcome of ['processed', 'duplicate', 'dead_lettered']) {
        this.consumed.inc({ topic, group, outcome }, 0);
      }
      this.processingSeconds.zero({ topic, group });
      this.eventAgeSeconds.zero({ topic, group });
    }
    this.consumerBatchEvents.zero({ group });
  }

  /** The outbox gauges are read from the database at scrape time. */
  watchOutbox(service: string, source: () => Promise<OutboxStats>): void {
    this.outboxSources.set(service, source);
  }
}
