/**
 * Writes libs/contracts/schemas/<topic>.schema.json from the contract classes, and deletes
 * schema files no class produces any more. Run `npm run contracts:schemas` after changing a
 * payload class, and commit the result; json-schema.spec.ts fails until you do.
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSchemaFiles } from '../src/json-schema';

const SCHEMAS_DIR = join(__dirname, '..', 'schemas');

function main(): void {
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  const files = renderSchemaFiles();
  for (const [name, text] of Object.entries(files)) {
    const path = join(SCHEMAS_DIR, name);
    const current = readIfExists(path);
    if (current !== text) {
      writeFileSync(path, text, 'utf8');
      console.log(`${current === undefined ? 'created' : 'updated'} ${name}`);
    }
  }
  for (const name of readdirSync(SCHEMAS_DIR)) {
    if (name.endsWith('.schema.json') && !(name in files)) {
      rmSync(join(SCHEMAS_DIR, name));
      console.log(`deleted ${name}`);
    }
  }
  console.log(`${Object.keys(files).length} schemas in ${SCHEMAS_DIR}`);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

main();
