import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '@complaints/platform';
import { ClassificationConfig } from '../src/config/classification.config';
import { DEPARTMENT_ROUTES_V1, RULES_V1 } from '../src/migrations/seed/rulebook-v1.seed';
import { assertArtifact } from '../src/model/model-artifact';
import type { ModelArtifact } from '../src/model/model-artifact';
import { OnnxEmbedder } from '../src/model/onnx-embedder';
import type { Embedder } from '../src/model/embedder';
import { RuleEngine } from '../src/rules/rule-engine';

export const SERVICE_DIR = resolve(__dirname, '..');
export const CORPUS_DIR = join(SERVICE_DIR, 'corpus');
export const MODEL_DIR = join(SERVICE_DIR, 'model');
export const CURRENT_MODEL = join(MODEL_DIR, 'current.json');
export const CANDIDATE_MODEL = join(MODEL_DIR, 'candidate.json');

export const out = (text: string): void => void process.stdout.write(`${text}\n`);
export const err = (text: string): void => void process.stderr.write(`${text}\n`);

export function config(): ClassificationConfig {
  return loadConfig(ClassificationConfig);
}

export function readArtifact(path: string): ModelArtifact {
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  assertArtifact(value);
  return value;
}

/** The embedding models when they are fetched (infra/models/models.sh), else undefined and why. */
export async function loadEmbedder(dir: string): Promise<Embedder | undefined> {
  const { embedder, reason } = await OnnxEmbedder.load(dir);
  if (!embedder) err(`embeddings off: ${reason}`);
  return embedder;
}

/** The first rulebook's routing table: department of a class. */
export function routingTable(): (category: string, subcategory: string) => string | undefined {
  const engine = new RuleEngine(RULES_V1, DEPARTMENT_ROUTES_V1);
  return (c, s) => engine.departmentFor(c as never, s);
}
