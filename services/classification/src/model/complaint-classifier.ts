import { LANGUAGES } from '@complaints/contracts';
import type { ComplaintCategory, Language } from '@complaints/contracts';
import type { Embedder } from './embedder';
import { assertArtifact, dequantise } from './model-artifact';
import type { ModelArtifact, ModelVariant, VariantName } from './model-artifact';
import type { SoftmaxHead } from './softmax-head';
import { hashedFeatures } from './text-features';
import type { SparseVector } from './text-features';

/** A class at least this probable beside the primary is reported as the secondary class. */
export const SECONDARY_MIN_PROBABILITY = 0.2;

export interface ModelVerdict {
  category: ComplaintCategory;
  subcategory: string;
  /** the most probable other class, when at least SECONDARY_MIN_PROBABILITY */
  secondaryCategory?: ComplaintCategory;
  /** per class, summing to 1 (rounded to 4 decimals) */
  probabilities: Record<ComplaintCategory, number>;
  /** the primary class's probability */
  confidence: number;
  /** `<version>/<variant>` */
  modelVersion: string;
}

export interface ClassifierText {
  subject?: string;
  text: string;
  language?: Language;
}

/** Chinese when a fifth or more of the letters are CJK characters. */
export function detectLanguage(text: string): Language {
  const cjk = text.match(/[\u3400-\u9fff]/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 1;
  return cjk / letters >= 0.2 ? 'zh' : 'en';
}

/**
 * The trained model: hashed n-grams (and sentence embeddings when the artifact was trained
 * with them and an embedder is given) into two linear heads, class and subcategory. The
 * subcategory is the most probable one of the primary class.
 */
export class ComplaintClassifier {
  private readonly category: SoftmaxHead;
  private readonly subcategory: SoftmaxHead;
  readonly variantName: VariantName;
  readonly variant: ModelVariant;

  /** Uses the embedding variant when the artifact has one and an embedder is given. */
  constructor(
    readonly artifact: ModelArtifact,
    private readonly embedder?: Embedder,
  ) {
    assertArtifact(artifact);
    this.variantName = artifact.variants.embedding && embedder ? 'embedding' : 'ngram';
    this.variant = artifact.variants[this.variantName] ?? artifact.variants.ngram;
    const dimension = featureDimension(this.variant);
    this.category = dequantise(this.variant.heads.category, dimension);
    this.subcategory = dequantise(this.variant.heads.subcategory, dimension);
  }

  /** `<version>/<variant>`, quoted on routed events */
  get version(): string {
    return `${this.artifact.version}/${this.variantName}`;
  }

  async features(input: ClassifierText): Promise<SparseVector> {
    return buildFeatures(
      this.variant,
      input,
      this.variantName === 'embedding' ? this.embedder : undefined,
    );
  }

  async classify(input: ClassifierText): Promise<ModelVerdict> {
    return this.classifyFeatures(await this.features(input));
  }

  /** The same verdicts as `classify`, with one embedding inference per language. */
  async classifyMany(inputs: readonly ClassifierText[]): Promise<ModelVerdict[]> {
    if (this.variantName !== 'embedding' || !this.embedder)
      return Promise.all(inputs.map((i) => this.classify(i)));
    const out: ModelVerdict[] = new Array<ModelVerdict>(inputs.length);
    const texts = inputs.map((i) => (i.subject ? `${i.subject}\n${i.text}` : i.text));
    for (const language of LANGUAGES) {
      const idx = inputs
        .map((_, k) => k)
        .filter((k) => (inputs[k].language ?? detectLanguage(texts[k])) === language);
      if (!idx.length) continue;
      const vectors = await this.embedder.embedMany(
        idx.map((k) => texts[k]),
        language,
      );
      idx.forEach((k, j) => {
        const x = withEmbedding(
          this.variant,
          hashedFeatures(texts[k], this.variant.features.hashDimension),
          language,
          vectors[j],
        );
        out[k] = this.classifyFeatures(x);
      });
    }
    return out;
  }

  classifyFeatures(x: SparseVector): ModelVerdict {
    const classes = this.artifact.classes;
    const p = this.category.probabilities(x);
    const ranked = classes.map((c, i) => ({ c, p: p[i] })).sort((a, b) => b.p - a.p);
    const category = ranked[0].c;
    const sp = this.subcategory.probabilities(x);
    let subcategory = '';
    let best = -1;
    this.artifact.subcategories.forEach((key, i) => {
      const [c, s] = key.split('/');
      if (c === category && sp[i] > best) [subcategory, best] = [s, sp[i]];
    });
    const probabilities = Object.fromEntries(
      classes.map((c, i) => [c, Math.round(p[i] * 1e4) / 1e4]),
    ) as Record<ComplaintCategory, number>;
    return {
      category,
      subcategory,
      ...(ranked[1].p >= SECONDARY_MIN_PROBABILITY ? { secondaryCategory: ranked[1].c } : {}),
      probabilities,
      confidence: Math.round(ranked[0].p * 1e4) / 1e4,
      modelVersion: this.version,
    };
  }
}

export function featureDimension(artifact: Pick<ModelVariant, 'features'>): number {
  const emb = artifact.features.embedding;
  const dims = emb ? LANGUAGES.reduce((n, l) => n + emb.dimensions[l], 0) : 0;
  return artifact.features.hashDimension + dims;
}

/** Hashed n-grams of subject and text, then the language's embedding block when the model has one. */
export async function buildFeatures(
  artifact: Pick<ModelVariant, 'features'>,
  input: ClassifierText,
  embedder?: Embedder,
): Promise<SparseVector> {
  const text = input.subject ? `${input.subject}\n${input.text}` : input.text;
  const hashed = hashedFeatures(text, artifact.features.hashDimension);
  const emb = artifact.features.embedding;
  if (!emb || !embedder) return hashed;
  const language = input.language ?? detectLanguage(text);
  return withEmbedding(artifact, hashed, language, await embedder.embed(text, language));
}

/** The hashed vector with the language's embedding block appended. */
export function withEmbedding(
  artifact: Pick<ModelVariant, 'features'>,
  hashed: SparseVector,
  language: Language,
  vector: Float32Array,
): SparseVector {
  const emb = artifact.features.embedding;
  if (!emb) return hashed;
  let offset = artifact.features.hashDimension;
  for (const l of LANGUAGES.slice(0, LANGUAGES.indexOf(language))) offset += emb.dimensions[l];
  const size = emb.dimensions[language];
  const indices = new Uint32Array(hashed.indices.length + size);
  const values = new Float32Array(indices.length);
  indices.set(hashed.indices);
  values.set(hashed.values);
  for (let d = 0; d < size; d++) {
    indices[hashed.indices.length + d] = offset + d;
    values[hashed.indices.length + d] = vector[d] * emb.weight;
  }
  return { indices, values };
}
