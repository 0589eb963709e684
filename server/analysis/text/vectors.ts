// Answers as sparse tf-idf vectors of their content lemmas, and cosine similarity between them:
// what "close to a theme's centre" and "different from the quotes already picked" mean.
import type { AnalysedText } from "./analyse-text";

export type SparseVector = Map<string, number>;

export function documentFrequency(
  docs: readonly { content: readonly string[] }[],
): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d.content)) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

/** Unit-length tf-idf vector; idf = ln(N / df) + 1 (df from the same corpus). */
export function tfidfVector(
  content: readonly string[],
  df: ReadonlyMap<string, number>,
  n: number,
): SparseVector {
  const tf = new Map<string, number>();
  for (const w of content) tf.set(w, (tf.get(w) ?? 0) + 1);
  const v: SparseVector = new Map();
  let norm = 0;
  for (const [w, c] of tf) {
    const x = c * (Math.log(n / (df.get(w) ?? 1)) + 1);
    v.set(w, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [w, x] of v) v.set(w, x / norm);
  return v;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of small) dot += x * (large.get(w) ?? 0);
  return dot;
}

/** The mean of unit vectors, scaled back to unit length (zero vector for none). */
export function centroid(vectors: readonly SparseVector[]): SparseVector {
  const sum: SparseVector = new Map();
  for (const v of vectors) for (const [w, x] of v) sum.set(w, (sum.get(w) ?? 0) + x);
  let norm = 0;
  for (const x of sum.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [w, x] of sum) sum.set(w, x / norm);
  return sum;
}

export function answerVectors(analysed: readonly AnalysedText[]): SparseVector[] {
  const df = documentFrequency(analysed);
  return analysed.map((a) => tfidfVector(a.content, df, analysed.length));
}
