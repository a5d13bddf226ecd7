import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { IS_ISO8601, IS_POSITIVE, MAX, MIN } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import { canonicalJson } from './canonical-json';
import { EventEnvelope } from './envelope/event-envelope';
import { EVENT_DEFINITIONS, EventDefinition } from './events';

/**
 * class-transformer keeps its `@Type` metadata in a storage it does not export from the package
 * root; class-validator-jsonschema needs it to see the item class of nested arrays.
 * See https://github.com/typestack/class-transformer/issues/563.
 */
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

export type JsonSchema = { [keyword: string]: unknown };

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const REF_PREFIX = '#/$defs/';

/**
 * The library's defaults would add `type: number` for min/max (overriding `integer`, depending
 * on decorator order) and a date-or-date-time `oneOf` for ISO 8601; ours are integer-safe and
 * say what the pattern already enforces: a date-time.
 */
const CONVERTERS: ISchemaConverters = {
  [MIN]: (meta) => ({ minimum: meta.constraints[0] as number }),
  [MAX]: (meta) => ({ maximum: meta.constraints[0] as number }),
  [IS_POSITIVE]: { exclusiveMinimum: 0 },
  [IS_ISO8601]: { format: 'date-time', type: 'string' },
};

/**
 * One JSON Schema (draft 2020-12) per topic: the envelope with `type` and `version` pinned and
 * the payload class, plus every class it nests, under `$defs`. Objects are closed
 * (`additionalProperties: false`) because consumers reject unknown fields.
 * Keyed by topic name.
 */
export function buildSchemas(): Record<string, JsonSchema> {
  const classSchemas = validationMetadatasToSchemas({
    refPointerPrefix: REF_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: CONVERTERS,
  }) as Record<string, JsonSchema>;

  const schemas: Record<string, JsonSchema> = {};
  for (const definition of EVENT_DEFINITIONS) {
    schemas[definition.topic] = eventSchema(definition, classSchemas);
  }
  return schemas;
}

export function schemaFileName(topic: string): string {
  return `${topic}.schema.json`;
}

/** File name -> exact file text (sorted keys, 2-space indent, trailing newline). */
export function renderSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [topic, schema] of Object.entries(buildSchemas())) {
    files[schemaFileName(topic)] = `${canonicalJson(schema, 2)}\n`;
  }
  return files;
}

function eventSchema(
  definition: EventDefinition,
  classSchemas: Record<string, JsonSchema>,
): JsonSchema {
  const envelope = structuredClone(classSchema(classSchemas, EventEnvelope.name));
  const properties = envelope['properties'] as Record<string, JsonSchema>;
  properties['type'] = { const: definition.type, type: 'string' };
  properties['version'] = { const: definition.version, type: 'integer' };
  properties['payload'] = { $ref: REF_PREFIX + definition.payload.name };

  return closeObjects({
    ...envelope,
    $schema: DIALECT,
    $id: `urn:complaints:contracts:${definition.topic}`,
    title: `${definition.type} v${definition.version}`,
    description: `Event envelope on Kafka topic ${definition.topic}; payload ${definition.payload.name}.`,
    $defs: reachableDefs(definition.payload.name, classSchemas),
  }) as JsonSchema;
}

function classSchema(classSchemas: Record<string, JsonSchema>, name: string): JsonSchema {
  const schema = classSchemas[name];
  if (!schema) {
    throw new Error(`no class-validator metadata for ${name}`);
  }
  return schema;
}

/** The payload class and every class reachable from it through `$ref`. */
function reachableDefs(
  rootName: string,
  classSchemas: Record<string, JsonSchema>,
): Record<string, JsonSchema> {
  const defs: Record<string, JsonSchema> = {};
  const pending = [rootName];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (defs[name]) {
      continue;
    }
    defs[name] = structuredClone(classSchema(classSchemas, name));
    pending.push(...refsIn(defs[name]));
  }
  return defs;
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) {
    return node.flatMap(refsIn);
  }
  if (node === null || typeof node !== 'object') {
    return [];
  }
  const refs: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
      refs.push(value.slice(REF_PREFIX.length));
    } else {
      refs.push(...refsIn(value));
    }
  }
  return refs;
}

function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(closeObjects);
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const closed: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    closed[key] = closeObjects(value);
  }
  if (closed['type'] === 'object' && closed['properties']) {
    closed['additionalProperties'] = false;
  }
  return closed;
}
