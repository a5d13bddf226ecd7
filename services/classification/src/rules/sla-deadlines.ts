import type { SlaPolicyDefinition } from './rule.types';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface SlaDeadlines {
  acknowledgeDueAt: Date;
  decisionDueAt: Date;
}

/**
 * Deadlines counted in natural days and hours from receipt (the 2020 rules count natural days,
 * not business days), shorter on the green channel. UTC arithmetic: no zone, no holidays.
 */
export function slaDeadlines(
  policy: SlaPolicyDefinition,
  receivedAt: Date,
  greenChannel: boolean,
): SlaDeadlines {
  const days = greenChannel ? policy.greenDecisionDays : policy.decisionDays;
  const hours = greenChannel ? policy.greenAcknowledgeHours : policy.acknowledgeHours;
  return {
    acknowledgeDueAt: new Date(receivedAt.getTime() + hours * HOUR_MS),
    decisionDueAt: new Date(receivedAt.getTime() + days * DAY_MS),
  };
}
