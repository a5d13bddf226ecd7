import { existsSync, readdirSync, readFileSync } from 'fs';
import { resolve } from 'path';

/** CPU seconds used per component of the machine between two snapshots, from /proc (Linux). */
export interface CpuUsage {
  seconds: number;
  /** Busy share of all cores, 0..1. */
  machineBusy: number;
  /** CPU seconds per component: a service, postgres, kafka, the benchmark itself, other. */
  byComponent: Record<string, number>;
}

interface Snapshot {
  at: number;
  busy: number;
  total: number;
  perPid: Map<number, { component: string; ticks: number }>;
}

const TICKS_PER_SECOND = 100;

/** The broker the services use, when kafka.sh runs it: another broker on the machine (a test's) is other load. */
function brokerPid(): number | undefined {
  try {
    return Number(
      readFileSync(resolve(__dirname, '../../../.data/kafka/kafka.pid'), 'utf8').trim(),
    );
  } catch {
    return undefined;
  }
}

export class CpuSampler {
  private readonly available = existsSync('/proc/stat');

  snapshot(): Snapshot | null {
    if (!this.available) return null;
    const broker = brokerPid();
    const cpu = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    // user nice system idle iowait irq softirq steal
    const idle = cpu[3] + (cpu[4] ?? 0);
    const total = cpu.slice(0, 8).reduce((s, v) => s + (v || 0), 0);
    const perPid = new Map<number, { component: string; ticks: number }>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The command name is in parentheses and may hold spaces: fields start after the last ')'.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(fields[11]) + Number(fields[12]);
        if (ticks === 0) continue;
        perPid.set(pid, { component: componentOf(pid, stat, broker), ticks });
      } catch {
        // the process ended while we looked
      }
    }
    return { at: Date.now(), busy: total - idle, total, perPid };
  }

  static usage(from: Snapshot | null, to: Snapshot | null): CpuUsage | null {
    if (!from || !to) return null;
    const byComponent: Record<string, number> = {};
    for (const [pid, now] of to.perPid) {
      const before = from.perPid.get(pid)?.ticks ?? 0;
      const delta = (now.ticks - before) / TICKS_PER_SECOND;
      if (delta > 0) byComponent[now.component] = (byComponent[now.component] ?? 0) + delta;
    }
    for (const k of Object.keys(byComponent))
      byComponent[k] = Math.round(byComponent[k] * 100) / 100;
    const totalDelta = to.total - from.total;
    return {
      seconds: (to.at - from.at) / 1000,
      machineBusy:
        totalDelta > 0 ? Math.round(((to.busy - from.busy) / totalDelta) * 1000) / 1000 : 0,
      byComponent,
    };
  }
}

function componentOf(pid: number, stat: string, broker: number | undefined): string {
  if (pid === process.pid) return 'bench (load generator)';
  const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  if (comm === 'postgres') return 'postgres';
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return 'other';
  }
  const service = /services\/([a-z-]+)\/src\/main\.[jt]s/.exec(cmdline);
  if (service) return service[1];
  if (cmdline.includes('kafka.Kafka'))
    return broker === undefined || pid === broker ? 'kafka' : 'other';
  if (/bench\/src\/consumers\/[a-z-]+\.worker\.[jt]s/.test(cmdline)) return 'consumer worker';
  if (cmdline.includes('org.apache.kafka.tools')) return 'kafka perf tool';
  return 'other';
}

/** CPU other processes than the measured ones use, in cores: what a shared machine adds as noise. */
export function otherCores(usage: CpuUsage | null): number {
  if (!usage || usage.seconds <= 0) return 0;
  return (usage.byComponent['other'] ?? 0) / usage.seconds;
}

/**
 * Waits, at most maxWaitMs, until processes that are not part of the benchmark use less than
 * `threshold` cores over a second: these machines are shared, and a measurement taken while
 * another test suite runs measures that suite too. Returns the other load it last saw.
 */
export async function waitForQuiet(
  maxWaitMs: number,
  threshold = 0.15,
): Promise<{ waitedMs: number; otherCores: number }> {
  const sampler = new CpuSampler();
  const started = Date.now();
  let other = 0;
  for (;;) {
    const from = sampler.snapshot();
    await new Promise((r) => setTimeout(r, 1000));
    other = otherCores(CpuSampler.usage(from, sampler.snapshot()));
    if (other < threshold || Date.now() - started >= maxWaitMs)
      return { waitedMs: Date.now() - started, otherCores: other };
  }
}
