import { buildSchemas } from '../../json-schema';
import { TOPICS } from '../../topics';
import { anArchivedEvent } from '../../testing/event.factories';
import { anArchivedPayload } from '../../testing/payload.factories';
import { validateEnvelope } from '../../validation/envelope.validator';
import { computeSealHash, verifySeal } from './archive-seal';

/** Field names that would carry personal data (or free text likely to) in clear. */
const PERSONAL_FIELDS = [
  'customer',
  'customerId',
  'name',
  'staffName',
  'phone',
  'email',
  'idNumber',
  'policyNumber',
  'description',
  'desiredOutcome',
  'comment',
  'body',
];

function propertyNames(node: unknown): string[] {
  if (Array.isArray(node)) {
    return node.flatMap(propertyNames);
  }
  if (node === null || typeof node !== 'object') {
    return [];
  }
  const record = node as Record<string, unknown>;
  const own = record['properties'] ? Object.keys(record['properties'] as object) : [];
  return [...own, ...Object.values(record).flatMap(propertyNames)];
}

function wire(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value));
}

describe('complaints.archived.v1', () => {
  it('has no personal-data field anywhere in its published shape', () => {
    const names = propertyNames(buildSchemas()[TOPICS.archived]['$defs']);

    expect(names).toContain('customerPseudonym');
    expect(names.filter((name) => PERSONAL_FIELDS.includes(name))).toEqual([]);
  });

  it('rejects a record that smuggles personal data in', () => {
    const event = wire(anArchivedEvent());
    const payload = event['payload'] as Record<string, Record<string, unknown>>;
    payload['complaint']['email'] = 'li.wei@example.com';

    const result = validateEnvelope(event);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual([
      'payload.complaint.email',
    ]);
  });

  it('seals the record: the hash covers every other field, in any key order', () => {
    const record = anArchivedPayload();
    expect(record.sealHash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySeal(record)).toBe(true);

    const reordered = Object.fromEntries(Object.entries(wire(record)).reverse());
    expect(computeSealHash(reordered as unknown as typeof record)).toBe(record.sealHash);
  });

  it('detects a record edited after sealing', () => {
    const record = anArchivedPayload();
    const edited = { ...record, closure: { ...record.closure, resolution: 'escalated' as const } };
    expect(verifySeal(edited)).toBe(false);
  });
});
