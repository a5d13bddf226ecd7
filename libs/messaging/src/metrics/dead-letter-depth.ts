import { DataSource } from 'typeorm';
import { quoteIdent, schemaOf } from '../sql';
import type { DeadLetterDepth } from './consumer-group-metrics';

/**
 * The schema's parked dead letters per group and topic, for /metrics: one statement over the
 * parked rows' partial index (ix_dead_letter_parked), which holds only what waits for an operator.
 */
export function deadLetterDepth(dataSource: DataSource): () => Promise<DeadLetterDepth[]> {
  const statement = `
    SELECT consumer_group AS "group", topic, count(*)::int AS parked
      FROM ${quoteIdent(schemaOf(dataSource))}.dead_letter
     WHERE status = 'parked'
     GROUP BY consumer_group, topic`;
  return async () => (await dataSource.query(statement)) as DeadLetterDepth[];
}
