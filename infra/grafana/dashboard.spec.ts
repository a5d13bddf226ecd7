import { execFile } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { promisify } from 'util';
import { ensurePrometheus } from '../prometheus/prometheus-process';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
jest.setTimeout(300_000);

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource: { type: string; uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets: { refId: string; expr: string; datasource: { uid: string } }[];
}

const dashboard = JSON.parse(
  readFileSync(resolve(__dirname, 'dashboards/complaints-pipeline.json'), 'utf8'),
) as { uid: string; title: string; panels: Panel[] };
const datasourceFile = readFileSync(
  resolve(__dirname, 'provisioning/datasources/prometheus.yml'),
  'utf8',
);
const RULES = ['deadlines.rules.yml', 'pipeline.rules.yml'].map((f) =>
  readFileSync(resolve(ROOT, 'infra/prometheus', f), 'utf8'),
);

/** Recorded series → their expressions, from the rules files (one-line `expr:` each). */
function recordings(): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of RULES) {
    for (const m of text.matchAll(/- record: (\S+)\n\s+expr: (.+)\n/g)) out.set(m[1], m[2]);
  }
  return out;
}

const FUNCTIONS_AND_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'and', 'or', 'unless']);

/** The metric names a PromQL expression reads (label matchers, ranges, functions left out). */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const m of bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)) {
    if (m[2] || FUNCTIONS_AND_WORDS.has(m[1])) continue;
    names.add(m[1]);
  }
  return [...names];
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (path.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(path)) out.push(path);
  }
  return out;
}

/**
 * Every series the services export, from the code that declares them (prom-client's
 * constructors with their `name`), histograms with their _bucket, _sum and _count; and `up`,
 * which Prometheus adds for every target.
 */
function exportedNames(): Set<string> {
  const names = new Set(['up']);
  const files = [
    ...sources(resolve(ROOT, 'libs')),
    ...readdirSync(resolve(ROOT, 'services')).flatMap((s) => {
      const src = resolve(ROOT, 'services', s, 'src');
      try {
        return sources(src);
      } catch {
        return [];
      }
    }),
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /new (Counter|Gauge|Histogram|Summary)(?:<[^>]*>)?\(\{\s*name: '([a-z_:]+)'/g,
    )) {
      names.add(m[2]);
      if (m[1] === 'Histogram' || m[1] === 'Summary') {
        for (const suffix of ['_bucket', '_sum', '_count']) names.add(m[2] + suffix);
      }
    }
  }
  return names;
}

describe("the operators' Grafana dashboard (provisioned in docker-compose.yml)", () => {
  const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));

  it('is a dashboard of time series on the provisioned datasource, laid out on the 24-column grid', () => {
    const uid = /uid: (\S+)/.exec(datasourceFile)?.[1];
    expect(uid).toBe('complaints-prometheus');
    expect(dashboard.uid).toBe('complaints-pipeline');
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(8);
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    for (const p of dashboard.panels) {
      expect({ title: p.title, type: p.type, ds: p.datasource.uid }).toEqual({
        title: expect.stringMatching(/\S/),
        type: 'timeseries',
        ds: uid,
      });
      expect(p.targets.length).toBeGreaterThan(0);
      expect(p.targets.every((t) => t.datasource.uid === uid && t.expr.length > 0)).toBe(true);
      expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
    }
  });

  it('has the panels operators need: lag, oldest event, throughput, latency, dead letters, outbox, clocks', () => {
    const used = new Set(exprs.flatMap(metricNames));
    for (const name of [
      'complaints:consumer_group_lag:max',
      'complaints:consumer_group_oldest_unconsumed_age_seconds:max',
      'complaints:topic_events_in:rate1m',
      'complaints:consumer_group_events_out:rate1m',
      'complaints:event_processing_seconds:p99',
      'complaints:event_age_seconds:p99',
      'complaints:dead_letters_parked:max',
      'complaints:outbox_oldest_age_seconds:max',
      'complaints:outbox_backlog:max',
      'complaints:deadline_open_clocks:by_time_left',
    ]) {
      expect(used).toContain(name);
    }
  });

  it('every series a panel reads is recorded by the rules or exported by the services', () => {
    const recorded = recordings();
    const exported = exportedNames();
    // A sanity check of the reading of the code itself.
    expect(exported).toContain('complaints_consumer_group_lag');
    expect(exported).toContain('complaints_event_processing_seconds_bucket');
    const missing: string[] = [];
    const check = (expr: string, where: string): void => {
      for (const name of metricNames(expr)) {
        const rule = recorded.get(name);
        if (rule !== undefined) check(rule, `rule ${name}`);
        else if (!exported.has(name)) missing.push(`${name} (${where})`);
      }
    };
    for (const p of dashboard.panels) for (const t of p.targets) check(t.expr, p.title);
    expect(missing).toEqual([]);
  });

  it('reads no name that is not there: a misspelt metric is caught', () => {
    const exported = exportedNames();
    expect(metricNames('max by (topic) (complaints_consumer_grop_lag{a="b"})')).toEqual([
      'complaints_consumer_grop_lag',
    ]);
    expect(exported.has('complaints_consumer_grop_lag')).toBe(false);
  });

  it('every expression is valid PromQL (promtool, Debian prometheus package)', async () => {
    await ensurePrometheus();
    const dir = mkdtempSync(join(tmpdir(), 'dashboard-'));
    try {
      const rules = exprs
        .map((e, i) => `      - record: dashboard:panel_${i}\n        expr: ${JSON.stringify(e)}`)
        .join('\n');
      writeFileSync(
        join(dir, 'panels.rules.yml'),
        `groups:\n  - name: panels\n    rules:\n${rules}\n`,
      );
      const { stdout } = await run('promtool', ['check', 'rules', join(dir, 'panels.rules.yml')]);
      expect(stdout).toContain(`SUCCESS: ${exprs.length} rules found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
