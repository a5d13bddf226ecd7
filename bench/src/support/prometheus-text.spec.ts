import { parsePrometheusText, total } from './prometheus-text';

const TEXT = `# HELP complaints_outbox_reads_total Reads of the outbox
# TYPE complaints_outbox_reads_total counter
complaints_outbox_reads_total{service="intake",result="rows"} 12
complaints_outbox_reads_total{service="intake",result="empty"} 30
complaints_consumer_batch_events_sum{topic="t.a",group="g"} 250
complaints_consumer_batch_events_count{topic="t.a",group="g"} 10
process_cpu_seconds_total 4.5
`;

describe('Prometheus text from /metrics', () => {
  it('reads samples with their labels', () => {
    const samples = parsePrometheusText(TEXT);
    expect(samples).toHaveLength(5);
    expect(samples[0]).toEqual({
      name: 'complaints_outbox_reads_total',
      labels: { service: 'intake', result: 'rows' },
      value: 12,
    });
    expect(samples[4]).toEqual({ name: 'process_cpu_seconds_total', labels: {}, value: 4.5 });
  });

  it('sums a metric over the samples whose labels match', () => {
    const samples = parsePrometheusText(TEXT);
    expect(total(samples, 'complaints_outbox_reads_total')).toBe(42);
    expect(total(samples, 'complaints_outbox_reads_total', { result: 'empty' })).toBe(30);
    expect(total(samples, 'missing')).toBe(0);
  });
});
