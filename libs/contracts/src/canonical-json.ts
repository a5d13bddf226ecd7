/**
 * JSON with object keys sorted (UTF-16 code-unit order) at every depth; array order is kept.
 * The same value always gives the same text, which the archive seal hashes and the committed
 * JSON Schema files compare against.
 *
 * @param indent spaces per level; 0 gives the compact form.
 */
export function canonicalJson(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  const plain = hasToJson(value) ? value.toJSON() : value;
  if (Array.isArray(plain)) {
    return plain.map(sortKeys);
  }
  if (plain !== null && typeof plain === 'object') {
    const source = plain as Record<string, unknown>;
    // No prototype, so a `__proto__` key is stored as data like any other key.
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(source).sort()) {
      sorted[key] = sortKeys(source[key]);
    }
    return sorted;
  }
  return plain;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}
