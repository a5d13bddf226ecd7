import { RootCause, RootCauseTaxonomy } from './root-cause.taxonomy';

type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

interface Row {
  version: number;
  code: string;
  regulator_cause: RootCause['regulatorCause'];
  label_en: string;
  label_zh: string;
  keywords: string[];
  position: number;
}

/** The latest published version of the taxonomy (or the one asked for) from its tables. */
export async function loadTaxonomy(query: Query, version?: number): Promise<RootCauseTaxonomy> {
  const rows = (await query(
    `SELECT version, code, regulator_cause, label_en, label_zh, keywords, position
       FROM root_cause
      WHERE version = coalesce($1, (SELECT max(version) FROM root_cause_taxonomy))
      ORDER BY position`,
    [version ?? null],
  )) as Row[];
  if (rows.length === 0) throw new Error(`no root-cause taxonomy version ${version ?? 'at all'}`);
  return new RootCauseTaxonomy(
    rows[0].version,
    rows.map((r) => ({
      code: r.code,
      regulatorCause: r.regulator_cause,
      labelEn: r.label_en,
      labelZh: r.label_zh,
      keywords: r.keywords,
      position: r.position,
    })),
  );
}
