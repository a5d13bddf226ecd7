import fc from 'fast-check';
import { EVENT_DEFINITIONS, EventDefinition } from '../events';
import { buildSchemas, JsonSchema } from '../json-schema';
import * as testing from '../testing';
import { compiledValidator, isClassValidated } from './compiled-validators';
import { arbitraryOf, BREAKAGE, broken, resolve } from '../testing/schema.arbitraries';
import {
  acceptedByCompiledSchema,
  validateEnvelope,
  validateEnvelopeWithClasses,
  ValidationMode,
} from './envelope.validator';

/**
 * The compiled JSON Schema validators decide what the pipeline accepts (validateEnvelope), so
 * they must accept and refuse exactly what the contract classes do, and build the same
 * instances. Every registered contract is held to that, found from EVENT_DEFINITIONS and the
 * published schemas (a new contract or a new optional field is covered without editing this
 * file): on the contracts' test corpus (every `a…Event`/`an…Event` factory of
 * @complaints/contracts/testing), on events generated from each contract's schema, and on those
 * events broken one field at a time.
 */

const MODES: ValidationMode[] = ['produce', 'consume'];
const SCHEMAS = buildSchemas();
const COMPILED = EVENT_DEFINITIONS.filter((d) => !isClassValidated(d));
const COMPILED_TYPES = new Set<string>(COMPILED.map((d) => d.type));
const RUNS = Number(process.env['CONTRACT_EQUIVALENCE_RUNS'] ?? 40);

function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** Class names and values of the whole tree, so an instance of the wrong class is a difference. */
function shape(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(shape);
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) fields[key] = shape(field);
  }
  return { class: (value as object).constructor.name, fields };
}

/**
 * The one known laxity where the classes accept more than their published schema, and so more
 * than the compiled validators: a nested object with `@ValidateNested` but no `@IsDefined` may
 * be left out (class-validator skips nested validation of `undefined`), while the schema lists
 * it as required (the customer of a received complaint, the actor of an assignment, ...); and
 * such an object given as an array is validated element by element (so `[]` passes).
 * validateEnvelope still answers as the classes do (the compiled validator refuses, then
 * class-validator accepts), so nothing changes for producers or consumers; the fix is
 * `@IsDefined()` on those fields. Any other difference fails.
 */
