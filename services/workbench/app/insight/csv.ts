/** Rows of a CSV export (RFC 4180: quoted cells, doubled quotes, CRLF), keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [header, ...data] = rows;
  if (!header) return [];
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The complaint_fact column each hotspot dimension counts (analytics' DIMENSIONS). */
export const DIMENSION_COLUMNS = {
  subcategory: 'subcategory',
  category: 'category',
  productLine: 'product_line',
  channel: 'channel',
  region: 'region',
  branch: 'branch',
  department: 'department',
  rootCause: 'root_cause_code',
  ageBand: 'age_band',
  vulnerable: 'vulnerable',
} as const;
export type Dimension = keyof typeof DIMENSION_COLUMNS;
export const DIMENSIONS = Object.keys(DIMENSION_COLUMNS) as Dimension[];

/** The records behind one bar: the rows whose dimension column holds its value (null: empty). */
export function recordsBehind(
  rows: Record<string, string>[],
  dimension: Dimension,
  value: string | null,
): Record<string, string>[] {
  const column = DIMENSION_COLUMNS[dimension];
  return rows.filter((r) => (r[column] ?? '') === (value ?? ''));
}

/** Label groups of the app's messages per dimension (others are shown as their codes). */
export const DIMENSION_LABELS: Partial<Record<Dimension, string>> = {
  subcategory: 'subcategories',
  category: 'categories',
  productLine: 'productLines',
  channel: 'channels',
  department: 'departments',
};
