import { readFileSync } from 'node:fs';
import { COMPLAINT_CATEGORIES, LANGUAGES } from '@complaints/contracts';
import type { LabelledComplaint } from './labelled-complaint';

export class LabelledFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} bad line(s):\n${problems.join('\n')}`);
  }
}

/**
 * Reads a JSONL file of labelled complaints: `text` (or `description`), `label`, optional
 * `subject`, `language`, `subcategory`, `department`. Every bad line is named; any bad line
 * makes the whole file unusable (throws LabelledFileError).
 */
export function readLabelledFile(path: string): LabelledComplaint[] {
  return parseLabelled(readFileSync(path, 'utf8'), path);
}

export function parseLabelled(content: string, name: string): LabelledComplaint[] {
  const out: LabelledComplaint[] = [];
  const problems: string[] = [];
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${name}:${i + 1}`;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return void problems.push(`${where}: not JSON`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      return void problems.push(`${where}: not a JSON object`);
    const text = row.text ?? row.description;
    if (typeof text !== 'string' || !text.trim())
      return void problems.push(`${where}: no text or description`);
    if (!COMPLAINT_CATEGORIES.includes(row.label as never))
      return void problems.push(`${where}: unknown label ${JSON.stringify(row.label)}`);
    if (row.language !== undefined && !LANGUAGES.includes(row.language as never))
      return void problems.push(`${where}: unknown language ${JSON.stringify(row.language)}`);
    for (const f of ['subject', 'subcategory', 'department'] as const)
      if (row[f] !== undefined && typeof row[f] !== 'string')
        return void problems.push(`${where}: ${f} is not a string`);
    out.push({ ...(row as unknown as LabelledComplaint), text });
  });
  if (problems.length) throw new LabelledFileError(problems);
  return out;
}
