import { ComplaintReport } from './report.types';

export const REPORT_LANGUAGES = ['zh', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const TEXT = {
  zh: {
    title: '投诉报告',
    kinds: { monthly: '月度', quarterly: '季度', yearly: '年度' },
    received: '受理投诉',
    previous: '上期',
    change: '变化',
    significant: '显著',
    yes: '是',
    no: '否',
    byClass: '按类别',
    byProductLine: '按险种',
    byChannel: '按渠道',
    causes: '按根因',
    hotspots: '热点',
    handling: '处理时效（天）',
    decision: '至首次决定',
    close: '至结案',
    mean: '平均',
    median: '中位数',
    p90: '90分位',
    deadlines: '时限达标',
    met: '达标',
    breached: '超时',
    satisfaction: '满意度',
    rating: '平均评分',
    satisfied: '满意结案',
    reopened: '重新处理',
    reviewed: '申请内部复核',
    overturned: '复核改变原决定',
    outcomes: '处理结果',
    unclassified: '未分类',
    test: '检验',
    generated: '生成时间',
  },
  en: {
    title: 'Complaint report',
    kinds: { monthly: 'Monthly', quarterly: 'Quarterly', yearly: 'Yearly' },
    received: 'Complaints received',
    previous: 'previous period',
    change: 'change',
    significant: 'significant',
    yes: 'yes',
    no: 'no',
    byClass: 'By class',
    byProductLine: 'By product line',
    byChannel: 'By channel',
    causes: 'By root cause',
    hotspots: 'Hotspots',
    handling: 'Handling time (days)',
    decision: 'to first decision',
    close: 'to closure',
    mean: 'mean',
    median: 'median',
    p90: '90th percentile',
    deadlines: 'Deadlines',
    met: 'met',
    breached: 'breached',
    satisfaction: 'Satisfaction',
    rating: 'mean rating',
    satisfied: 'closed satisfied',
    reopened: 'reopened',
    reviewed: 'internal review asked for',
    overturned: 'reviews that overturned the decision',
    outcomes: 'Outcomes',
    unclassified: 'unclassified',
    test: 'test',
    generated: 'generated',
  },
};

const esc = (v: unknown): string =>
  String(v ?? '–').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

/** A horizontal bar chart as inline SVG: no script, no external request. */
function bars(rows: { label: string; value: number }[]): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const h = 22;
  const body = rows
    .map((r, i) => {
      const w = Math.round((r.value / max) * 300);
      return (
        `<text x="0" y="${i * h + 15}" font-size="12">${esc(r.label)}</text>` +
        `<rect x="170" y="${i * h + 4}" width="${w}" height="14" fill="#3b6ea5"/>` +
        `<text x="${176 + w}" y="${i * h + 15}" font-size="12">${r.value}</text>`
      );
    })
    .join('');
  return `<svg role="img" width="520" height="${rows.length * h + 4}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

/** The report as one self-contained HTML page with charts, in Chinese or English. */
export function reportHtml(r: ComplaintReport, lang: ReportLanguage): string {
  const t = TEXT[lang];
  const label = (v: string | null) => v ?? t.unclassified;
  const chart = (title: string, rows: { label: string; value: number }[]) =>
    `<section><h2>${esc(title)}</h2>${bars(rows)}</section>`;
  const v = r.volumes;
  const handling = r.handling;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<title>${esc(`${t.title} ${r.period.id}`)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:right}
th{text-align:left;background:#f3f5f8}</style></head><body>
<h1>${esc(`${t.kinds[r.kind]}${lang === 'zh' ? '' : ' '}${t.title} ${r.period.id}`)}</h1>
<p>${esc(r.period.from)} – ${esc(r.period.to)} (${esc(r.timeZone)}) · ${esc(t.generated)} ${esc(r.generatedAt)}</p>
<table><tr><th>${esc(t.received)}</th><td>${v.received}</td></tr>
<tr><th>${esc(t.previous)} ${esc(r.previousPeriod.id)}</th><td>${v.previousReceived}</td></tr>
<tr><th>${esc(t.change)}</th><td>${pct(v.change)}</td></tr>
<tr><th>${esc(t.significant)} (${esc(t.test)}: ${esc(r.test.name)}, p=${esc(v.pValue)})</th><td>${v.significant ? t.yes : t.no}</td></tr></table>
${chart(
  t.byClass,
  r.breakdowns.category.map((g) => ({ label: label(g.value), value: g.count })),
)}
${chart(
  t.byProductLine,
  r.breakdowns.productLine.map((g) => ({ label: label(g.value), value: g.count })),
)}
${chart(
  t.byChannel,
  r.breakdowns.channel.map((g) => ({ label: label(g.value), value: g.count })),
)}
${chart(
  t.causes,
  r.causes.map((c) => ({
    label: (lang === 'zh' ? c.labelZh : c.labelEn) ?? label(c.code),
    value: c.count,
  })),
)}
<section><h2>${esc(t.hotspots)}</h2><table>${r.hotspots
    .map(
      (h) =>
        `<tr><th>${esc(h.dimension)}: ${esc(h.value)}</th><td>${h.previousCount} → ${h.count}</td><td>p=${esc(h.pValue)}</td></tr>`,
    )
    .join('')}</table></section>
<section><h2>${esc(t.handling)}</h2><table>
<tr><th></th><th>${esc(t.mean)}</th><th>${esc(t.median)}</th><th>${esc(t.p90)}</th></tr>
<tr><th>${esc(t.decision)}</th><td>${esc(handling.daysToDecision.mean)}</td><td>${esc(handling.daysToDecision.median)}</td><td>${esc(handling.daysToDecision.p90)}</td></tr>
<tr><th>${esc(t.close)}</th><td>${esc(handling.daysToClose.mean)}</td><td>${esc(handling.daysToClose.median)}</td><td>${esc(handling.daysToClose.p90)}</td></tr></table></section>
<section><h2>${esc(t.deadlines)}</h2><table><tr><th>${esc(t.met)}</th><td>${r.deadlines.met} (${pct(r.deadlines.metRate)})</td></tr>
<tr><th>${esc(t.breached)}</th><td>${r.deadlines.breached}</td></tr></table></section>
<section><h2>${esc(t.satisfaction)}</h2><table><tr><th>${esc(t.rating)}</th><td>${esc(r.satisfaction.meanRating)}</td></tr>
<tr><th>${esc(t.satisfied)}</th><td>${r.satisfaction.closedSatisfied} (${pct(r.satisfaction.satisfiedRate)})</td></tr>
<tr><th>${esc(t.reopened)}</th><td>${r.reopened.complaints} (${pct(r.reopened.rate)})</td></tr>
<tr><th>${esc(t.reviewed)}</th><td>${r.reviews.complaints} (${pct(r.reviews.rate)})</td></tr>
<tr><th>${esc(t.overturned)}</th><td>${r.reviews.overturned} / ${r.reviews.decided} (${pct(r.reviews.overturnRate)})</td></tr></table></section>
</body></html>
`;
}
