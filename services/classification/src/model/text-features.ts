/**
 * Text to a sparse, L2-normalised feature vector by feature hashing, so the model needs no
 * vocabulary: Chinese as character 1- to 3-grams (no segmentation needed), other scripts as
 * words, word pairs and character 3- to 5-grams. Digits fold to 0, so amounts and dates
 * count as the shape they have, not the value.
 */
export interface SparseVector {
  /** ascending, unique, each < the hashing dimension */
  indices: Uint32Array;
  values: Float32Array;
}

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\d/g, '0').replace(/\s+/g, ' ').trim();
}

/** The feature strings of a text, with repeats (their counts are the term frequencies). */
export function featureTokens(text: string): string[] {
  const t = normaliseText(text);
  const out: string[] = [];
  for (const run of t.match(CJK_RUN) ?? []) {
    const chars = [...run];
    for (let n = 1; n <= 3; n++)
      for (let i = 0; i + n <= chars.length; i++) out.push(`z:${chars.slice(i, i + n).join('')}`);
  }
  const latin = t.replace(CJK_RUN, ' ');
  const words = latin.match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    out.push(`w:${words[i]}`);
    if (i + 1 < words.length) out.push(`b:${words[i]} ${words[i + 1]}`);
  }
  const padded = ` ${words.join(' ')} `;
  for (let n = 3; n <= 5; n++)
    for (let i = 0; i + n <= padded.length; i++) out.push(`c:${padded.slice(i, i + n)}`);
  return out;
}

/** FNV-1a over UTF-16 code units; stable across processes and platforms. */
export function hashToken(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Sublinear term frequency (1 + ln tf), hashed into `dimension` buckets, L2-normalised. */
export function hashedFeatures(text: string, dimension: number): SparseVector {
  const counts = new Map<number, number>();
  for (const token of featureTokens(text)) {
    const i = hashToken(token) % dimension;
    counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const indices = Uint32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = new Float32Array(indices.length);
  let norm = 0;
  indices.forEach((i, k) => {
    values[k] = 1 + Math.log(counts.get(i) ?? 1);
    norm += values[k] * values[k];
  });
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < values.length; k++) values[k] /= norm;
  return { indices, values };
}
