/**
 * `node -r @swc-node/register bench/src/profile/summarize-cpu-profile.ts FILE.cpuprofile [TOP]`:
 * where a V8 CPU profile spent its time, as self time per function and per package (what a
 * flame graph shows, as a table a report can quote).
 */
import { readFileSync } from 'fs';
import { relative } from 'path';
import { ROOT } from '../support/system-info';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  byFunction: { name: string; where: string; selfMs: number; share: number }[];
  byPackage: { pkg: string; selfMs: number; share: number }[];
}

/** Self time per function and per package (node_modules package, our code by folder, or node internals). */
export function summarizeCpuProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const fn = new Map<string, { name: string; where: string; us: number }>();
  const pkg = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const entry = fn.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 };
    entry.us += us;
    fn.set(key, entry);
    const p = packageOf(url, functionName);
    pkg.set(p, (pkg.get(p) ?? 0) + us);
  }
  const busy = total - idle;
  const share = (us: number): number => Math.round((us / Math.max(1, busy)) * 1000) / 10;
  return {
    totalMs: Math.round(total / 1000),
    idleMs: Math.round(idle / 1000),
    byFunction: [...fn.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((e) => ({
        name: e.name,
        where: e.where,
        selfMs: Math.round(e.us / 1000),
        share: share(e.us),
      })),
    byPackage: [...pkg]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([p, us]) => ({ pkg: p, selfMs: Math.round(us / 1000), share: share(us) })),
  };
}

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  return path.startsWith('/') ? relative(ROOT, path) : path;
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8)';
  const path = url.replace(/^file:\/\//, '');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm) return nm[1];
  if (path.startsWith('node:')) return 'node internals';
  const ours = /\/(libs|services|bench)\/([^/]+)\//.exec(path);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return 'other';
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: summarize-cpu-profile.ts FILE.cpuprofile [TOP]');
    process.exit(2);
  }
  const s = summarizeCpuProfile(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
    Number(top ?? 25),
  );
  console.log(`${file}: ${s.totalMs} ms sampled, ${s.idleMs} ms idle`);
  console.log('\nself time by package:');
  for (const p of s.byPackage)
    console.log(`  ${String(p.share).padStart(5)} %  ${String(p.selfMs).padStart(6)} ms  ${p.pkg}`);
  console.log('\nself time by function:');
  for (const f of s.byFunction)
    console.log(
      `  ${String(f.share).padStart(5)} %  ${String(f.selfMs).padStart(6)} ms  ${f.name}  ${f.where}`,
    );
}
