import { COMPLAINT_CATEGORIES } from '@complaints/contracts';
import type { ComplaintCategory, Language } from '@complaints/contracts';
import { SoftmaxHead } from './softmax-head';

export const ARTIFACT_FORMAT = 'complaints-classifier/1';

/** A head's weights as int8 with one scale (w = q * scale), base64; biases as numbers. */
export interface QuantisedHead {
  classes: number;
  scale: number;
  bias: number[];
  weights: string;
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  complaints: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
  /** rows: true class, columns: predicted, in `classes` order */
  confusion: number[][];
  /** share of complaints whose department (from the routing table) is the expected one */
  departmentAccuracy?: number;
  byLanguage?: Partial<Record<Language, { complaints: number; accuracy: number; macroF1: number }>>;
}

/** One trained model: its features, its two heads and its figures on the test split. */
export interface ModelVariant {
  features: {
    /** hashing buckets of the character and word n-grams */
    hashDimension: number;
    /** sentence-embedding blocks appended after the hashed features, one per language */
    embedding?: {
      model: Record<Language, string>;
      dimensions: Record<Language, number>;
      weight: number;
    };
  };
  /** on the corpus's held-out test split, as stored (quantised) */
  evaluation: Evaluation;
  heads: { category: QuantisedHead; subcategory: QuantisedHead };
}

/**
 * The file `npm run classify:train` writes: everything the service needs to classify. `ngram`
 * always; `embedding` when the embedding models were there at training. The service uses
 * `embedding` when it can load the models, else `ngram`, and says which.
 */
export interface ModelArtifact {
  format: typeof ARTIFACT_FORMAT;
  /** quoted on every routed event the model classified, with the variant */
  version: string;
  trainedAt: string;
  classes: ComplaintCategory[];
  /** `category/subcategory`, the subcategory head's outputs */
  subcategories: string[];
  training: {
    corpusComplaints: number;
    officerLabels: number;
    epochs: number;
    learningRate: number;
    l2: number;
  };
  variants: { ngram: ModelVariant; embedding?: ModelVariant };
}

export type VariantName = keyof ModelArtifact['variants'];

export function quantise(head: SoftmaxHead): QuantisedHead {
  let max = 0;
  for (const w of head.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const q = new Int8Array(head.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(head.weights[i] / scale);
  return {
    classes: head.classes,
    scale,
    bias: [...head.bias],
    weights: Buffer.from(q.buffer).toString('base64'),
  };
}

export function dequantise(q: QuantisedHead, dimension: number): SoftmaxHead {
  const bytes = Buffer.from(q.weights, 'base64');
  const ints = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const weights = new Float32Array(ints.length);
  for (let i = 0; i < ints.length; i++) weights[i] = ints[i] * q.scale;
  return new SoftmaxHead(dimension, q.classes, weights, Float32Array.from(q.bias));
}

/** Throws naming what is wrong when a file is not an artifact this code can use. */
export function assertArtifact(value: unknown): asserts value is ModelArtifact {
  const a = value as Partial<ModelArtifact>;
  const problems: string[] = [];
  if (a?.format !== ARTIFACT_FORMAT) problems.push(`format is not ${ARTIFACT_FORMAT}`);
  if (typeof a?.version !== 'string' || !a.version) problems.push('no version');
  if (!Number.isInteger(a?.variants?.ngram?.features?.hashDimension))
    problems.push('no n-gram variant');
  if (
    !Array.isArray(a?.classes) ||
    a.classes.length !== COMPLAINT_CATEGORIES.length ||
    a.classes.some((c) => !COMPLAINT_CATEGORIES.includes(c))
  )
    problems.push('classes are not the four categories');
  if (!Array.isArray(a?.subcategories) || a.subcategories.length === 0)
    problems.push('no subcategories');
  for (const v of Object.values(a?.variants ?? {}))
    if (!v?.heads?.category || !v?.heads?.subcategory) problems.push('a variant has no heads');
  if (problems.length) throw new Error(`not a classifier artifact: ${problems.join('; ')}`);
}
