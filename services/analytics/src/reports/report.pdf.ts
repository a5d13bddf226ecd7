import PDFDocument from 'pdfkit';
import { CjkFont } from './cjk-font';
import { ReportLanguage, TEXT } from './report.html';
import { ComplaintReport } from './report.types';

const MARGIN = 50;
const BAR_WIDTH = 260;
const LABEL_WIDTH = 170;

const PDF_TEXT = {
  zh: {
    actions: '改进措施',
    before: '措施前',
    after: '措施后',
    none: '无',
    per30: '件/30天',
    outcomes: { upheld: '投诉成立', partially_upheld: '部分成立', rejected: '不成立' },
  },
  en: {
    actions: 'Improvement actions',
    before: 'before',
    after: 'after',
    none: 'none',
    per30: 'per 30 days',
    outcomes: { upheld: 'upheld', partially_upheld: 'partially upheld', rejected: 'rejected' },
  },
};

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null | undefined) => (x === null || x === undefined ? '–' : String(x));

/** Draws a report, page after page, in one font that has Chinese and Latin glyphs. */
class ReportPdfWriter {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly t: (typeof TEXT)['zh'] | (typeof TEXT)['en'],
  ) {}

  private get width() {
    return this.doc.page.width - 2 * MARGIN;
  }

  /** a new page when fewer than `height` points are left on this one */
  private room(height: number) {
    if (this.doc.y + height > this.doc.page.height - MARGIN) this.doc.addPage();
  }

  heading(text: string) {
    this.room(60);
    this.doc.moveDown(0.8).fontSize(13).fillColor('#1f3b5a').text(text, MARGIN);
    this.doc.moveDown(0.3).fontSize(10).fillColor('#222');
  }

  /** label and value rows, the value right-aligned */
  table(rows: [string, string][]) {
    for (const [label, value] of rows) {
      this.room(16);
      const y = this.doc.y;
      this.doc.text(label, MARGIN, y, { width: this.width - 120 });
      const after = this.doc.y;
      this.doc.text(value, MARGIN + this.width - 120, y, { width: 120, align: 'right' });
      this.doc.y = Math.max(after, this.doc.y) + 2;
    }
  }

  /** a horizontal bar chart, each bar with its count */
  bars(rows: { label: string; value: number }[]) {
    if (!rows.length) return this.table([[this.t.unclassified, '0']]);
    const max = Math.max(1, ...rows.map((r) => r.value));
    for (const r of rows) {
      this.room(18);
      const y = this.doc.y;
      const w = Math.max(1, Math.round((r.value / max) * BAR_WIDTH));
      this.doc.text(r.label, MARGIN, y, { width: LABEL_WIDTH - 8, lineBreak: false });
      this.doc.rect(MARGIN + LABEL_WIDTH, y + 1, w, 10).fill('#3b6ea5');
      this.doc.fillColor('#222').text(String(r.value), MARGIN + LABEL_WIDTH + w + 6, y);
      this.doc.y = y + 16;
    }
    this.doc.x = MARGIN;
  }
}

/** The report as a PDF in Chinese or English, the same figures as the HTML page. */
export function reportPdf(
  r: ComplaintReport,
  lang: ReportLanguage,
  font: CjkFont,
): Promise<Buffer> {
  const t = TEXT[lang];
  const p = PDF_TEXT[lang];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `${t.title} ${r.period.id}`,
      Subject: `${r.kind} complaint report ${r.period.id}`,
      CreationDate: new Date(r.generatedAt),
    },
    lang: lang === 'zh' ? 'zh-CN' : 'en',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.data, font.face as string);
  doc.font('cjk');
  const w = new ReportPdfWriter(doc, t);
  const label = (v: string | null) => v ?? t.unclassified;
  const v = r.volumes;

  doc
    .fontSize(18)
    .fillColor('#1f3b5a')
    .text(`${t.kinds[r.kind]}${lang === 'zh' ? '' : ' '}${t.title} ${r.period.id}`);
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(`${r.period.from} – ${r.period.to} (${r.timeZone}) · ${t.generated} ${r.generatedAt}`);
  doc.fontSize(10).fillColor('#222').moveDown(0.5);
  w.table([
    [t.received, String(v.received)],
    [`${t.previous} ${r.previousPeriod.id}`, String(v.previousReceived)],
    [t.change, pct(v.change)],
    [`${t.significant} (${t.test}: ${r.test.name}, p=${v.pValue})`, v.significant ? t.yes : t.no],
    ...(v.ratePer10k !== undefined ? [['/10,000', String(v.ratePer10k)] as [string, string]] : []),
  ]);
  w.heading(t.byClass);
  w.bars(r.breakdowns.category.map((g) => ({ label: label(g.value), value: g.count })));
  w.heading(t.byProductLine);
  w.bars(r.breakdowns.productLine.map((g) => ({ label: label(g.value), value: g.count })));
  w.heading(t.byChannel);
  w.bars(r.breakdowns.channel.map((g) => ({ label: label(g.value), value: g.count })));
  w.heading(t.causes);
  w.bars(
    r.causes.map((c) => ({
      label: (lang === 'zh' ? c.labelZh : c.labelEn) ?? label(c.code),
      value: c.count,
    })),
  );
  w.heading(t.hotspots);
  w.table(
    r.hotspots.length
      ? r.hotspots.map((h) => [
          `${h.dimension}: ${label(h.value)}`,
          `${h.previousCount} → ${h.count}  p=${h.pValue}`,
        ])
      : [[p.none, '']],
  );
  w.heading(t.handling);
  const d = r.handling;
  w.table([
    [`${t.decision} (${t.mean} / ${t.median} / ${t.p90})`, summary(d.daysToDecision)],
    [`${t.close} (${t.mean} / ${t.median} / ${t.p90})`, summary(d.daysToClose)],
  ]);
  w.heading(t.deadlines);
  w.table([
    [t.met, `${r.deadlines.met} (${pct(r.deadlines.metRate)})`],
    [t.breached, String(r.deadlines.breached)],
  ]);
  w.heading(t.outcomes);
  w.table(
    (['upheld', 'partially_upheld', 'rejected'] as const).map((k) => [
      p.outcomes[k],
      String(r.outcomes[k]),
    ]),
  );
  w.heading(t.satisfaction);
  w.table([
    [t.rating, num(r.satisfaction.meanRating)],
    [t.satisfied, `${r.satisfaction.closedSatisfied} (${pct(r.satisfaction.satisfiedRate)})`],
    [t.reopened, `${r.reopened.complaints} (${pct(r.reopened.rate)})`],
    [t.reviewed, `${r.reviews.complaints} (${pct(r.reviews.rate)})`],
    [
      t.overturned,
      `${r.reviews.overturned} / ${r.reviews.decided} (${pct(r.reviews.overturnRate)})`,
    ],
  ]);
  w.heading(p.actions);
  w.table(
    r.actions.length
      ? r.actions.map((a) => [
          `${a.takenOn} ${a.rootCauseCode} (${a.kind}, ${a.ownerUnit})`,
          `${p.before} ${a.effect.ratePer30DaysBefore} → ${p.after} ` +
            `${num(a.effect.ratePer30DaysAfter)} ${p.per30}`,
        ])
      : [[p.none, '']],
  );
  doc.end();
  return done;
}

function summary(s: { mean: number | null; median: number | null; p90: number | null }): string {
  return `${num(s.mean)} / ${num(s.median)} / ${num(s.p90)}`;
}
