import { SLA_POLICY_V1 } from '../migrations/seed/rulebook-v1.seed';
import { slaDeadlines } from './sla-deadlines';

describe('SLA deadlines under cn-2020-standard@1', () => {
  const receivedAt = new Date('2025-03-03T01:00:00.000Z');

  it('gives 15 natural days to decide and 24 hours to acknowledge', () => {
    const due = slaDeadlines(SLA_POLICY_V1, receivedAt, false);
    expect(due.decisionDueAt.toISOString()).toBe('2025-03-18T01:00:00.000Z');
    expect(due.acknowledgeDueAt.toISOString()).toBe('2025-03-04T01:00:00.000Z');
  });

  it('shortens both on the green channel', () => {
    const due = slaDeadlines(SLA_POLICY_V1, receivedAt, true);
    expect(due.decisionDueAt.toISOString()).toBe('2025-03-08T01:00:00.000Z');
    expect(due.acknowledgeDueAt.toISOString()).toBe('2025-03-03T03:00:00.000Z');
  });

  it('counts natural days through weekends and month ends', () => {
    const due = slaDeadlines(SLA_POLICY_V1, new Date('2025-02-20T16:30:00.000Z'), false);
    expect(due.decisionDueAt.toISOString()).toBe('2025-03-07T16:30:00.000Z');
  });
});
