import { isISO8601, ValidateBy, ValidationArguments } from 'class-validator';

export interface TextRule {
  /** characters (code points) */
  max: number;
  /** Free text that may hold line breaks and tabs; otherwise one line with no control characters. */
  multiline?: boolean;
  pattern?: RegExp;
  /** Why a value not matching `pattern` is refused, after the field name. */
  patternReason?: string;
}

/**
 * Why `value` is not acceptable text, or undefined. Rejects, besides wrong types, blank
 * strings and over-long ones: C0 and C1 control characters (only \t \n \r, and only in
 * multi-line text, pass) and unpaired UTF-16 surrogates, which are not text, and which
 * PostgreSQL refuses to store (NUL, lone surrogates in jsonb).
 */
export function textProblem(value: unknown, rule: TextRule): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.trim().length === 0) return 'must not be empty or blank';
  let characters = 0;
  for (let i = 0; i < value.length; i++) {
    characters++;
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `must be valid Unicode text (unpaired surrogate at character ${characters})`;
    }
    if (c >= 0xdc00 && c <= 0xdfff)
      return `must be valid Unicode text (unpaired surrogate at character ${characters})`;
    const lineBreakOrTab = c === 0x09 || c === 0x0a || c === 0x0d;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      if (lineBreakOrTab && rule.multiline) continue;
      const code = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      return lineBreakOrTab
        ? `must be a single line (${code} at character ${characters})`
        : `must not contain control characters (${code} at character ${characters})`;
    }
  }
  if (characters > rule.max) return `must be at most ${rule.max} characters (got ${characters})`;
  if (rule.pattern && !rule.pattern.test(value))
    return rule.patternReason ?? `must match ${rule.pattern.source}`;
  return undefined;
}

/** One decorator, one reason: the first thing wrong with the text, in the order above. */
export function IsText(rule: TextRule): PropertyDecorator {
  return ValidateBy({
    name: 'isText',
    validator: {
      validate: (value: unknown) => textProblem(value, rule) === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} ${textProblem(args?.value, rule)}`,
    },
  });
}

export function integerProblem(value: unknown, min: number, max: number): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be an integer';
  if (value < min || value > max) return `must be between ${min} and ${max}`;
  return undefined;
}

export function IsIntegerBetween(min: number, max: number): PropertyDecorator {
  return ValidateBy({
    name: 'isIntegerBetween',
    validator: {
      validate: (value: unknown) => integerProblem(value, min, max) === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} ${integerProblem(args?.value, min, max)}`,
    },
  });
}

/** RFC 3339 date-time with its offset: a time without a zone would be ambiguous. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
/** Earliest incident the API takes; older dates are typing mistakes. */
export const EARLIEST_INCIDENT = Date.UTC(1900, 0, 1);

export function dateTimeProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (!DATE_TIME.test(value))
    return 'must be an RFC 3339 date-time with offset, e.g. 2026-01-05T09:30:00+08:00';
  if (
    !isISO8601(value, { strict: true, strictSeparator: true }) ||
    Number.isNaN(Date.parse(value))
  ) {
    return 'must be a real calendar date and time';
  }
  if (Date.parse(value) < EARLIEST_INCIDENT) return 'must not be before 1900-01-01';
  return undefined;
}

export function IsIncidentDateTime(): PropertyDecorator {
  return ValidateBy({
    name: 'isIncidentDateTime',
    validator: {
      validate: (value: unknown) => dateTimeProblem(value) === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} ${dateTimeProblem(args?.value)}`,
    },
  });
}
