// The silhouette scorer (stored pairwise distances, reused across partitions) and the typed-array
// adjusted Rand index, against straightforward implementations.
import { describe, expect, it } from "vitest";
import { denseMatrix } from "~/server/analysis/kmeans-matrix";
import { adjustedRandIndex, silhouette, silhouetteScorer } from "~/server/analysis/quality";
import { createRng } from "~/server/analysis/rng";

/** Rousseeuw's silhouette over all rows, the textbook way. */
function naiveSilhouette(rows: number[][], labels: number[]): number {
  const k = Math.max(...labels) + 1;
  const size = new Array<number>(k).fill(0);
  for (const l of labels) size[l]! += 1;
  let total = 0;
  rows.forEach((row, i) => {
    const sums = new Array<number>(k).fill(0);
    rows.forEach((other, j) => {
      if (j !== i) sums[labels[j]!]! += Math.hypot(...row.map((v, q) => v - other[q]!));
    });
    const own = labels[i]!;
    if (size[own]! <= 1) return;
    const a = sums[own]! / (size[own]! - 1);
    const b = Math.min(
      ...sums.map((s, c) => (c === own || size[c] === 0 ? Infinity : s / size[c]!)),
    );
    total += (b - a) / Math.max(a, b);
  });
  return total / rows.length;
}

function naiveAri(a: number[], b: number[]): number {
  const n = a.length;
  const c2 = (x: number) => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const ra = new Map<number, number>();
  const rb = new Map<number, number>();
  a.forEach((x, i) => {
    const y = b[i]!;
    table.set(`${x}|${y}`, (table.get(`${x}|${y}`) ?? 0) + 1);
    ra.set(x, (ra.get(x) ?? 0) + 1);
    rb.set(y, (rb.get(y) ?? 0) + 1);
  });
  const index = [...table.values()].reduce((s, v) => s + c2(v), 0);
  const sa = [...ra.values()].reduce((s, v) => s + c2(v), 0);
  const sb = [...rb.values()].reduce((s, v) => s + c2(v), 0);
  const expected = (sa * sb) / c2(n);
  return (index - expected) / ((sa + sb) / 2 - expected);
}

function points(n: number, cols: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: cols }, () => rng.normal(i % 3, 0.8)),
  );
}

describe("silhouetteScorer", () => {
  it("scores several partitions exactly as silhouette and the textbook formula do", () => {
    const rows = points(300, 4, 71);
    const scorer = silhouetteScorer(rows);
    for (const k of [2, 3, 5]) {
      const labels = rows.map((_, i) => i % k);
      const score = scorer.score(labels);
      expect(score).toEqual(silhouette(rows, labels));
      expect(score.mean).toBeCloseTo(naiveSilhouette(rows, labels), 12);
    }
  });

  it("samples the same rows from dense and array input, also above the stored-distance limit", () => {
    const rows = points(5000, 3, 72);
    const labels = rows.map((_, i) => i % 3);
    const dense = denseMatrix(5000, 3, Float64Array.from(rows.flat()));
    const sampled = silhouette(rows, labels, { maxExact: 1000, sampleSize: 500, seed: 9 });
    expect(sampled.rows).toBe(500);
    expect(silhouette(dense, labels, { maxExact: 1000, sampleSize: 500, seed: 9 })).toEqual(
      sampled,
    );
    // 4500 rows exceed the stored-distance limit (4096): pairs are recomputed per score.
    const big = silhouette(rows, labels, { maxExact: 4000, sampleSize: 4500, seed: 9 });
    expect(big.rows).toBe(4500);
    const fromDense = silhouetteScorer(dense, { maxExact: 4000, sampleSize: 4500, seed: 9 });
    expect(fromDense.score(labels)).toEqual(big);
  });

  it("rejects a partition of the wrong length", () => {
    expect(() => silhouetteScorer([[0], [1], [2]]).score([0, 1])).toThrow(RangeError);
  });
});

describe("adjustedRandIndex", () => {
  it("matches the textbook formula on typed and plain labels, dense and sparse tables", () => {
    const rng = createRng(73);
    const a = Array.from({ length: 5000 }, () => rng.int(6));
    const b = a.map((x) => (rng.next() < 0.8 ? x : rng.int(6)));
    expect(adjustedRandIndex(Int32Array.from(a), Int32Array.from(b))).toBeCloseTo(
      naiveAri(a, b),
      12,
    );
    // 1200 × 1100 labels: a table too large to store densely.
    const many = Array.from({ length: 3000 }, (_, i) => i % 1200);
    const other = Array.from({ length: 3000 }, (_, i) => (i * 7) % 1100);
    expect(adjustedRandIndex(many, other)).toBeCloseTo(naiveAri(many, other), 12);
    expect(
      adjustedRandIndex(
        many,
        many.map((x) => x + 5),
      ),
    ).toBe(1);
  });
});
