import fc from 'fast-check';
import { INTAKE_CHANNELS, LANGUAGES, PRODUCT_LINES } from '@complaints/contracts';
import type { IntakeChannel } from '@complaints/contracts';

/** Characters the API takes in any text: printable ASCII, the BMP beyond C1 (no surrogates), astral planes. */
const TEXT_CHAR = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0xa0, max: 0xd7ff }).map((c) => String.fromCharCode(c)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }).map((c) => String.fromCharCode(c)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  },
);
const LINE_BREAK_OR_TAB = fc.constantFrom('\n', '\r', '\t', '\r\n');

/** One line of text, not blank, at most `max` characters. */
export const lineText = (max: number): fc.Arbitrary<string> =>
  fc
    .string({ unit: TEXT_CHAR, minLength: 1, maxLength: Math.min(max, 60) })
    .filter((s) => s.trim().length > 0);

/** Free text with line breaks and tabs, not blank. */
export const multilineText = (max: number): fc.Arbitrary<string> =>
  fc
    .string({
      unit: fc.oneof(
        { weight: 9, arbitrary: TEXT_CHAR },
        { weight: 1, arbitrary: LINE_BREAK_OR_TAB },
      ),
      minLength: 1,
      maxLength: Math.min(max, 200),
    })
    .filter((s) => s.trim().length > 0);

/** C0 and C1 control characters and DEL; in multi-line text \t \n \r are allowed, so not among these. */
export const forbiddenControl = (multiline: boolean): fc.Arbitrary<string> =>
  fc
    .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
    .filter((c) => !multiline || ![0x09, 0x0a, 0x0d].includes(c))
    .map((c) => String.fromCharCode(c));

const phone = fc.stringMatching(/^\+?[0-9][0-9 ()-]{4,30}$/);
const email = fc.stringMatching(
  /^[a-z][a-z0-9]{0,10}(\.[a-z0-9]{1,5})?@[a-z][a-z0-9]{0,10}\.(com|cn|org|net)$/,
);
const idNumber = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{3,31}$/);

const CONTACTS_BY_CHANNEL: Record<IntakeChannel, 'phone' | 'email' | 'idNumber' | 'phoneOrEmail'> =
  {
    phone: 'phone',
    email: 'email',
    web: 'phoneOrEmail',
    app: 'phoneOrEmail',
    branch: 'phoneOrEmail',
    social: 'phoneOrEmail',
    regulator_referral: 'idNumber',
  };

const customerFor = (channel: IntakeChannel) =>
  fc
    .record(
      {
        customerId: lineText(64),
        name: lineText(200),
        phone,
        email,
        idNumber,
      },
      { requiredKeys: ['name'] },
    )
    .chain((c) =>
      fc.record({ phone, email, idNumber, pickEmail: fc.boolean() }).map((extra) => {
        const need = CONTACTS_BY_CHANNEL[channel];
        if (need === 'phone') return { ...c, phone: c.phone ?? extra.phone };
        if (need === 'email') return { ...c, email: c.email ?? extra.email };
        if (need === 'idNumber') return { ...c, idNumber: c.idNumber ?? extra.idNumber };
        if (c.phone || c.email) return c;
        return extra.pickEmail ? { ...c, email: extra.email } : { ...c, phone: extra.phone };
      }),
    );

export const anAttachment = fc.record({
  name: lineText(255),
  mediaType: fc.constantFrom(
    'application/pdf',
    'image/png',
    'image/jpeg',
    'text/plain',
    'audio/mpeg',
  ),
  sizeBytes: fc.integer({ min: 0, max: 100 * 1024 * 1024 }),
  sha256: fc.stringMatching(/^[a-f0-9]{64}$/),
  location: lineText(2048),
});

const complainedAbout = fc
  .record(
    { staffId: lineText(64), staffName: lineText(200), unit: lineText(200) },
    { requiredKeys: [] },
  )
  .filter((o) => Object.keys(o).length > 0);

/** An RFC 3339 time from 1900 to a minute ago, in UTC or with an offset. */
const incidentTime = fc
  .tuple(
    fc.integer({ min: Date.UTC(1900, 0, 1, 14), max: Date.now() - 60_000 }),
    fc.constantFrom('Z', '+08:00', '-05:00', '+00:00'),
  )
  .map(([ms, zone]) => {
    if (zone === 'Z') return new Date(ms).toISOString();
    const offsetMin =
      (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
    return new Date(ms + offsetMin * 60_000).toISOString().replace('Z', zone);
  });

/** A request every rule accepts, with each optional field present or not. */
export const aValidRequest: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(...INTAKE_CHANNELS)
  .chain((channel) =>
    fc.record(
      {
        channel: fc.constant(channel),
        externalReference: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,60}$/),
        customer: customerFor(channel),
        complainedAbout,
        policyNumber: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$/),
        productLine: fc.constantFrom(...PRODUCT_LINES),
        subject: lineText(200),
        description: multilineText(10_000),
        desiredOutcome: multilineText(2000),
        incidentOccurredAt: incidentTime,
        language: fc.constantFrom(...LANGUAGES),
        attachments: fc.array(anAttachment, { maxLength: 3 }),
      },
      {
        requiredKeys: [
          'channel',
          'externalReference',
          'customer',
          'productLine',
          'subject',
          'description',
        ],
      },
    ),
  );

/** Text fields by path, with whether they are multi-line, and a valid value to start from. */
export const TEXT_FIELDS: { path: string; multiline: boolean; valid: string }[] = [
  { path: 'subject', multiline: false, valid: 'Claim delayed' },
  { path: 'description', multiline: true, valid: 'My claim is three months late.' },
  { path: 'desiredOutcome', multiline: true, valid: 'Pay the claim' },
  { path: 'policyNumber', multiline: false, valid: 'PA-1' },
  { path: 'externalReference', multiline: false, valid: 'REF-1' },
  { path: 'customer.name', multiline: false, valid: 'Li Wei' },
  { path: 'customer.customerId', multiline: false, valid: 'C-1' },
  { path: 'customer.phone', multiline: false, valid: '+86 138 0013 8000' },
  { path: 'customer.idNumber', multiline: false, valid: 'A1234567' },
  { path: 'complainedAbout.staffName', multiline: false, valid: 'Zhang San' },
  { path: 'complainedAbout.unit', multiline: false, valid: 'Claims, Beijing' },
  { path: 'attachments.0.name', multiline: false, valid: 'letter.pdf' },
  { path: 'attachments.0.location', multiline: false, valid: 's3://bucket/letter.pdf' },
];

/** Every field by path, for wrong-type substitutions. */
export const ALL_FIELDS = [
  ...TEXT_FIELDS.map((f) => f.path),
  'channel',
  'productLine',
  'language',
  'incidentOccurredAt',
  'customer.email',
  'attachments.0.sizeBytes',
  'attachments.0.sha256',
  'attachments.0.mediaType',
  'customer',
  'complainedAbout',
];

/** Sets `path` (dotted, array indices as numbers) in a deep copy of `body`, creating what is missing. */
export function withField(
  body: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  const parts = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const [i, part] of parts.slice(0, -1).entries()) {
    const nextIsIndex = /^\d+$/.test(parts[i + 1]);
    if (node[part] === undefined || node[part] === null || typeof node[part] !== 'object') {
      node[part] = nextIsIndex ? [] : {};
    }
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
  return copy;
}

/** A complete valid attachment, so `attachments.0.x` paths start from one. */
export const VALID_ATTACHMENT = {
  name: 'letter.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 1024,
  sha256: 'b'.repeat(64),
  location: 's3://bucket/letter.pdf',
};
