import { AnalyticsBench } from './analytics-bench';

/** The analytics section of the report. */
export function renderAnalytics(a: AnalyticsBench): string[] {
  const out = [
    '',
    `## Analytics with ${a.complaints.toLocaleString('en')} archived complaints`,
    '',
    `Records produced onto a topic of ${a.partitions} partitions (${a.recordBytes} bytes each on average, ` +
      `${a.produceSeconds} s to produce); \`npm run analytics:rebuild\` from the beginning: ` +
      `**${a.rebuildSeconds} s, ${a.rebuildPerSecond} records/s** (\`${a.rebuildLastLine}\`; aim: under 600 s). ` +
      `Queries over HTTP with an analyst's token, ${a.queries[0]?.runsMs.length ?? 0} runs after a warm-up ` +
      `(aim: under 2 s), engine: ${a.engine}.`,
    '',
    '| query | median ms | max ms |',
    '| --- | --- | --- |',
  ];
  for (const q of a.queries) out.push(`| ${q.name} (\`${q.path}\`) | ${q.medianMs} | ${q.maxMs} |`);
  return out;
}
