/**
 * Text similarity for repeats and major complaints, chosen to be explainable and to work on
 * Chinese and English alike: character n-grams of the normalised text (NFKC, lower case),
 * counted, and compared by cosine. Chinese runs give single characters and pairs (no word
 * segmentation needed); words of other scripts give the word and its character triples, so
 * inflections share most of their grams ("delayed", "delay"). 1 means the same mix of grams,
 * 0 nothing in common. Punctuation and spacing are ignored.
 */

/** character n-gram -> count; only the most frequent MAX_GRAMS are kept, so a stored one is bounded */
export type Grams = Record<string, number>;

export const MAX_GRAMS = 400;

export function gramsOf(text: string): Grams {
  const normal = text.normalize('NFKC').toLowerCase();
  const counts = new Map<string, number>();
  const add = (gram: string) => counts.set(gram, (counts.get(gram) ?? 0) + 1);
  for (const [run] of normal.matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+/gu)) {
    const chars = [...run];
    if (/\p{Script=Han}/u.test(chars[0])) {
      // Chinese: single characters and pairs (words are mostly one or two characters).
      chars.forEach((c, i) => {
        add(c);
        if (i + 1 < chars.length) add(c + chars[i + 1]);
      });
      continue;
    }
    // Other scripts: the word and its triples with the word's edges marked.
    add(run);
    const padded = [' ', ...chars, ' '];
    for (let i = 0; i + 3 <= padded.length; i++) add(padded.slice(i, i + 3).join(''));
  }
  const kept = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_GRAMS);
  return Object.fromEntries(kept);
}

/** Cosine of the two count vectors, in [0, 1]; 0 when either text has no grams. */
export function similarity(a: Grams, b: Grams): number {
  let dot = 0;
  for (const [gram, count] of Object.entries(a)) dot += count * (b[gram] ?? 0);
  const norm = (g: Grams) => Math.sqrt(Object.values(g).reduce((s, c) => s + c * c, 0));
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : Math.min(1, dot / denominator);
}
