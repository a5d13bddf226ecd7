import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import {
  getMetadataStorage,
  isEmail,
  isISO4217CurrencyCode,
  isISO8601,
  isUUID,
  maxLength,
  ValidationTypes,
} from 'class-validator';
import { isPresent } from './contract.decorators';
import { CURRENCY_CODE_PATTERN } from './contract.patterns';
import { EventDefinition, PayloadClass } from '../events';
import { buildSchemas, JsonSchema } from '../json-schema';
import type { ValidationMode } from './envelope.validator';

/**
 * Contracts whose class says something the published JSON Schema cannot keep class-validator
 * on every path: those with a conditional rule (`@ValidateIf`, e.g. a field required or checked
 * only for some `action`; `@OptionalNotNull` is not one), found from class-validator's metadata on the payload class and every
 * class nested in it, so a new contract with one is handled without being listed. Today:
 * `complaint.clock-changed` and `complaint.major-incident`. (The envelope's own `@ValidateIf`
 * on `causationId` is `anyOf [uuid, null]` in the schema.)
 */
export function isClassValidated(definition: EventDefinition): boolean {
  let conditional = conditionalContracts.get(definition.payload);
  if (conditional === undefined) {
    conditional = hasConditionalRule(definition.payload, new Set());
    conditionalContracts.set(definition.payload, conditional);
  }
  return conditional;
}

const conditionalContracts = new Map<PayloadClass, boolean>();

function hasConditionalRule(cls: PayloadClass, seen: Set<PayloadClass>): boolean {
  if (seen.has(cls)) return false;
  seen.add(cls);
  const rules = getMetadataStorage().getTargetValidationMetadatas(cls, '', false, false);
  const conditional = rules.some(
    (rule) =>
      rule.type === ValidationTypes.CONDITIONAL_VALIDATION && rule.constraints?.[0] !== isPresent,
  );
  if (conditional) return true;
  return rules.some((rule) => {
    const nested = nestedClass(cls, rule.propertyName);
    return nested !== undefined && hasConditionalRule(nested, seen);
  });
}

/**
 * ajv validators compiled from the JSON Schemas the contracts publish (`buildSchemas()`, the
 * same objects `npm run contracts:schemas` writes to libs/contracts/schemas, which
 * json-schema.spec.ts holds equal to the files), so a regenerated contract is picked up at the
 * next start without a manual step. Keywords whose class-validator meaning differs from the
 * JSON Schema one are given class-validator's meaning here:
 * - formats `uuid`, `date-time`, `email` are class-validator's own `isUUID()`,
 *   `isISO8601({ strict, strictSeparator })` (what `@IsUtcTimestamp` uses) and `isEmail()`;
 * - `maxLength` is class-validator's `maxLength` (validator.js counts a surrogate pair and a
 *   character with its variation selector as one);
 * - patterns run as plain JavaScript RegExps (no `u` flag), as `@Matches` runs them;
 * - a currency (`CURRENCY_CODE_PATTERN`, which the classes pair with
 *   `@IsISO4217CurrencyCode`) must also be in ISO 4217's list, as class-validator checks.
 * Consuming, unknown fields are removed (class-validator's whitelist); producing, they fail.
 * These validators only decide acceptance: a refused event is validated again with
 * class-validator, so the field and reason people and dead-letter headers see are unchanged.
 */
const compiled = new Map<string, ValidateFunction>();
let ajvs: Record<ValidationMode, Ajv2020> | undefined;
let schemas: Record<string, JsonSchema> | undefined;

export function compiledValidator(
  definition: EventDefinition,
  mode: ValidationMode,
): ValidateFunction | undefined {
  if (isClassValidated(definition)) return undefined;
  const key = `${mode}\u0000${definition.topic}`;
  let validate = compiled.get(key);
  if (!validate) {
    schemas ??= buildSchemas();
    const schema = schemas[definition.topic];
    if (!schema) return undefined;
    ajvs ??= { produce: newAjv('produce'), consume: newAjv('consume') };
    validate = ajvs[mode].compile(withClassValidatorKeywords(schema) as JsonSchema);
    compiled.set(key, validate);
  }
  return validate;
}

function newAjv(mode: ValidationMode): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: false,
    strict: false,
    unicodeRegExp: false,
    validateFormats: true,
    removeAdditional: mode === 'consume' ? true : false,
  });
  ajv.addFormat('uuid', { type: 'string', validate: (v: string) => isUUID(v) });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (v: string) => isISO8601(v, { strict: true, strictSeparator: true }),
  });
  ajv.addFormat('email', { type: 'string', validate: (v: string) => isEmail(v) });
  ajv.addKeyword({
    keyword: 'cvCurrency',
    type: 'string',
    schemaType: 'boolean',
    validate: (_on: boolean, value: string) => isISO4217CurrencyCode(value),
    errors: false,
  });
  ajv.addKeyword({
    keyword: 'cvMaxLength',
    type: 'string',
    schemaType: 'number',
    validate: (max: number, value: string) => maxLength(value, max),
    errors: false,
  });
  return ajv;
}

/** A copy of the schema with class-validator's keywords above in place of JSON Schema's. */
function withClassValidatorKeywords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withClassValidatorKeywords);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'maxLength' && typeof value === 'number') out['cvMaxLength'] = value;
    else if (key === 'pattern' && value === CURRENCY_CODE_PATTERN.source) {
      out[key] = value;
      out['cvCurrency'] = true;
    } else if (key === 'properties' || key === '$defs') {
      const children: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(value as Record<string, unknown>))
        children[name] = withClassValidatorKeywords(child);
      out[key] = children;
    } else out[key] = withClassValidatorKeywords(value);
  }
  return out;
}

/**
 * class-transformer keeps its `@Type` metadata in a storage it does not export from the
 * package root (see json-schema.ts).
 */
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: {
    findTypeMetadata(
      target: object,
      property: string,
    ): { typeFunction: () => PayloadClass } | undefined;
  };
};

const nestedClasses = new Map<PayloadClass, Map<string, PayloadClass | null>>();

/**
 * What `plainToInstance(cls, plain)` builds for the contract classes (no `@Expose`,
 * `@Exclude` or `@Transform` in them, only `@Type`), without class-transformer's per-property
 * metadata searches, which were half of the validation's time: a new instance of the class,
 * every key copied, nested `@Type` classes (and arrays of them) as instances, other objects
 * and arrays copied. The equivalence spec compares the result with class-transformer's.
 */
export function instantiate<T extends object>(cls: PayloadClass<T>, plain: unknown): T {
  return build(cls, plain) as T;
}

/**
 * Thrown by `instantiate` for a key named like a member of Object.prototype (`constructor`,
 * `toString`, `__proto__`...): class-transformer does not build those the same way (it throws
 * on some), so such input takes class-validator's path, whatever it does there.
 */
export class UnusualKeyError extends Error {}

function build(cls: PayloadClass | undefined, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => build(cls, item));
  const out = (cls ? new cls() : {}) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (key in Object.prototype) throw new UnusualKeyError(key);
    out[key] = build(
      cls ? nestedClass(cls, key) : undefined,
      (value as Record<string, unknown>)[key],
    );
  }
  return out;
}

function nestedClass(cls: PayloadClass, key: string): PayloadClass | undefined {
  let byKey = nestedClasses.get(cls);
  if (!byKey) {
    byKey = new Map();
    nestedClasses.set(cls, byKey);
  }
  let nested = byKey.get(key);
  if (nested === undefined) {
    nested = defaultMetadataStorage.findTypeMetadata(cls, key)?.typeFunction() ?? null;
    byKey.set(key, nested);
  }
  return nested ?? undefined;
}
