import { aComplaintRequest } from './support/complaint-requests';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(60_000);

interface BadRequest {
  name: string;
  status: number;
  code: string;
  /** Field names the problem's errors[] must list, exactly (sorted); omitted: no errors[]. */
  fields?: string[];
  /** JSON body; `raw` sends text as is instead. */
  body?: unknown;
  raw?: string;
  /** null sends no content type. */
  contentType?: string | null;
  headers?: Record<string, string>;
  /** A GET of this URL instead of the POST. */
  get?: string;
}

const valid = (overrides: Record<string, unknown> = {}): Record<string, unknown> =>
  aComplaintRequest(overrides);
const without = (
  field: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> => {
  const { [field]: _dropped, ...rest } = valid(overrides);
  return rest;
};
const customer = (c: Record<string, unknown>) => ({ customer: c });
const anAttachment = (overrides: Record<string, unknown> = {}) => ({
  name: 'claim-letter.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 52_133,
  sha256: 'a'.repeat(64),
  location: 's3://web-portal-uploads/claims/778812/letter.pdf',
  ...overrides,
});
const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);

const TABLE: BadRequest[] = [
  // The body itself
  {
    name: 'malformed JSON',
    status: 400,
    code: 'REQUEST.MALFORMED_JSON',
    raw: '{"channel": "web",',
  },
  {
    name: 'JSON followed by garbage',
    status: 400,
    code: 'REQUEST.MALFORMED_JSON',
    raw: '{} trailing',
  },
  {
    name: 'single-quoted JSON',
    status: 400,
    code: 'REQUEST.MALFORMED_JSON',
    raw: "{'channel': 'web'}",
  },
  {
    name: 'prototype pollution',
    status: 400,
    code: 'REQUEST.MALFORMED_JSON',
    raw: '{"__proto__": {"admin": true}}',
  },
  { name: 'empty body', status: 400, code: 'REQUEST.EMPTY_BODY', raw: '' },
  { name: 'a JSON array', status: 400, code: 'REQUEST.INVALID', fields: ['body'], body: [valid()] },
  { name: 'JSON null', status: 400, code: 'REQUEST.INVALID', fields: ['body'], raw: 'null' },
  {
    name: 'a JSON string',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['body'],
    raw: '"a complaint"',
  },
  {
    name: 'nesting 10 levels deep',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['extra.0.0.0.0.0.0.0'],
    body: valid({ extra: nested(10) }),
  },
  {
    name: 'text/plain',
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    raw: 'my claim',
    contentType: 'text/plain',
  },
  {
    name: 'a form',
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    raw: 'channel=web&subject=x',
    contentType: 'application/x-www-form-urlencoded',
  },
  {
    name: 'XML',
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    raw: '<complaint/>',
    contentType: 'application/xml',
  },
  {
    name: 'no content type',
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    raw: '{}',
    contentType: null,
  },
  {
    name: 'JSON in Latin-1',
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    body: valid(),
    contentType: 'application/json; charset=iso-8859-1',
  },
  {
    name: 'a body over MAX_BODY_BYTES',
    status: 413,
    code: 'REQUEST.TOO_LARGE',
    body: valid({ description: 'x'.repeat(300 * 1024) }),
  },
  // Fields: presence, unknown fields, types, enums
  {
    name: 'an empty object',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['channel', 'customer', 'description', 'externalReference', 'productLine', 'subject'],
    body: {},
  },
  {
    name: 'an unknown field',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['surprise'],
    body: valid({ surprise: 1 }),
  },
  {
    name: 'an unknown nested field',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer.nickname'],
    body: valid(customer({ name: 'Wang Fang', phone: '+86 139 1234 5678', nickname: 'W' })),
  },
  {
    name: 'callerSystem in the body (it comes from the key)',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['callerSystem'],
    body: valid({ callerSystem: 'someone-else' }),
  },
  {
    name: 'an unknown channel',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['channel'],
    body: valid({ channel: 'fax' }),
  },
  {
    name: 'a channel that is a number',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['channel'],
    body: valid({ channel: 3 }),
  },
  {
    name: 'an unknown product line',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['productLine'],
    body: valid({ productLine: 'pet' }),
  },
  {
    name: 'an unsupported language',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['language'],
    body: valid({ language: 'fr' }),
  },
  {
    name: 'a subject that is a number',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['subject'],
    body: valid({ subject: 42 }),
  },
  {
    name: 'a subject that is an array',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['subject'],
    body: valid({ subject: ['a'] }),
  },
  {
    name: 'a missing description',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['description'],
    body: without('description'),
  },
  {
    name: 'a customer that is a string',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer'],
    body: valid({ customer: 'Wang' }),
  },
  {
    name: 'a customer that is null',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer'],
    body: valid({ customer: null }),
  },
  {
    name: 'a customer without a name',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer.name'],
    body: valid(customer({ phone: '+86 139 1234 5678' })),
  },
  {
    name: 'an invalid e-mail',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer.email'],
    body: valid(customer({ name: 'Wang Fang', email: 'wang at example' })),
  },
  {
    name: 'a phone number with letters',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer.phone'],
    body: valid(customer({ name: 'Wang Fang', phone: 'call me maybe' })),
  },
  {
    name: 'an optional field sent as null',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['policyNumber'],
    body: valid({ policyNumber: null }),
  },
  {
    name: 'an empty desired outcome',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['desiredOutcome'],
    body: valid({ desiredOutcome: '' }),
  },
  {
    name: 'a key named like an Object member (toString)',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer.toString'],
    body: valid(customer({ name: 'Wang Fang', phone: '+86 139 1234 5678', toString: 'x' })),
  },
  {
    name: 'a constructor field',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['constructor'],
    body: valid({ constructor: { name: 'x' } }),
  },
  // Lengths and characters
  {
    name: 'a description over 10,000 characters',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['description'],
    body: valid({ description: '赔'.repeat(10_001) }),
  },
  {
    name: 'a blank description',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['description'],
    body: valid({ description: ' \n\t ' }),
  },
  {
    name: 'a subject over 200 characters',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['subject'],
    body: valid({ subject: 's'.repeat(201) }),
  },
  {
    name: 'a policy number over 40 characters',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['policyNumber'],
    body: valid({ policyNumber: 'P'.repeat(41) }),
  },
  {
    name: 'an external reference over 128 characters',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['externalReference'],
    body: valid({ externalReference: 'R'.repeat(129) }),
  },
  {
    name: 'an external reference with spaces',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['externalReference'],
    body: valid({ externalReference: 'WEB 1001' }),
  },
  {
    name: 'a line break in the subject',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['subject'],
    body: valid({ subject: 'Claim\ndelayed' }),
  },
  {
    name: 'NUL in the description',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['description'],
    body: valid({ description: 'Claim\u0000delayed' }),
  },
  {
    name: 'ESC in the description',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['description'],
    body: valid({ description: 'red \u001b[31m text' }),
  },
  {
    name: 'a C1 control (NEL) in the description',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['description'],
    body: valid({ description: 'a\u0085b' }),
  },
  {
    name: 'DEL in the desired outcome',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['desiredOutcome'],
    body: valid({ desiredOutcome: 'pay\u007f' }),
  },
  {
    name: 'BEL in the customer name',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer.name'],
    body: valid(customer({ name: 'Wang\u0007Fang', phone: '+86 139 1234 5678' })),
  },
  {
    name: 'an unpaired surrogate in the subject',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['subject'],
    raw: JSON.stringify(valid({ subject: 'x' })).replace('"subject":"x"', '"subject":"\\ud800x"'),
  },
  // Dates
  {
    name: '30 February',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['incidentOccurredAt'],
    body: valid({ incidentOccurredAt: '2026-02-30T10:00:00Z' }),
  },
  {
    name: 'month 13',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['incidentOccurredAt'],
    body: valid({ incidentOccurredAt: '2025-13-01T10:00:00Z' }),
  },
  {
    name: 'hour 25',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['incidentOccurredAt'],
    body: valid({ incidentOccurredAt: '2025-03-01T25:00:00Z' }),
  },
  {
    name: 'a date without a time',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['incidentOccurredAt'],
    body: valid({ incidentOccurredAt: '2026-01-05' }),
  },
  {
    name: 'a time without an offset',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['incidentOccurredAt'],
    body: valid({ incidentOccurredAt: '2026-01-05T10:00:00' }),
  },
  {
    name: 'an incident tomorrow',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['incidentOccurredAt'],
    body: valid({ incidentOccurredAt: tomorrow }),
  },
  {
    name: 'an incident before 1900',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['incidentOccurredAt'],
    body: valid({ incidentOccurredAt: '1899-12-31T23:59:59Z' }),
  },
  {
    name: 'an incident time as a number',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['incidentOccurredAt'],
    body: valid({ incidentOccurredAt: 1767600000000 }),
  },
  // What each channel needs
  {
    name: 'the phone channel without a phone',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer.phone'],
    body: valid({
      channel: 'phone',
      customer: { name: 'Wang Fang', email: 'wang.fang@example.cn' },
    }),
  },
  {
    name: 'the email channel without an e-mail',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer.email'],
    body: valid({ channel: 'email', customer: { name: 'Wang Fang', phone: '+86 139 1234 5678' } }),
  },
  {
    name: 'a regulator referral without an ID number',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer.idNumber'],
    body: valid({
      channel: 'regulator_referral',
      customer: { name: 'Zhao Min', phone: '+86 131 4444 5555' },
    }),
  },
  {
    name: 'the web channel without any contact',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['customer'],
    body: valid({ channel: 'web', customer: { name: 'Wang Fang' } }),
  },
  {
    name: 'complainedAbout naming nobody',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['complainedAbout'],
    body: valid({ complainedAbout: {} }),
  },
  // Attachments
  {
    name: 'attachments that are not a list',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['attachments'],
    body: valid({ attachments: {} }),
  },
  {
    name: '21 attachments',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['attachments'],
    body: valid({ attachments: Array.from({ length: 21 }, () => anAttachment()) }),
  },
  {
    name: 'an upper-case digest',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['attachments.0.sha256'],
    body: valid({ attachments: [anAttachment({ sha256: 'A'.repeat(64) })] }),
  },
  {
    name: 'a size as a string',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['attachments.0.sizeBytes'],
    body: valid({ attachments: [anAttachment({ sizeBytes: '12' })] }),
  },
  {
    name: 'a fractional size',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['attachments.0.sizeBytes'],
    body: valid({ attachments: [anAttachment({ sizeBytes: 1.5 })] }),
  },
  {
    name: 'a file over 100 MiB',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['attachments.0.sizeBytes'],
    body: valid({ attachments: [anAttachment({ sizeBytes: 100 * 1024 * 1024 + 1 })] }),
  },
  {
    name: 'a media type without a subtype',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['attachments.0.mediaType'],
    body: valid({ attachments: [anAttachment({ mediaType: 'pdf' })] }),
  },
  {
    name: 'an attachment that is a number',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['attachments.1'],
    body: valid({ attachments: [anAttachment(), 42] }),
  },
  // Several at once: every bad field named
  {
    name: 'three bad fields at once',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['channel', 'subject', 'surprise'],
    body: without('subject', { channel: 'fax', surprise: true }),
  },
  // Headers and the read side
  {
    name: 'an Idempotency-Key with a space',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['Idempotency-Key'],
    body: valid(),
    headers: { 'idempotency-key': 'two words' },
  },
  {
    name: 'a lookup without a reference',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['externalReference'],
    get: '/v1/complaints',
  },
  {
    name: 'a lookup with two references',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['externalReference'],
    get: '/v1/complaints?externalReference=A-1&externalReference=B-2',
  },
  {
    name: 'a lookup with an unknown parameter',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['page'],
    get: '/v1/complaints?externalReference=A-1&page=2',
  },
  {
    name: 'a status of an id that is no UUID',
    status: 400,
    code: 'REQUEST.INVALID',
    fields: ['id'],
    get: '/v1/complaints/12345',
  },
];

