import { Client } from 'pg';
import type { ComplaintCategory, Language } from '@complaints/contracts';
import type { LabelledComplaint } from '../src/model/labelled-complaint';

/**
 * Officers' corrections as training examples: each corrected complaint once, with its latest
 * class and department and the words it was classified on. Complaints classified before the
 * model stored text are skipped (counted in `withoutText`).
 */
export async function readOfficerLabels(
  databaseUrl: string,
  schema: string,
): Promise<{ labels: LabelledComplaint[]; withoutText: number }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      complaint_id: string;
      category: ComplaintCategory;
      subcategory: string;
      department: string;
      language: Language | null;
      subject: string | null;
      description: string | null;
    }>(`
      SELECT DISTINCT ON (l.complaint_id) l.complaint_id, l.category, l.subcategory, l.department,
             c.language, c.subject, c.description
        FROM ${schema}.classification_label l
        JOIN ${schema}.classification c ON c.complaint_id = l.complaint_id
       ORDER BY l.complaint_id, l.corrected_at DESC, l.id DESC`);
    const labels = rows
      .filter((r) => r.description)
      .map((r) => ({
        id: `label-${r.complaint_id}`,
        label: r.category,
        subcategory: r.subcategory,
        department: r.department,
        ...(r.language ? { language: r.language } : {}),
        ...(r.subject ? { subject: r.subject } : {}),
        text: r.description ?? '',
        source: 'officer-correction',
      }));
    return { labels, withoutText: rows.length - labels.length };
  } finally {
    await client.end();
  }
}
