import { parseCsv, recordsBehind } from '../app/insight/csv';
import { metRatio } from '../app/operations/metrics-text';

describe("the analysts' drill-down and the operators' figures", () => {
  const csv =
    '\ufeffcomplaint_id,subcategory,region,note\r\n' +
    'a,claims,cn-sh,"says ""late"", twice"\r\n' +
    'b,policy_terms,,plain\r\n' +
    'c,claims,,"two\r\nlines"\r\n';

  it('reads the export as analytics writes it: BOM, quoted cells, doubled quotes, CRLF', () => {
    expect(parseCsv(csv)).toEqual([
      { complaint_id: 'a', subcategory: 'claims', region: 'cn-sh', note: 'says "late", twice' },
      { complaint_id: 'b', subcategory: 'policy_terms', region: '', note: 'plain' },
      { complaint_id: 'c', subcategory: 'claims', region: '', note: 'two\r\nlines' },
    ]);
    expect(parseCsv('\ufeffcomplaint_id,subcategory\r\n')).toEqual([]);
  });

  it("finds the records behind a bar by the dimension's column; a null bar is the empty cells", () => {
    const rows = parseCsv(csv);
    expect(recordsBehind(rows, 'subcategory', 'claims').map((r) => r['complaint_id'])).toEqual([
      'a',
      'c',
    ]);
    expect(recordsBehind(rows, 'region', null).map((r) => r['complaint_id'])).toEqual(['b', 'c']);
  });

  it("reads the met-on-time share for every department from the service's metrics", () => {
    const text = [
      '# HELP complaints_deadline_met_ratio Share met',
      'complaints_deadline_met_ratio{department="claims"} 0.5',
      'complaints_deadline_met_ratio{department="all"} 0.75',
    ].join('\n');
    expect(metRatio(text)).toBe(0.75);
    expect(metRatio('complaints_deadline_open_clocks{clock="decision"} 3')).toBeUndefined();
  });
});
