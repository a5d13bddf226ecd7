/**
 * Every Kafka topic of the pipeline, declared once. Names follow `complaints.<event>.v<major>`;
 * each consumed topic has a dead-letter twin `<topic>.dlq`.
 * Key = complaint id on every topic, so one complaint's events stay in order on one partition.
 */
export const TOPICS = {
  received: 'complaints.received.v1',
  routed: 'complaints.routed.v1',
  investigated: 'complaints.investigated.v1',
  responded: 'complaints.responded.v1',
  feedbackReceived: 'complaints.feedback-received.v1',
  reopened: 'complaints.reopened.v1',
  closed: 'complaints.closed.v1',
  archived: 'complaints.archived.v1',
  assigned: 'complaints.assigned.v1',
  reclassified: 'complaints.reclassified.v1',
  feedbackSubmitted: 'complaints.feedback-submitted.v1',
  audit: 'complaints.audit.v1',
  clock: 'complaints.clock.v1',
  deadlineWarning: 'complaints.deadline-warning.v1',
  deadlineBreached: 'complaints.deadline-breached.v1',
  deadlineChanged: 'complaints.deadline-changed.v1',
  acknowledged: 'complaints.acknowledged.v1',
  majorIncident: 'complaints.major-incident.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const DLQ_SUFFIX = '.dlq';

export function dlqTopic(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  /** ms; -1 keeps messages forever */
  retentionMs: number;
  /** true: log compaction by key (the latest record per key is kept forever) */
  compacted: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Lifecycle topics keep 30 days: enough to rebuild any service's view after an outage. */
const LIFECYCLE_RETENTION_MS = 30 * DAY_MS;
/** Dead letters wait 14 days for an operator to inspect and replay them. */
const DLQ_RETENTION_MS = 14 * DAY_MS;
export const DEFAULT_PARTITIONS = 6;

/**
 * The topics infra creates, with their settings. `complaints.archived.v1` is compacted and
 * kept forever: analysts replay it from the beginning and get one sealed record per complaint.
 * `prefix` lets a test run use its own topic names so two runs never collide.
 */
export function topicSpecs(prefix = '', partitions = DEFAULT_PARTITIONS): TopicSpec[] {
  const specs: TopicSpec[] = [];
  for (const name of Object.values(TOPICS)) {
    const archived = name === TOPICS.archived;
    specs.push({
      name: prefix + name,
      partitions,
      retentionMs: archived ? -1 : LIFECYCLE_RETENTION_MS,
      compacted: archived,
    });
    specs.push({
      name: prefix + dlqTopic(name),
      partitions: 1,
      retentionMs: DLQ_RETENTION_MS,
      compacted: false,
    });
  }
  return specs;
}
