import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_DEFINITIONS } from './events';
import { buildSchemas, renderSchemaFiles } from './json-schema';
import {
  aClosedEvent,
  aFeedbackReceivedEvent,
  aReceivedEvent,
  aReopenedEvent,
  aRespondedEvent,
  aRoutedEvent,
  anArchivedEvent,
  anInvestigatedEvent,
} from './testing/event.factories';

const SCHEMAS_DIR = join(__dirname, '..', 'schemas');
const REGENERATE = 'Run `npm run contracts:schemas` and commit libs/contracts/schemas.';

describe('published JSON Schemas', () => {
  const expected = renderSchemaFiles();

  it('has exactly one committed file per topic', () => {
    const committed = readdirSync(SCHEMAS_DIR).filter((name) => name.endsWith('.schema.json'));
    const missing = Object.keys(expected).filter((name) => !committed.includes(name));
    const stale = committed.filter((name) => !(name in expected));
    if (missing.length > 0 || stale.length > 0) {
      throw new Error(`missing: [${missing}], stale: [${stale}]. ${REGENERATE}`);
    }
    expect(committed).toHaveLength(EVENT_DEFINITIONS.length);
  });

  it.each(Object.keys(expected))('%s matches the contract classes', (name) => {
    const committed = readFileSync(join(SCHEMAS_DIR, name), 'utf8');
    if (committed !== expected[name]) {
      throw new Error(`${name} is out of date with the contract classes. ${REGENERATE}`);
    }
  });

  it('builds the same output every time', () => {
    expect(renderSchemaFiles()).toEqual(expected);
  });
});

describe('published JSON Schemas agree with class-validator', () => {
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
  const schemas = buildSchemas();
  const factories = [
    aReceivedEvent,
    aRoutedEvent,
    anInvestigatedEvent,
    aRespondedEvent,
    aFeedbackReceivedEvent,
    aReopenedEvent,
    aClosedEvent,
    anArchivedEvent,
  ];

  it.each(factories.map((factory) => [factory.name, factory]))(
    'a valid %s event passes its topic schema',
    (_name, factory) => {
      const event = JSON.parse(JSON.stringify(factory()));
      const definition = EVENT_DEFINITIONS.find((d) => d.type === event.type);
      const validate = ajv.compile(schemas[definition?.topic ?? '']);

      const valid = validate(event);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    },
  );

  it('rejects what class-validator rejects: unknown fields, bad enums, offsets, wrong type', () => {
    const validate = ajv.compile(schemas['complaints.received.v1']);
    const event = JSON.parse(JSON.stringify(aReceivedEvent()));

    expect(validate({ ...event, payload: { ...event.payload, extra: 1 } })).toBe(false);
    expect(validate({ ...event, payload: { ...event.payload, channel: 'fax' } })).toBe(false);
    expect(validate({ ...event, occurredAt: '2025-03-03T09:00:00+08:00' })).toBe(false);
    expect(validate({ ...event, type: 'complaint.routed' })).toBe(false);
    expect(validate({ ...event, causationId: undefined })).toBe(false);
  });
});
