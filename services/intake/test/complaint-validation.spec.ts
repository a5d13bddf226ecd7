import fc from 'fast-check';
import { assertValidEnvelope } from '@complaints/contracts';
import {
  FieldProblem,
  requestValidationPipe,
  RequestValidationException,
  shapeProblem,
} from '@complaints/platform';
import { newComplaint } from '../src/complaints/complaint.factory';
import { complaintReceivedEvent } from '../src/complaints/complaint-received.event';
import { CreateComplaintDto } from '../src/complaints/dto/create-complaint.dto';
import { complaintRuleProblems } from '../src/complaints/validation/complaint-request.rules';
import { objectBodyProblem } from '../src/http/json-body-shape.hook';
import {
  aValidRequest,
  ALL_FIELDS,
  forbiddenControl,
  TEXT_FIELDS,
  VALID_ATTACHMENT,
  withField,
} from './support/complaint-request.arbitraries';

const pipe = requestValidationPipe();
const NOW = new Date();

type Outcome = { ok: true; dto: CreateComplaintDto } | { ok: false; problems: FieldProblem[] };

/** What intake does with a parsed body before storing it: shape, fields, then cross-field rules. */
async function validate(body: unknown): Promise<Outcome> {
  const shape = objectBodyProblem(body) ?? shapeProblem(body);
  if (shape) return { ok: false, problems: [shape] };
  try {
    const dto = (await pipe.transform(body, {
      type: 'body',
      metatype: CreateComplaintDto,
    })) as CreateComplaintDto;
    const problems = complaintRuleProblems(dto, NOW);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, dto };
  } catch (err) {
    if (err instanceof RequestValidationException) return { ok: false, problems: err.problems };
    throw err;
  }
}

const fieldsOf = (o: Outcome): string[] =>
  o.ok ? [] : [...new Set(o.problems.map((p) => p.field))].sort();

/** Starts from a body where `path` exists with a valid value (attachments.0 needs a whole attachment). */
function prepared(
  body: Record<string, unknown>,
  path: string,
  valid: unknown,
): Record<string, unknown> {
  const base = path.startsWith('attachments.')
    ? { ...body, attachments: [VALID_ATTACHMENT] }
    : body;
  return withField(base, path, valid);
}

