import { parsePrometheusText, Sample, total } from '../support/prometheus-text';
import { BenchStack } from './bench-stack';

/** How the messaging layer worked over a run, from every instance's /metrics. */
export interface MessagingCounters {
  eventsPublished: number;
  /** Relay reads of the outbox: with rows to publish, and empty (nothing visible yet). */
  relayReads: { rows: number; empty: number } | null;
  /** Events applied and the database transactions they took (null when the code has no such metric). */
  consumer: { events: number; transactions: number } | null;
}

async function scrape(stack: BenchStack): Promise<Sample[]> {
  const texts = await Promise.all(
    stack.all.map(async (i) => {
      try {
        return await (await fetch(`${i.url}/metrics`)).text();
      } catch {
        return '';
      }
    }),
  );
  return texts.flatMap(parsePrometheusText);
}

/** Call at the start of a run; the returned function gives the counters' increase since. */
export async function messagingCounters(
  stack: BenchStack,
): Promise<() => Promise<MessagingCounters>> {
  const before = await scrape(stack);
  return async () => {
    const after = await scrape(stack);
    const delta = (name: string, match: Record<string, string> = {}): number =>
      total(after, name, match) - total(before, name, match);
    const has = (name: string): boolean => after.some((s) => s.name === name);
    return {
      eventsPublished: delta('complaints_events_produced_total'),
      relayReads: has('complaints_outbox_reads_total')
        ? {
            rows: delta('complaints_outbox_reads_total', { result: 'rows' }),
            empty: delta('complaints_outbox_reads_total', { result: 'empty' }),
          }
        : null,
      consumer: has('complaints_consumer_batch_events_count')
        ? {
            events: delta('complaints_consumer_batch_events_sum'),
            transactions: delta('complaints_consumer_batch_events_count'),
          }
        : null,
    };
  };
}
