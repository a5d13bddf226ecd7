import { FieldProblem } from './problem';

/** Deeper than any field of any API here (attachments.0.name is 3). */
export const MAX_BODY_DEPTH = 8;

/**
 * The first shape problem of a parsed JSON body, walking it without recursion: nesting
 * deeper than MAX_BODY_DEPTH, or a key named like one of Object.prototype's members or
 * `prototype`. The validation libraries recurse over whatever they are given (a few kilobytes
 * of `[[[[...` nested 100,000 deep overflow their stack: a 500), class-validator's whitelist
 * takes `toString` or `constructor` for declared fields, and Nest's ValidationPipe silently
 * deletes `prototype`, which would hide an unknown field.
 */
export function shapeProblem(body: unknown): FieldProblem | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 1 },
  ];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop() as { value: unknown; path: string; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_BODY_DEPTH)
      return { field: path || 'body', reason: `nests deeper than ${MAX_BODY_DEPTH} levels` };
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && (key in Object.prototype || key === 'prototype'))
        return { field, reason: `${key} is not a field of this request` };
      pending.push({ value: child, path: field, depth: depth + 1 });
    }
  }
  return undefined;
}
