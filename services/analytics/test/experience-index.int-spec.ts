import { ParquetReader } from '@dsnp/parquetjs';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceTestEnv } from '@complaints/testing';
import { asPeople, startAnalytics } from './analytics-kit';
import { archivedEventOf, archivedRecord, knownFixture } from './archived-fixture';

jest.setTimeout(180_000);

describe('analytics: the experience index per unit, from versioned indicators and weights', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let people: ReturnType<typeof asPeople>;

  beforeAll(async () => {
    ({ env, app, people } = await startAnalytics(
      'analytics-index',
      '2026-07-15T02:00:00.000Z',
      knownFixture().map((c) => archivedEventOf(archivedRecord(c))),
      49,
    ));
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('scores each department and the whole insurer, showing the indicators and the formula', async () => {
    const res = await people.get('/v1/experience-index?period=2026-Q2', 'officer');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.version).toBe(1);
    expect(body.formula).toContain('sum(w_i x s_i) / sum(w_i)');
    expect(
      body.indicators.map((i: { code: string; weight: number }) => [i.code, i.weight]),
    ).toEqual([
      ['quality.not_reopened', 0.15],
      ['quality.class_right_first_time', 0.1],
      ['efficiency.deadline_met', 0.25],
      ['attitude.no_staff_complaints', 0.15],
      ['satisfaction.mean_rating', 0.2],
      ['satisfaction.closed_satisfied', 0.15],
    ]);
    const unit = (name: string) => body.units.find((u: { unit: string }) => u.unit === name);
    // Claims: 2 of 30 reopened, 3 late, every answer a 4, all closed satisfied.
    expect(unit('claims')).toEqual({
      unit: 'claims',
      complaints: 30,
      scores: {
        'quality.not_reopened': 0.9333,
        'quality.class_right_first_time': 1,
        'efficiency.deadline_met': 0.9,
        'attitude.no_staff_complaints': 1,
        'satisfaction.mean_rating': 0.75,
        'satisfaction.closed_satisfied': 1,
      },
      index: 91.5,
    });
    // Product management: no answers, so the mean rating has no score and its weight drops out.
    expect(unit('product-management')).toMatchObject({
      complaints: 5,
      scores: { 'satisfaction.mean_rating': null, 'satisfaction.closed_satisfied': 0 },
      index: 81.25,
    });
    expect(unit('all')).toMatchObject({ complaints: 35, index: 89.86 });
    expect(
      (await people.get('/v1/experience-index?period=2026-Q2', 'h-claims-01')).statusCode,
    ).toBe(403);
  });

  it('renders the quarterly report as a page with charts, in Chinese and in English', async () => {
    const zh = await people.get('/v1/reports/2026-Q2?format=html');
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(zh.headers['content-security-policy']).toContain("default-src 'none'");
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('<h1>季度投诉报告 2026-Q2</h1>');
    expect(zh.body).toContain('<th>受理投诉</th><td>35</td>');
    // One chart per breakdown: classes, product lines, channels, causes.
    expect(zh.body.match(/<svg /g)).toHaveLength(4);
    expect(zh.body).toContain('>理赔时效</text>');
    expect(zh.body).not.toMatch(/<script/i);
    const en = await people.get('/v1/reports/2026-Q2?format=html&lang=en', 'auditor');
    expect(en.body).toContain('<h1>Quarterly Complaint report 2026-Q2</h1>');
    expect(en.body).toContain('>Claim handled too slowly</text>');
    expect(en.body).toContain('<th>met</th><td>32 (91.4%)</td>');
    expect((await people.get('/v1/reports/2026-Q2?format=docx')).json().errors[0].field).toBe(
      'format',
    );
  });

  it('exports each read model of a period as CSV for BI tools', async () => {
    const facts = await people.get('/v1/exports/complaint-fact?period=2026-Q2');
    expect(facts.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = facts.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual([
      'complaint_id',
      'archived_event_id',
      'received_at',
      'received_on',
    ]);
    expect(lines).toHaveLength(36);
    expect(lines[1]).toContain(
      ',2026-04-01,phone,motor,cn-sh,cn-sh-pudong,business_handling,claims,',
    );
    const decisions = await people.get('/v1/exports/decision-fact?period=2026-Q2', 'auditor');
    expect(decisions.body.trim().split('\r\n')).toHaveLength(36);
    const empty = await people.get('/v1/exports/decision-fact?period=2020-Q1');
    expect(empty.body.replace(/^\ufeff/, '')).toMatch(/^complaint_id,round,outcome,handler_ref,/);
    expect((await people.get('/v1/exports/audit_entry')).json().errors[0].field).toBe('model');
  });

  it('exports each read model as Parquet too, typed, with the same rows', async () => {
    const res = await people.get('/v1/exports/complaint-fact?period=2026-Q2&format=parquet');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.apache.parquet');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="complaint-fact-2026-Q2.parquet"',
    );
    const reader = await ParquetReader.openBuffer(res.rawPayload);
    expect(Number(reader.getRowCount())).toBe(35);
    const fields = reader.getSchema().fields;
    expect(Object.keys(fields).slice(0, 4)).toEqual([
      'complaint_id',
      'archived_event_id',
      'received_at',
      'received_on',
    ]);
    expect(fields.received_at.originalType).toBe('TIMESTAMP_MILLIS');
    expect(fields.received_on.originalType).toBe('DATE');
    expect(fields.sla_met.primitiveType).toBe('BOOLEAN');
    expect(fields.region.repetitionType).toBe('OPTIONAL');
    const cursor = reader.getCursor();
    const rows: Record<string, unknown>[] = [];
    for (let r = await cursor.next(); r; r = await cursor.next())
      rows.push(r as Record<string, unknown>);
    await reader.close();
    // the first row as in the CSV: received 31 March 16:30 UTC, 1 April in Shanghai
    expect(rows[0]).toMatchObject({
      received_at: new Date('2026-03-31T16:30:00.000Z'),
      received_on: new Date('2026-04-01T00:00:00.000Z'),
      channel: 'phone',
      product_line: 'motor',
      region: 'cn-sh',
      branch: 'cn-sh-pudong',
    });
    expect(rows.filter((r) => r.product_line === 'health')).toHaveLength(5);
    expect(rows.filter((r) => r.sla_met === false)).toHaveLength(3);
    const decisions = await people.get(
      '/v1/exports/decision-fact?period=2026-Q2&format=parquet',
      'auditor',
    );
    const d = await ParquetReader.openBuffer(decisions.rawPayload);
    expect(Number(d.getRowCount())).toBe(35);
    await d.close();
    const empty = await people.get('/v1/exports/decision-fact?period=2020-Q1&format=parquet');
    expect(Number((await ParquetReader.openBuffer(empty.rawPayload)).getRowCount())).toBe(0);
    expect((await people.get('/v1/exports/complaint-fact?format=xlsx')).statusCode).toBe(400);
  });
});
