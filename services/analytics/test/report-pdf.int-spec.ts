import { execFile } from 'child_process';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { resolve } from 'path';
import { promisify } from 'util';
import { ServiceTestEnv, TestIdentity } from '@complaints/testing';
import { asPeople, startAnalytics } from './analytics-kit';
import { archivedEventOf, archivedRecord, knownFixture } from './archived-fixture';

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '../../..');

/** The PDF's pages and text, as pdf.js reads them (in a child process, see pdf-text.cjs). */
async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string; title: string }> {
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      [resolve(__dirname, 'pdf-text.cjs')],
      { cwd: ROOT, timeout: 60_000, maxBuffer: 10_000_000 },
      (err, stdout) => (err ? fail(err) : done(JSON.parse(stdout))),
    );
    child.stdin?.end(pdf);
  });
}

describe('analytics: the periodic report as a PDF, in Chinese and English', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let identity: TestIdentity;
  let people: ReturnType<typeof asPeople>;

  beforeAll(async () => {
    // The font the PDF is set in: the project installs Debian's fonts-noto-cjk when missing.
    await promisify(execFile)('bash', ['services/analytics/scripts/ensure-cjk-font.sh'], {
      cwd: ROOT,
      timeout: 300_000,
    });
    ({ env, app, identity, people } = await startAnalytics(
      'analytics-pdf',
      '2026-07-15T02:00:00.000Z',
      knownFixture().map((c) => archivedEventOf(archivedRecord(c))),
      49,
    ));
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('renders the quarterly report in Chinese with its figures, for ?format=pdf', async () => {
    const res = await people.get('/v1/reports/2026-Q2?format=pdf', 'officer');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="complaints-2026-Q2-zh.pdf"',
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text, title } = await pdfText(pdf);
    expect(pages).toBeGreaterThan(0);
    expect(title).toBe('投诉报告 2026-Q2');
    // The figures of the known fixture (the JSON report's, see analytics.int-spec), as printed.
    for (const line of [
      '季度投诉报告 2026-Q2',
      '受理投诉 35',
      '上期 2026-Q1 14',
      '变化 150.0%',
      'business_handling 30',
      'product_service 5',
      '理赔时效 20',
      '拒赔 10',
      '未分类 5',
      'branch: cn-sh-pudong 0 → 25 p=0',
      '至首次决定 (平均 / 中位数 / 90分位) 6.57 / 6 / 10',
      '至结案 (平均 / 中位数 / 90分位) 7.57 / 7 / 11',
      '达标 32 (91.4%)',
      '超时 3',
      '投诉成立 30',
      '不成立 5',
      '满意结案 30 (85.7%)',
      '重新处理 2 (5.7%)',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
  });

  it('renders it in English for Accept: application/pdf, and JSON stays the default', async () => {
    const token = await identity.token('analyst');
    const res = await app.inject({
      method: 'GET',
      url: '/v1/reports/2026-Q2?lang=en',
      headers: { authorization: `Bearer ${token}`, accept: 'application/pdf' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toBeGreaterThan(0);
    const lines = text.split('\n');
    for (const line of [
      'Quarterly Complaint report 2026-Q2',
      'Complaints received 35',
      'met 32 (91.4%)',
      'upheld 30',
      'closed satisfied 30 (85.7%)',
    ]) {
      expect(lines).toContain(line);
    }
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    const json = await people.get('/v1/reports/2026-Q2');
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.json().volumes.received).toBe(35);
  });

  it('refuses an unknown format or language naming the field', async () => {
    for (const [query, field] of [
      ['format=docx', 'format'],
      ['format=pdf&lang=fr', 'lang'],
    ]) {
      const res = await people.get(`/v1/reports/2026-Q2?${query}`);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(field);
    }
  });
});