describe('complaint validation, property-based (fast-check)', () => {
  it('accepts every valid request, and what it accepts makes a complaints.received.v1 event its contract accepts', async () => {
    await fc.assert(
      fc.asyncProperty(aValidRequest, async (body) => {
        const outcome = await validate(JSON.parse(JSON.stringify(body)));
        if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
        const complaint = newComplaint({
          callerSystem: 'web-portal',
          dto: outcome.dto,
          receivedAt: NOW,
          sequence: '1',
          decisionDays: 15,
        });
        // The messaging library stamps the producer when the event is published.
        const event = { ...complaintReceivedEvent(complaint), producer: 'intake' };
        assertValidEnvelope(JSON.parse(JSON.stringify(event)));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a control character anywhere in any text field, naming exactly that field', async () => {
    const field = fc.constantFrom(...TEXT_FIELDS);
    await fc.assert(
      fc.asyncProperty(
        aValidRequest,
        field.chain((f) =>
          fc.tuple(fc.constant(f), forbiddenControl(f.multiline), fc.nat(f.valid.length)),
        ),
        async (body, [f, control, at]) => {
          const bad = prepared(body, f.path, f.valid.slice(0, at) + control + f.valid.slice(at));
          expect(fieldsOf(await validate(bad))).toEqual([f.path]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a line break in one-line fields and an unpaired surrogate anywhere', async () => {
    const field = fc.constantFrom(...TEXT_FIELDS);
    await fc.assert(
      fc.asyncProperty(
        aValidRequest,
        field,
        fc.constantFrom('\ud800', '\udfff', '\ud83d'),
        async (body, f, surrogate) => {
          expect(
            fieldsOf(await validate(prepared(body, f.path, `${f.valid}${surrogate}`))),
          ).toEqual([f.path]);
          if (!f.multiline)
            expect(fieldsOf(await validate(prepared(body, f.path, `${f.valid}\n2`)))).toEqual([
              f.path,
            ]);
        },
      ),
    );
  });

  it('refuses a value of the wrong JSON type in any field, naming that field (or what is wrong inside it)', async () => {
    const wrongType = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string(), { maxKeys: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(
        aValidRequest,
        fc.constantFrom(...ALL_FIELDS),
        wrongType,
        async (body, path, value) => {
          // An integer is the right type for the one integer field.
          fc.pre(!(path.endsWith('sizeBytes') && Number.isInteger(value)));
          const fields = fieldsOf(
            await validate(JSON.parse(JSON.stringify(prepared(body, path, value)))),
          );
          expect(fields.length).toBeGreaterThan(0);
          for (const field of fields)
            expect(field === path || field.startsWith(`${path}.`)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses text one character over its limit and accepts it at the limit', async () => {
    const limits: [string, number][] = [
      ['subject', 200],
      ['description', 10_000],
      ['desiredOutcome', 2000],
      ['customer.name', 200],
      ['externalReference', 128],
      ['policyNumber', 40],
    ];
    await fc.assert(
      fc.asyncProperty(
        aValidRequest,
        fc.constantFrom(...limits),
        fc.constantFrom('a', '赔', '😀'),
        async (body, [path, max], ch) => {
          const atLimit =
            path === 'externalReference' || path === 'policyNumber'
              ? 'A'.repeat(max)
              : ch.repeat(max);
          const over =
            atLimit + (path === 'externalReference' || path === 'policyNumber' ? 'A' : ch);
          expect(fieldsOf(await validate(withField(body, path, over)))).toEqual([path]);
          expect(fieldsOf(await validate(withField(body, path, atLimit)))).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses every unknown field, at the top and inside the customer, naming it', async () => {
    const known = new Set([
      'channel',
      'externalReference',
      'customer',
      'complainedAbout',
      'policyNumber',
      'productLine',
      'subject',
      'description',
      'desiredOutcome',
      'incidentOccurredAt',
      'language',
      'attachments',
      'customerId',
      'name',
      'phone',
      'email',
      'idNumber',
    ]);
    const unknownKey = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !known.has(k) && k !== '__proto__' && !k.includes('.'));
    await fc.assert(
      fc.asyncProperty(
        aValidRequest,
        unknownKey,
        fc.jsonValue({ maxDepth: 2 }),
        fc.boolean(),
        async (body, key, value, nested) => {
          const path = nested ? `customer.${key}` : key;
          const fields = fieldsOf(await validate(withField(body, path, value)));
          expect(fields.length).toBeGreaterThan(0);
          for (const field of fields)
            expect(field === path || field.startsWith(`${path}.`)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never fails on arbitrary JSON other than by naming fields', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 12 }), async (body) => {
        const outcome = await validate(body);
        if (!outcome.ok) {
          expect(outcome.problems.length).toBeGreaterThan(0);
          for (const p of outcome.problems)
            expect(typeof p.field === 'string' && p.reason.length > 0).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses incident times in the future and before 1900', async () => {
    const future = fc
      .integer({ min: NOW.getTime() + 6 * 60_000, max: Date.UTC(9999, 0, 1) })
      .map((ms) => new Date(ms).toISOString());
    const ancient = fc
      .integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.UTC(1899, 11, 31, 23, 59) })
      .map((ms) => new Date(ms).toISOString());
    await fc.assert(
      fc.asyncProperty(aValidRequest, fc.oneof(future, ancient), async (body, when) => {
        expect(fieldsOf(await validate({ ...body, incidentOccurredAt: when }))).toEqual([
          'incidentOccurredAt',
        ]);
      }),
    );
  });
});
