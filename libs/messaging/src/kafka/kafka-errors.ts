/** Broker error types that say a request or record is larger than the broker accepts. */
const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/**
 * The Kafka protocol error types inside a kafkajs error. kafkajs wraps the broker's answer:
 * a KafkaJSProtocolError's `type` sits under `cause` of a KafkaJSNonRetriableError or
 * KafkaJSNumberOfRetriesExceeded, and aggregate errors hold several in `errors`.
 */
export function kafkaErrorTypes(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== 'object' || depth > 5) return [];
  const e = err as { type?: unknown; cause?: unknown; errors?: unknown; originalError?: unknown };
  const types = typeof e.type === 'string' ? [e.type] : [];
  types.push(...kafkaErrorTypes(e.cause, depth + 1));
  types.push(...kafkaErrorTypes(e.originalError, depth + 1));
  if (Array.isArray(e.errors))
    for (const inner of e.errors) types.push(...kafkaErrorTypes(inner, depth + 1));
  return types;
}

/** The broker refused the request or a record in it for its size: resending it as is never works. */
export function isTooLarge(err: unknown): boolean {
  return kafkaErrorTypes(err).some((t) => TOO_LARGE.has(t));
}
