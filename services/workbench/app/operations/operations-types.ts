/**
 * The shapes of the workbench's own operators' routes (src/server/operations-metrics.ts answers
 * with them; the page reads them): named, allow-listed Prometheus queries and the open alerts.
 */
export const OPERATIONS_QUERY_NAMES = [
  'lag',
  'oldestUnconsumed',
  'eventsIn',
  'eventsOut',
  'processingP99',
  'deadLetters',
  'outboxOldest',
  'openClocks',
] as const;
export type OperationsQueryName = (typeof OPERATIONS_QUERY_NAMES)[number];

export interface SeriesDto {
  /** topic, group, service, time_left, clock or severity: never anything else */
  labels: Record<string, string>;
  /** [unix seconds, value]; NaN values are left out */
  points: [number, number][];
}

export interface SeriesResponse {
  query: OperationsQueryName;
  /** seconds between points */
  step: number;
  series: SeriesDto[];
}

export interface AlertDto {
  name: string;
  /** pending or firing */
  state: string;
  labels: Record<string, string>;
  summary: string;
  activeAt?: string;
}
