import { topicSpecs } from '@complaints/contracts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Kafka's default segment.ms. Retention deletes whole segments once their newest record is
 * past retention.ms, so a record can stay on its topic up to one segment's span longer.
 */
const KAFKA_SEGMENT_MS = 7 * DAY_MS;

/**
 * ms; the longest a consumed event can still be redelivered after it was first taken: the
 * longest finite retention of any topic, plus a segment's span. A group re-reads from the
 * start of what a topic keeps whenever it has no committed offset (consumers subscribe
 * fromBeginning), and Kafka forgets a group's offsets once it has had no member for
 * offsets.retention.minutes (7 days by default): a redelivery is not limited to the last few
 * uncommitted messages.
 */
export const LONGEST_REDELIVERY_MS =
  Math.max(
    ...topicSpecs()
      .filter((t) => t.retentionMs > 0)
      .map((t) => t.retentionMs),
  ) + KAFKA_SEGMENT_MS;

/**
 * The inbox invariant: an inbox row is kept longer than its event can be redelivered, or a
 * redelivery would find no row and apply the event a second time. processed_at is when the
 * event was first taken, never before it was written to its topic, so pruning rows older
 * than LONGEST_REDELIVERY_MS keeps the invariant; a day on top absorbs producers' clock skew
 * (Kafka retention goes by the record's CreateTime). A service that consumes a topic kept
 * for ever (complaints.archived.v1, compacted) must keep its inbox for ever (retention 0).
 */
export const MIN_INBOX_RETENTION_DAYS = Math.ceil(LONGEST_REDELIVERY_MS / DAY_MS) + 1;

/** days; a week above the minimum, so a topic's retention can grow a little without a breach */
export const DEFAULT_INBOX_RETENTION_DAYS = MIN_INBOX_RETENTION_DAYS + 7;

/** hours; sent outbox rows are never read again, they are kept only to look into */
export const DEFAULT_OUTBOX_RETENTION_HOURS = 24;

export { DAY_MS, HOUR_MS };
