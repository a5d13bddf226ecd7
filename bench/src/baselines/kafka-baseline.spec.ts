import { parseConsumerPerformance, parseProducerPerformance } from './kafka-baseline';

describe("Kafka perf tools' output", () => {
  it('reads ProducerPerformance summary line', () => {
    const run = parseProducerPerformance(
      '100000 records sent, 58685.4 records/sec (57.31 MB/sec), 319.69 ms avg latency, 483.00 ms max latency, 335 ms 50th, 459 ms 95th, 469 ms 99th, 478 ms 99.9th.\n',
      1024,
    );
    expect(run).toMatchObject({ records: 100000, rate: 58685.4, mbPerSec: 57.31 });
    expect(run.detail).toMatchObject({ p99LatencyMs: 469 });
  });

  it('reads ConsumerPerformance figures, the rate without the group join', () => {
    const run = parseConsumerPerformance(
      'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n' +
        '2026-11-27 14:42:49:384, 2026-11-27 14:42:50:124, 97.6563, 131.9679, 100000, 135135.1351, 247, 493, 198.0857, 202839.7566\n',
      1024,
    );
    expect(run).toMatchObject({ records: 100000, rate: 202839.7566 });
    expect(run.detail).toMatchObject({ rebalanceMs: 247, withJoinRate: 135135.1351 });
  });
});