function missingRequiredNested(raw: unknown, node: JsonSchema, root: JsonSchema): boolean {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const s = resolve(node, root);
  const properties = (s['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  const required = (s['required'] as string[] | undefined) ?? [];
  const value = raw as Record<string, unknown>;
  for (const [name, child] of Object.entries(properties)) {
    if (value[name] === undefined) {
      if (required.includes(name) && typeof child['$ref'] === 'string') return true;
    } else if (Array.isArray(value[name]) && typeof child['$ref'] === 'string') {
      // The same laxity: `@ValidateNested` validates an array's elements, so `[]` passes.
      return true;
    } else if (
      typeof child['$ref'] === 'string' &&
      missingRequiredNested(value[name], child, root)
    ) {
      return true;
    } else if (
      Array.isArray(value[name]) &&
      typeof (child['items'] as JsonSchema | undefined)?.['$ref'] === 'string'
    ) {
      // An array of nested objects (`@ValidateNested({ each: true })`): an element given as an
      // array is validated element by element too, so `[]` in place of an attachment passes.
      const items = child['items'] as JsonSchema;
      for (const element of value[name] as unknown[]) {
        if (Array.isArray(element) || missingRequiredNested(element, items, root)) return true;
      }
    }
  }
  return false;
}

function missingKnownNested(raw: unknown): boolean {
  const type = (raw as { type?: unknown } | null)?.type;
  const definition = EVENT_DEFINITIONS.find((d) => d.type === type);
  const schema = definition && SCHEMAS[definition.topic];
  return schema !== undefined && missingRequiredNested(raw, schema, schema);
}

function hasPrototypeKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  return Object.keys(value).some(
    (key) =>
      (!Array.isArray(value) && key in Object.prototype) ||
      hasPrototypeKey((value as Record<string, unknown>)[key]),
  );
}

/** class-validator's verdict; class-transformer throws on some hostile shapes: a refusal. */
function classesVerdict(raw: unknown, mode: ValidationMode): ReturnType<typeof validateEnvelope> {
  try {
    return validateEnvelopeWithClasses(structuredClone(raw), mode);
  } catch (err) {
    return {
      ok: false,
      code: 'CONTRACT.INVALID',
      errors: [{ field: 'thrown', reason: String(err) }],
    };
  }
}

/** Both validators' verdicts on one input; a difference is described, agreement is undefined. */
function disagreement(raw: unknown, mode: ValidationMode): string | undefined {
  const before = JSON.stringify(raw);
  const classes = classesVerdict(raw, mode);
  if (hasPrototypeKey(raw)) {
    // The compiled path steps aside for these (UnusualKeyError): the answer is the classes'.
    let answer: unknown;
    try {
      answer = validateEnvelope(structuredClone(raw), mode);
    } catch (err) {
      answer = {
        ok: false,
        code: 'CONTRACT.INVALID',
        errors: [{ field: 'thrown', reason: String(err) }],
      };
    }
    const same = JSON.stringify(answer) === JSON.stringify(classes);
    return same ? undefined : `${mode}: validateEnvelope differs from the classes: ${before}`;
  }
  const compiled = acceptedByCompiledSchema(raw, mode);
  if (JSON.stringify(raw) !== before) return 'the compiled validator changed its input';
  if (classes.ok && compiled === undefined && missingKnownNested(raw)) return undefined;
  if (classes.ok !== (compiled !== undefined)) {
    const why = classes.ok ? 'only the classes accept' : 'only the schema accepts';
    const errors = classes.ok ? '' : ` (classes: ${JSON.stringify(classes.errors)})`;
    return `${mode}: ${why}${errors}: ${before.slice(0, 1500)}`;
  }
  if (classes.ok && compiled) {
    const a = JSON.stringify(shape(classes.envelope));
    const b = JSON.stringify(shape(compiled));
    if (a !== b) return `${mode}: accepted, but built differently:\n${a}\n${b}`;
  }
  return undefined;
}

function expectAgreement(raw: unknown): void {
  for (const mode of MODES) {
    const difference = disagreement(raw, mode);
    if (difference) throw new Error(difference);
  }
}

// ---- the contracts' own test corpus ----------------------------------------------------------

const FACTORY_EVENTS: [string, unknown][] = Object.entries(testing)
  .filter(([name, f]) => /^an?[A-Z]\w*Event$/.test(name) && typeof f === 'function')
  .map(([name, f]): [string, unknown] => [name, wire((f as () => unknown)())])
  .filter(([, event]) => COMPILED_TYPES.has((event as { type: string }).type));

// ---- the proofs ------------------------------------------------------------------------------

describe('compiled contract validators agree with the contract classes', () => {
  it('every contract has a compiled validator, unless its class has a conditional rule', () => {
    for (const definition of EVENT_DEFINITIONS) {
      const expected = !isClassValidated(definition);
      expect([definition.type, compiledValidator(definition, 'produce') !== undefined]).toEqual([
        definition.type,
        expected,
      ]);
    }
    expect(COMPILED.length).toBeGreaterThan(10);
  });

  it('the test corpus has events of every compiled contract', () => {
    const types = new Set(FACTORY_EVENTS.map(([, e]) => (e as { type: string }).type));
    expect(COMPILED.map((d) => d.type).filter((t) => !types.has(t))).toEqual([]);
  });

  it.each(FACTORY_EVENTS)('the corpus event %s: same verdict and instances', (_name, event) => {
    expectAgreement(event);
    expect(validateEnvelope(event).ok).toBe(true);
  });

  it.each(FACTORY_EVENTS)('the corpus event %s broken one field at a time', (_name, event) => {
    fc.assert(
      fc.property(BREAKAGE, (b) => {
        expectAgreement(broken(event, b));
      }),
      { numRuns: RUNS },
    );
  });

  describe.each(COMPILED.map((d): [string, EventDefinition] => [d.type, d]))(
    '%s: events generated from its published schema',
    (_type, definition) => {
      const schema = SCHEMAS[definition.topic];
      const events = arbitraryOf(schema, schema);

      it('are accepted by both, as the same instances', () => {
        fc.assert(
          fc.property(events, (event) => {
            expectAgreement(event);
            // The generator writes what the schema allows: the classes must accept all of it.
            const verdict = classesVerdict(event, 'produce');
            if (!verdict.ok) throw new Error(`refused: ${JSON.stringify(verdict.errors)}`);
          }),
          { numRuns: RUNS },
        );
      });

      it('broken one field at a time: accepted or refused by both', () => {
        fc.assert(
          fc.property(events, BREAKAGE, (event, b) => {
            expectAgreement(broken(event, b));
          }),
          { numRuns: RUNS * 2 },
        );
      });
    },
  );

  it('an attachment given as an array is the known laxity: validateEnvelope answers as the classes', () => {
    // Found by fast-check in CI: attachments[1] = [] (class-validator validates its elements).
    const event = wire(testing.aReceivedEvent()) as { payload: Record<string, unknown> };
    const attachment = (event.payload['attachments'] as unknown[] | undefined)?.[0] ?? {
      name: 'a.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 1,
      sha256: '0'.repeat(64),
      location: 's3://bucket/a.pdf',
    };
    event.payload['attachments'] = [attachment, []];
    expect(disagreement(event, 'consume')).toBeUndefined();
    expect(validateEnvelope(structuredClone(event)).ok).toBe(classesVerdict(event, 'consume').ok);
  });

  it('a refused event gets the classes’ field and reason, and is not changed', () => {
    const event = wire(testing.aReceivedEvent()) as Record<string, unknown>;
    const payload = event['payload'] as Record<string, unknown>;
    payload['subject'] = '';
    event['extra'] = 1;
    const before = JSON.stringify(event);
    for (const mode of MODES) {
      expect(validateEnvelope(event, mode)).toEqual(validateEnvelopeWithClasses(event, mode));
    }
    expect(validateEnvelope(event, 'produce')).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([
        { field: 'extra', reason: 'property extra should not exist' },
        { field: 'payload.subject', reason: expect.stringContaining('subject') },
      ]),
    });
    expect(JSON.stringify(event)).toBe(before);
  });

  it('consuming, unknown fields are dropped from the result (the whitelist), not from the input', () => {
    const event = wire(testing.aReceivedEvent()) as Record<string, unknown>;
    (event['payload'] as Record<string, unknown>)['addedLater'] = 'x';
    const result = validateEnvelope(event, 'consume');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.envelope.payload).not.toHaveProperty('addedLater');
    expect(event['payload']).toHaveProperty('addedLater', 'x');
    expect(validateEnvelope(event, 'produce').ok).toBe(false);
  });
});