describe('intake: refusing bad requests (problem+json naming each field; nothing stored)', () => {
  let intake: IntakeTestApp;
  let key: string;

  beforeAll(async () => {
    intake = await startIntake('intake_bad');
    key = (await intake.newKey('table-tester')).key;
  });

  afterAll(async () => {
    await intake?.close();
  });

  it('has at least 40 bad requests in its table', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(TABLE.map((t) => t.name)).size).toBe(TABLE.length);
  });

  it.each(TABLE)('$name: $status $code', async (bad) => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, ...bad.headers };
    if (bad.contentType !== null && !bad.get)
      headers['content-type'] = bad.contentType ?? 'application/json';
    const res = await intake.inject(
      bad.get
        ? { method: 'GET', url: bad.get, headers }
        : {
            method: 'POST',
            url: '/v1/complaints',
            headers,
            payload: bad.raw ?? JSON.stringify(bad.body),
          },
    );
    expect({ status: res.statusCode, body: res.json() }).toMatchObject({
      status: bad.status,
      body: { status: bad.status, code: bad.code },
    });
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json() as {
      title: string;
      type: string;
      errors?: { field: string; reason: string }[];
    };
    expect(problem.title).toEqual(expect.any(String));
    if (bad.fields) {
      expect([...new Set((problem.errors ?? []).map((e) => e.field))].sort()).toEqual(
        [...bad.fields].sort(),
      );
      for (const e of problem.errors ?? []) expect(e.reason.length).toBeGreaterThan(3);
    } else {
      expect(problem.errors).toBeUndefined();
    }
  });

  it('stored no complaint, no event and no idempotency record for any of them', async () => {
    expect(await intake.counts()).toEqual({ complaints: 0, outbox: 0, idempotency: 0 });
  });
});
