// K-means with restarts and canonical labels, ambiguous members, silhouette and ARI.
import { describe, expect, it } from "vitest";
import { encodeAnswers } from "~/server/analysis/encode";
import { ambiguousMembers } from "~/server/analysis/kmeans-ambiguous";
import { fitKMeans } from "~/server/analysis/kmeans";
import { adjustedRandIndex, silhouette } from "~/server/analysis/quality";
import { generateSegments } from "~/server/analysis/synthetic";

function planted(seed: number, segments: number, n = 400) {
  const data = generateSegments({ seed, n, segments, shape: "separated" });
  const encoded = encodeAnswers(data.features, data.rows);
  return { matrix: encoded.matrix, truth: encoded.rowIndex.map((i) => data.labels[i] as number) };
}

describe("fitKMeans", () => {
  it("recovers well-separated planted segments (ARI >= 0.95)", () => {
    for (const [seed, k] of [
      [11, 3],
      [12, 4],
    ] as const) {
      const { matrix, truth } = planted(seed, k);
      const fit = fitKMeans(matrix, k, { seed });
      expect(adjustedRandIndex(truth, fit.assignments)).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("is deterministic for a seed and labels clusters by decreasing size", () => {
    const { matrix } = planted(13, 4);
    const a = fitKMeans(matrix, 4, { seed: 99 });
    expect(fitKMeans(matrix, 4, { seed: 99 })).toEqual(a);
    expect([...a.sizes].sort((x, y) => y - x)).toEqual(a.sizes);
    expect(a.sizes.reduce((s, v) => s + v, 0)).toBe(matrix.length);
    a.sizes.forEach((size, c) => expect(a.assignments.filter((x) => x === c)).toHaveLength(size));
  });

  it("reports an inertia consistent with its assignments and centroids", () => {
    const { matrix } = planted(14, 3, 300);
    const fit = fitKMeans(matrix, 3, { seed: 1 });
    let inertia = 0;
    matrix.forEach((row, i) => {
      const c = fit.centroids[fit.assignments[i] as number] as number[];
      inertia += row.reduce((s, v, j) => s + (v - (c[j] as number)) ** 2, 0);
    });
    expect(fit.inertia).toBeCloseTo(inertia, 9);
  });

  it("does not get worse with more restarts (keeps the lowest inertia)", () => {
    const data = generateSegments({ seed: 15, n: 300, segments: 5, shape: "overlapping" });
    const { matrix } = encodeAnswers(data.features, data.rows);
    const one = fitKMeans(matrix, 5, { seed: 3, restarts: 1 });
    const many = fitKMeans(matrix, 5, { seed: 3, restarts: 10 });
    expect(many.inertia).toBeLessThanOrEqual(one.inertia);
  });

  it("rejects impossible k", () => {
    const matrix = [
      [0, 0],
      [0, 0],
      [1, 1],
    ];
    expect(() => fitKMeans(matrix, 3, { seed: 1 })).toThrow(RangeError); // only 2 distinct rows
    expect(() => fitKMeans(matrix, 0, { seed: 1 })).toThrow(RangeError);
    expect(fitKMeans(matrix, 2, { seed: 1 }).inertia).toBe(0);
  });
});

describe("ambiguousMembers", () => {
  it("flags rows about equally far from two centroids", () => {
    const centroids = [
      [0, 0],
      [10, 0],
    ];
    const rows = [
      [1, 0], // 1 vs 9
      [5, 0], // midway: ratio 1
      [4.8, 0], // 4.8 / 5.2 = 0.923 ≥ 0.9
      [4, 0], // 4 / 6 = 0.667
    ];
    const flagged = ambiguousMembers(rows, centroids);
    expect(flagged.map((m) => m.index)).toEqual([1, 2]);
    expect(flagged[1]).toMatchObject({ nearest: 0, secondNearest: 1 });
    expect(flagged[1]?.distanceRatio).toBeCloseTo(4.8 / 5.2, 12);
    expect(ambiguousMembers(rows, centroids, { tolerance: 0.4 }).map((m) => m.index)).toEqual([
      1, 2, 3,
    ]);
  });
});

describe("silhouette", () => {
  it("matches a hand calculation", () => {
    // Points 0, 1 (cluster 0) and 4, 6 (cluster 1) on a line.
    // s(0): a = 1, b = (4 + 6)/2 = 5 → 0.8;  s(1): a = 1, b = (3 + 5)/2 = 4 → 0.75
    // s(4): a = 2, b = (4 + 3)/2 = 3.5 → 1.5/3.5;  s(6): a = 2, b = (6 + 5)/2 = 5.5 → 3.5/5.5
    const r = silhouette([[0], [1], [4], [6]], [0, 0, 1, 1]);
    const expected = [0.8, 0.75, 1.5 / 3.5, 3.5 / 5.5];
    expect(r.mean).toBeCloseTo(expected.reduce((a, b) => a + b) / 4, 12);
    expect(r.byCluster[0]).toBeCloseTo(0.775, 12);
    expect(r.sampled).toBe(false);
  });

  it("gives singletons 0 and is NaN for a single cluster", () => {
    const r = silhouette([[0], [1], [10]], [0, 0, 1]);
    expect(r.byCluster[1]).toBe(0);
    expect(silhouette([[0], [1]], [0, 0]).mean).toBeNaN();
  });

  it("estimates from a seeded sample above maxExact, close to the exact value", () => {
    const { matrix } = planted(16, 3, 600);
    const fit = fitKMeans(matrix, 3, { seed: 1 });
    const exact = silhouette(matrix, fit.assignments);
    const sampled = silhouette(matrix, fit.assignments, {
      maxExact: 500,
      sampleSize: 300,
      seed: 4,
    });
    expect(sampled.sampled).toBe(true);
    expect(sampled.rows).toBe(300);
    expect(Math.abs(sampled.mean - exact.mean)).toBeLessThan(0.03);
    expect(
      silhouette(matrix, fit.assignments, { maxExact: 500, sampleSize: 300, seed: 4 }),
    ).toEqual(sampled);
  });
});

describe("adjustedRandIndex", () => {
  it("is 1 for the same partition under relabelling and matches a hand calculation", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, 3, 3, 9])).toBe(1);
    // Contingency [[2, 1], [0, 2]] (a = 0,0,0,1,1; b = 0,0,1,1,1): Σ C(nij,2) = 1 + 1 = 2,
    // rows C(3,2) + C(2,2) = 4, cols C(2,2) + C(3,2) = 4, C(5,2) = 10: expected 1.6, max 4.
    // ARI = (2 − 1.6) / (4 − 1.6) = 1/6.
    expect(adjustedRandIndex([0, 0, 0, 1, 1], [0, 0, 1, 1, 1])).toBeCloseTo(1 / 6, 12);
  });

  it("is about 0 for unrelated partitions", () => {
    const a = Array.from({ length: 3000 }, (_, i) => i % 3);
    const b = Array.from({ length: 3000 }, (_, i) => Math.floor(i / 7) % 4);
    expect(Math.abs(adjustedRandIndex(a, b))).toBeLessThan(0.01);
  });
});
