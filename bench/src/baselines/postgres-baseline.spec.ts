import { parsePgbench } from './postgres-baseline';

const OUTPUT = `pgbench (15.20 (Debian 15.20-0+deb12u1))
transaction type: /tmp/insert.sql
number of clients: 8
duration: 3 s
number of transactions actually processed: 6012
latency average = 3.987 ms
initial connection time = 12.345 ms
tps = 2006.431 (without initial connection time)
`;

describe('pgbench output', () => {
  it('gives the rate without connection time and the average latency', () => {
    expect(parsePgbench(OUTPUT)).toEqual({ tps: 2006.431, latencyMsAvg: 3.987 });
  });

  it('fails loudly when the figures are missing', () => {
    expect(() => parsePgbench('error')).toThrow('no tps');
  });
});
