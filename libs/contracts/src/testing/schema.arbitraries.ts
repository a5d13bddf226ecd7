import fc from 'fast-check';
import type { JsonSchema } from '../json-schema';
import { buildSchemas } from '../json-schema';
import {
  CURRENCY_CODE_PATTERN,
  ISO_UTC_PATTERN,
  SHA256_HEX_PATTERN,
  UUID_V7_PATTERN,
} from '../validation/contract.patterns';

/**
 * fast-check arbitraries for the compiled-validator equivalence spec: events generated from a
 * contract's published JSON Schema, and ways to break them one field at a time. Test-only (not
 * exported from the testing entry point).
 */

const SCHEMAS = buildSchemas();

/** Characters validator.js and JSON Schema count differently, and ordinary ones. */
const TRICKY_CHAR = fc.constantFrom('a', 'Z', '0', ' ', 'é', '中', '😀', '\uFE0F', '❤️', '\u0000');

export function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const defs = root['$defs'] as Record<string, JsonSchema>;
  return resolve(defs[ref.slice('#/$defs/'.length)], root);
}

const HEX = fc.constantFrom(...'0123456789abcdef');
const DATE_TIME = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') })
  .filter((d) => !Number.isNaN(d.getTime()))
  .map((d) => d.toISOString());

/** fc.stringMatching is slow; the patterns most fields use have direct generators. */
const KNOWN_PATTERNS = new Map<string, fc.Arbitrary<string>>([
  [UUID_V7_PATTERN.source, fc.uuid({ version: 7 })],
  [ISO_UTC_PATTERN.source, DATE_TIME],
  [SHA256_HEX_PATTERN.source, fc.string({ unit: HEX, minLength: 64, maxLength: 64 })],
  [CURRENCY_CODE_PATTERN.source, fc.constantFrom('CNY', 'GBP', 'USD', 'EUR', 'HKD')],
]);

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity;
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const fits = (s: string): boolean => [...s].length >= min && [...s].length <= max;
  if (schema['format'] === 'uuid') return fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] });
  if (schema['format'] === 'email') return fc.emailAddress().filter(fits);
  if (schema['format'] === 'date-time') return DATE_TIME;
  if (typeof schema['pattern'] === 'string') {
    const known = KNOWN_PATTERNS.get(schema['pattern']);
    return (known ?? fc.stringMatching(new RegExp(schema['pattern']))).filter(fits);
  }
  return fc
    .string({
      unit: fc.constantFrom('a', 'b', ' ', 'é', '中', '😀'),
      minLength: min,
      maxLength: Math.min(max, 300),
    })
    .filter((s) => fits(s) && s.trim().length > 0);
}

export function arbitraryOf(
  schema: JsonSchema,
  root: JsonSchema,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, root);
  if ('const' in s) return fc.constant(s['const']);
  if (Array.isArray(s['enum'])) return fc.constantFrom(...(s['enum'] as unknown[]));
  if (Array.isArray(s['anyOf'])) {
    return fc.oneof(...(s['anyOf'] as JsonSchema[]).map((b) => arbitraryOf(b, root, depth)));
  }
  switch (s['type']) {
    case 'string':
      return stringOf(s);
    case 'integer': {
      const min = typeof s['minimum'] === 'number' ? s['minimum'] : -1000;
      const max = typeof s['maximum'] === 'number' ? s['maximum'] : min + 100000;
      const above = typeof s['exclusiveMinimum'] === 'number' ? s['exclusiveMinimum'] + 1 : min;
      return fc.integer({ min: Math.max(min, above), max });
    }
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const maxLength = Math.min(typeof s['maxItems'] === 'number' ? s['maxItems'] : 3, 3);
      const minLength = typeof s['minItems'] === 'number' ? s['minItems'] : 0;
      const items = (s['items'] as JsonSchema | undefined) ?? { type: 'string' };
      return fc.array(arbitraryOf(items, root, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const properties = (s['properties'] as Record<string, JsonSchema> | undefined) ?? {};
      const required = new Set((s['required'] as string[] | undefined) ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, child] of Object.entries(properties)) {
        model[name] = arbitraryOf(child, root, depth + 1);
      }
      return fc.record(model, {
        requiredKeys: Object.keys(properties).filter((k) => required.has(k)),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** Every place in an event: where to break it. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_v, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((k) => paths((value as Record<string, unknown>)[k], [...prefix, k])),
  ];
}

const MAX_LENGTHS = [
  ...new Set(
    JSON.stringify(SCHEMAS)
      .match(/"maxLength":\d+/g)
      ?.map((m) => Number(m.split(':')[1])) ?? [],
  ),
];

/** Values near the edges of what contracts accept, and plain junk. */
const BREAKING_VALUE: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    '',
    ' ',
    0,
    -1,
    1.5,
    1e300,
    true,
    [],
    {},
    '2025-02-29T09:00:00Z',
    '2024-02-29T09:00:00Z',
    '2025-01-01T24:00:00Z',
    '2025-01-01T23:59:60Z',
    '2025-01-01t09:00:00z',
    '2025-01-01T09:00:00.1234567890Z',
    '2025-01-01 09:00:00Z',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '0195F2A1-0000-7000-8000-000000000001',
    'a@b',
    'a@b.c',
    'anna@例子.中国',
    'ANNA@EXAMPLE.COM',
  ),
  fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }),
  fc.emailAddress(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .constantFrom(...(MAX_LENGTHS.length ? MAX_LENGTHS : [10]))
    .chain((n) => fc.array(TRICKY_CHAR, { minLength: Math.max(0, n - 2), maxLength: n + 2 }))
    .map((chars) => chars.join('')),
);

export type Breakage = {
  action: 'delete' | 'replace' | 'add';
  at: number;
  value: unknown;
  key: string;
};

export const BREAKAGE: fc.Arbitrary<Breakage> = fc.record({
  action: fc.constantFrom('delete', 'replace', 'replace', 'add'),
  at: fc.nat(),
  value: BREAKING_VALUE,
  key: fc.constantFrom('extra', 'note', 'constructor', 'version', 'type'),
});

export function broken(event: unknown, b: Breakage): unknown {
  const copy = structuredClone(event) as Record<string | number, unknown>;
  const all = paths(copy);
  const path = all[b.at % all.length];
  if (path.length === 0) return b.action === 'replace' ? b.value : copy;
  const parent = path
    .slice(0, -1)
    .reduce<
      Record<string | number, unknown>
    >((node, k) => node[k] as Record<string | number, unknown>, copy);
  const last = path[path.length - 1];
  if (b.action === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (b.action === 'replace') {
    parent[last] = b.value;
  } else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      (target as Record<string, unknown>)[b.key] = b.value;
    } else {
      parent[last] = b.value;
    }
  }
  return copy;
}
