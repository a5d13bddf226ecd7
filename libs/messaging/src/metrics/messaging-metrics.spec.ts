import { MessagingMetrics, OutboxStats } from './messaging-metrics';

describe('MessagingMetrics outbox gauges', () => {
  const watched = (stats: OutboxStats) => {
    const metrics = new MessagingMetrics();
    const source = jest.fn(async () => stats);
    metrics.watchOutbox('intake', source);
    return { metrics, source };
  };

  it('one scrape reads each service once, however many outbox gauges it fills', async () => {
    const { metrics, source } = watched({ backlog: 3, oldestAgeSeconds: 1.5, parked: 1 });
    const text = await metrics.registry.metrics();
    expect(source).toHaveBeenCalledTimes(1);
    expect(text).toContain('complaints_outbox_backlog{service="intake"} 3');
    expect(text).toContain('complaints_outbox_oldest_age_seconds{service="intake"} 1.5');
    expect(text).toContain('complaints_outbox_parked_rows{service="intake"} 1');
    expect(text).toContain('complaints_outbox_backlog_capped{service="intake"} 0');

    await metrics.registry.metrics();
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('says when the backlog is only a lower bound', async () => {
    const { metrics } = watched({ backlog: 10_000, backlogCapped: true, oldestAgeSeconds: 60 });
    const text = await metrics.registry.metrics();
    expect(text).toContain('complaints_outbox_backlog{service="intake"} 10000');
    expect(text).toContain('complaints_outbox_backlog_capped{service="intake"} 1');
    expect(text).toMatch(/# HELP complaints_outbox_backlog .*lower bound/);
  });

  it('a failing read shows as NaN (prom-client writes Nan), not as an empty outbox', async () => {
    const metrics = new MessagingMetrics();
    metrics.watchOutbox('intake', async () => {
      throw new Error('database away');
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain('complaints_outbox_backlog{service="intake"} Nan');
    expect(text).toContain('complaints_outbox_backlog_capped{service="intake"} Nan');
  });
});
