import { renderAnalytics } from '../analytics/render-analytics';
import { renderClassifier } from '../classifier/render-classifier';
import { BenchResult } from './bench-result';

const n0 = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : Math.round(v).toLocaleString('en-US');
const n1 = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : (Math.round(v * 10) / 10).toString();
const x2 = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${v.toFixed(v < 0.1 ? 4 : 2)}x`;

function table(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The short markdown report written next to the JSON: ratios first, then each phase's figures. */
export function renderReport(r: BenchResult): string {
  const s = r.system;
  const out: string[] = [];
  out.push(
    `# Benchmark: ${r.mode} run${r.label ? ` (${r.label})` : ''}, ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
  );
  out.push('');
  out.push(
    `Machine: ${s.cores} cores (${s.cpuModel}), ${s.memoryGiB} GiB memory, load average ${s.loadAverage.join(' / ')} at start. ` +
      `Node ${s.node}, ${s.kafka}, ${s.postgres}. Commit ${s.commit}${s.uncommittedChanges ? ' (with uncommitted changes)' : ''}. ` +
      `Everything (broker, database, services, load generator) on this one machine; the run took ${r.durationSeconds} s. ` +
      `PostgreSQL durability as the services run it: ${Object.entries(s.postgresDurability)
        .filter(([k]) => ['synchronous_commit', 'fsync', 'wal_sync_method'].includes(k))
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}. Services log at \`${r.serviceLogLevel}\`.`,
  );
  const f = r.figures;
  if (f) {
    out.push('', '## Ratios against baselines measured in this run', '');
    out.push(
      table(
        ['figure', 'ratio'],
        [
          [
            'intake accepted/s ÷ PostgreSQL single-row insert tx/s',
            x2(f.ratios.intakeOverPostgresInsert),
          ],
          [
            'our consumer ÷ stock NestJS Kafka transport (same work)',
            x2(f.ratios.ourConsumerOverStockNest),
          ],
          [
            'our consumer, one event per transaction (batching off) ÷ stock NestJS Kafka transport',
            x2(f.ratios.ourUnbatchedConsumerOverStockNest),
          ],
          [
            'pipeline complaints/s ÷ Kafka produce records/s (Java perf tool)',
            x2(f.ratios.pipelineOverKafkaProduce),
          ],
          [
            'pipeline events/s (7.4 per complaint) ÷ Kafka produce records/s',
            x2(f.ratios.pipelineEventsOverKafkaProduce),
          ],
        ],
      ),
    );
    out.push('', '## Aims', '');
    out.push(
      table(
        ['aim', 'measured', 'met'],
        f.aims.map((a) => [
          a.aim,
          a.measured,
          a.met === null
            ? 'not measured'
            : a.met
              ? 'yes'
              : a.aim.includes('<=')
                ? `no (${((a.shortBy ?? 0) + 1).toFixed(1)}x the limit)`
                : `no (${Math.round((a.shortBy ?? 0) * 100)} % ${a.aim.includes('latency') ? 'over' : 'short'})`,
        ]),
      ),
    );
  }
  if (r.postgres) {
    out.push(
      '',
      '## PostgreSQL baseline: single-row insert transactions',
      '',
      `\`${r.postgres.statement.replace(/"[^"]+"\./, '')}\`, autocommit.`,
      '',
    );
    out.push(
      table(
        ['tool', 'clients', 'tx/s', 'avg latency ms'],
        r.postgres.runs.map((x) => [x.tool, x.clients, n0(x.tps), n1(x.latencyMsAvg)]),
      ),
    );
  }
  if (r.kafka) {
    out.push('', `## Kafka baseline (${r.kafka.topic.partitions} partitions, ~1 KB records)`, '');
    out.push(
      table(
        ['direction', 'tool', 'records', 'records/s', 'MB/s'],
        [
          ...r.kafka.produce.map((x) => [
            'produce',
            x.tool,
            n0(x.records),
            n0(x.rate),
            n1(x.mbPerSec),
          ]),
          ...r.kafka.consume.map((x) => [
            'consume',
            x.tool,
            n0(x.records),
            n0(x.rate),
            n1(x.mbPerSec),
          ]),
        ],
      ),
    );
  }
  if (r.consumers) {
    out.push(
      '',
      `## Consumer: ours vs the stock NestJS way (${r.consumers.events} events, ${r.consumers.partitions} partitions)`,
      '',
      `Work ${r.consumers.work}.`,
      '',
    );
    out.push(
      table(
        [
          'variant',
          'events applied',
          'events/s',
          'consumer CPU ms per 1,000 events',
          'machine busy / postgres CPU s',
          'how',
        ],
        r.consumers.runs.map((x) => [
          x.variant,
          n0(x.applied),
          n0(x.rate),
          n0(x.cpuMsPer1000),
          x.cpu
            ? `${Math.round(x.cpu.machineBusy * 100)} % / ${n1(x.cpu.byComponent['postgres'])} of ${n1(x.cpu.seconds)} s`
            : '—',
          x.description,
        ]),
      ),
    );
  }
  if (r.intake) {
    out.push(
      '',
      '## Intake: accepted complaints',
      '',
      `Every request a new complaint; ${r.intake.access}.`,
      '',
    );
    out.push(
      table(
        [
          'load',
          'accepted/s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'non-202',
          'CPU s: intake / postgres / bench / other',
        ],
        r.intake.runs.map((x) => [
          x.kind === 'closed-loop'
            ? `${x.connections} connections (closed loop)`
            : `${x.targetRate}/s offered (open loop)${x.overloaded ? ', overloaded' : ''}`,
          n0(x.acceptedPerSec),
          n1(x.latencyMs.p50),
          n1(x.latencyMs.p95),
          n1(x.latencyMs.p99),
          Object.entries(x.statuses)
            .filter(([k]) => k !== '202')
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ') + (x.errors ? ` errors: ${x.errors}` : ''),
          x.cpu
            ? `${n1(x.cpu.byComponent['intake'])} / ${n1(x.cpu.byComponent['postgres'])} / ${n1(x.cpu.byComponent['bench (load generator)'])} / ${n1(x.cpu.byComponent['other'])} of ${n1(x.cpu.seconds * s.cores)}`
            : '—',
        ]),
      ),
    );
  }
  if (r.pipeline) {
    const p = r.pipeline;
    out.push(
      '',
      '## Pipeline: intake to complaints.archived.v1',
      '',
      'Handlers and customers played through the APIs with PipelineClient: told their next step by complaints.assigned.v1 and complaints.responded.v1, as a workbench queue and an inbox would tell them, ' +
        `and acting over HTTP (runs marked "polling players", and results from before this was a choice: each played user asks for its next step after ${p.settings.pollMs} ms, then backs off 1.5x up to 1 s); ` +
        `at most ${p.settings.maxInFlight} journeys at once; every tenth customer reopens once. ` +
        'Overall (the figure the aims and ratios use) = all sealed records over the time from the first submit to the last record; sustained = records per second over the last two thirds of the submit window, which reads low while queues still grow.',
      '',
    );
    out.push(
      table(
        [
          'run',
          'archived',
          'sustained/s',
          'overall/s',
          'end-to-end p50 / p99 ms',
          'max lag (group: messages)',
          'failures',
          'machine busy',
        ],
        p.runs.map((x) => [
          x.name,
          `${n0(x.archived)} of ${n0(x.submitted)}`,
          n1(x.sustainedPerSec),
          n1(x.overallPerSec),
          `${n0(x.endToEndMs.p50)} / ${n0(x.endToEndMs.p99)}`,
          x.lag
            .filter((l) => l.max > 0)
            .sort((a, b) => b.max - a.max)
            .slice(0, 3)
            .map((l) => `${l.group}: ${l.max}`)
            .join(', ') || '0',
          String(x.submitFailures + x.journeysFailed) +
            (x.overloaded ? ' (unfinished at drain end)' : ''),
          x.cpu ? `${Math.round(x.cpu.machineBusy * 100)} %` : '—',
        ]),
      ),
    );
    const idle = p.idle;
    if (idle) {
      const parts = Object.entries(idle.byComponent)
        .filter(([k]) => !k.startsWith('bench'))
        .sort((a, b) => b[1] - a[1]);
      const cores = parts.reduce((sum, [, v]) => sum + v, 0) / idle.seconds;
      out.push(
        '',
        `Idle, before the first run (the main stack started, nothing submitted, ${n0(idle.seconds)} s): ` +
          `${cores.toFixed(2)} cores in all but the load generator — ` +
          `${parts.map(([k, v]) => `${k} ${(v / idle.seconds).toFixed(3)}`).join(', ')} cores. ` +
          'This is paid whatever the rate: at the half-rate run it is a large share of each complaint.',
      );
    }
    for (const x of p.runs) {
      out.push('', `### ${x.name}: stage latency (event time to applied), ms`, '');
      out.push(
        table(
          ['stage', 'events', 'p50', 'p95', 'p99', 'max'],
          x.stages.map((st) => [
            st.stage,
            n0(st.events),
            n1(st.p50),
            n1(st.p95),
            n1(st.p99),
            n1(st.max),
          ]),
        ),
      );
      if (x.cpu) {
        const parts = Object.entries(x.cpu.byComponent).sort((a, b) => b[1] - a[1]);
        out.push(
          '',
          `CPU seconds by component over ${n0(x.cpu.seconds)} s (${s.cores} cores): ${parts.map(([k, v]) => `${k} ${n1(v)}`).join(', ')}.`,
        );
      }
      if (x.postgres && x.submitted > 0) {
        const per = (v: number): string => n1(v / x.submitted);
        out.push(
          `PostgreSQL per submitted complaint: ${per(x.postgres.transactions)} transactions (a statement outside a transaction counts as one), ` +
            `${per(x.postgres.rowsInserted)} rows inserted, ${per(x.postgres.rowsUpdated)} updated, ${per(x.postgres.rowsRead)} read.`,
        );
      }
      if (x.tableReads?.length && x.submitted > 0) {
        out.push(
          `Tables read most, rows per complaint (sequential scan / index): ${x.tableReads
            .map(
              (t) =>
                `${t.table} ${n1(t.rowsBySeqScan / x.submitted)} / ${n1(t.rowsByIndex / x.submitted)}`,
            )
            .join(', ')}.`,
        );
      }
      const m = x.messaging;
      if (m) {
        const parts = [`${n0(m.eventsPublished)} events published`];
        if (m.relayReads) {
          parts.push(
            `relay outbox reads ${n0(m.relayReads.rows)} with rows + ${n0(m.relayReads.empty)} empty (${n1((m.relayReads.rows + m.relayReads.empty) / Math.max(1, m.eventsPublished))} per event)`,
          );
        }
        if (m.consumer) {
          parts.push(
            `consumers applied ${n0(m.consumer.events)} events in ${n0(m.consumer.transactions)} transactions (${n1(m.consumer.events / Math.max(1, m.consumer.transactions))} per transaction)`,
          );
        }
        out.push(`Messaging: ${parts.join('; ')}.`);
      }
      out.push(
        `HTTP requests per complaint by the played users: ${Object.entries(
          x.httpRequestsPerComplaint,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}.`,
      );
    }
  }
  if (r.classifier) out.push(...renderClassifier(r.classifier));
  if (r.analytics) out.push(...renderAnalytics(r.analytics));
  const noisy = (r.quietChecks ?? []).filter((q) => q.otherCores >= 0.15);
  out.push('', '## Other load on the machine', '');
  out.push(
    noisy.length === 0
      ? `Before each of ${(r.quietChecks ?? []).length} measurements other processes used under 0.15 cores (waited up to ${Math.round(Math.max(0, ...(r.quietChecks ?? []).map((q) => q.waitedMs)) / 1000)} s for that).`
      : `Measured beside other load (cores used by processes outside the benchmark just before): ${noisy.map((q) => `${q.before} ${q.otherCores}`).join('; ')}. The CPU splits above show what they took during each run.`,
  );
  if (r.errors.length > 0) {
    out.push('', '## Failed phases', '');
    for (const e of r.errors) out.push(`- ${e.phase}: ${e.message.split('\n')[0]}`);
  }
  out.push('');
  return out.join('\n');
}
