import PDFDocument from 'pdfkit';
import type { Language } from '@complaints/contracts';
import { customerDate } from '../messages/templates/message-template';
import { CjkFont } from './cjk-font';

const MARGIN = 64;

export interface LetterForPost {
  language: Language;
  subject: string;
  /** The text as the customer reads it (answer link written out). */
  body: string;
  referenceNumber: string | null;
  /** The letter's date. */
  date: Date;
  timeZone: string;
  /** The From line of the insurer (MAIL_FROM's name). */
  sender: string;
}

const WORDS = {
  zh: {
    reference: '投诉编号',
    date: '日期',
    page: (n: number, of: number) => `第 ${n} 页，共 ${of} 页`,
  },
  en: {
    reference: 'Reference',
    date: 'Date',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
};

/**
 * The letter as a PDF ready to print and post (A4, one font with Chinese and Latin glyphs, the
 * address written on the envelope). Deterministic for the same input: the creation date is the
 * letter's date, so its hash proves what was printed.
 */
export function renderLetterPdf(letter: LetterForPost, font: CjkFont): Promise<Buffer> {
  const words = WORDS[letter.language];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: letter.subject,
      Author: letter.sender,
      CreationDate: letter.date,
      ModDate: letter.date,
    },
    lang: letter.language === 'zh' ? 'zh-CN' : 'en',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.data, font.face as string);
  doc.font('cjk');
  doc.fontSize(10).fillColor('#444').text(letter.sender, { align: 'right' });
  if (letter.referenceNumber) {
    doc.text(`${words.reference}: ${letter.referenceNumber}`, { align: 'right' });
  }
  doc.text(`${words.date}: ${customerDate(letter.date, letter.language, letter.timeZone)}`, {
    align: 'right',
  });
  doc.moveDown(2).fontSize(15).fillColor('#111').text(letter.subject);
  doc.moveDown(1).fontSize(11).fillColor('#222');
  for (const paragraph of letter.body.split(/\n{2,}/)) {
    doc.text(paragraph.trim(), { lineGap: 3 });
    doc.moveDown(0.8);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.height - MARGIN / 2 - 10;
    doc
      .fontSize(8)
      .fillColor('#666')
      .text(words.page(i + 1, range.count), MARGIN, bottom, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
