import type { Language } from '@complaints/contracts';

/** A sentence-embedding model: unit-length vectors of a fixed dimension for each language. */
export interface Embedder {
  readonly dimensions: Record<Language, number>;
  readonly models: Record<Language, string>;
  embed(text: string, language: Language): Promise<Float32Array>;
  /** the same vectors as `embed`, for many texts in one inference */
  embedMany(texts: readonly string[], language: Language): Promise<Float32Array[]>;
}
