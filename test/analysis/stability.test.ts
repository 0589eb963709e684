// Clusterboot stability: high for well-separated personas, never "stable" for clusters cut out of
// uniform noise.
import { describe, expect, it } from "vitest";
import { chooseK } from "~/server/analysis/choose-k";
import { encodeAnswers } from "~/server/analysis/encode";
import { fitKMeans } from "~/server/analysis/kmeans";
import { denseMatrix } from "~/server/analysis/kmeans-matrix";
import { createRng } from "~/server/analysis/rng";
import { clusterStability, labelStability } from "~/server/analysis/stability";
import { generateSegments } from "~/server/analysis/synthetic";

describe("clusterStability", () => {
  it("labels well-separated planted personas stable", () => {
    const data = generateSegments({ seed: 41, n: 400, segments: 4, shape: "separated" });
    const { matrix } = encodeAnswers(data.features, data.rows);
    const fit = fitKMeans(matrix, 4, { seed: 1 });
    const result = clusterStability(matrix, fit.assignments, { seed: 2 });
    expect(result.rounds).toBe(20);
    expect(result.clusters).toHaveLength(4);
    for (const c of result.clusters) {
      expect(c.meanJaccard).toBeGreaterThanOrEqual(0.9);
      expect(c.label).toBe("stable");
      expect(c.rounds).toBe(20);
    }
  });

  it("labels no persona stable on uniform noise over 8 survey scales", () => {
    // Survey-like noise: eight 1..7 ratings answered uniformly at random. (On 1-2 dimensional
    // uniform noise k-means partitions are reproducible and clusterboot rates them stable: a known
    // limit of stability as a test for clusteredness; the silhouette flags that case instead.)
    const rng = createRng(42);
    const rows = Array.from({ length: 400 }, () =>
      Object.fromEntries(Array.from({ length: 8 }, (_, j) => [`q${j}`, 1 + rng.int(7)])),
    );
    const features = Array.from({ length: 8 }, (_, j) => ({
      id: `q${j}`,
      kind: "ordinal" as const,
      min: 1,
      max: 7,
    }));
    const { matrix } = encodeAnswers(features, rows);
    const choice = chooseK(matrix, { seed: 3 });
    expect(choice.structure).toBe("none");
    const result = clusterStability(matrix, choice.fit.assignments, { seed: 4 });
    for (const c of result.clusters) expect(c.label).not.toBe("stable");
    for (const k of [3, 4]) {
      const fit = fitKMeans(matrix, k, { seed: 5 });
      const forced = clusterStability(matrix, fit.assignments, { seed: 6 });
      for (const c of forced.clusters) expect(c.label).not.toBe("stable");
    }
  });

  it("is deterministic for a seed", () => {
    const data = generateSegments({ seed: 43, n: 200, segments: 3, shape: "overlapping" });
    const { matrix } = encodeAnswers(data.features, data.rows);
    const fit = fitKMeans(matrix, 3, { seed: 1 });
    const options = { seed: 7, rounds: 5 };
    expect(clusterStability(matrix, fit.assignments, options)).toEqual(
      clusterStability(matrix, fit.assignments, options),
    );
  });

  it("skips bootstrap rounds that cannot hold k clusters instead of failing", () => {
    // Six rows, three distinct: a resample often has fewer than 3 distinct rows.
    const matrix = [[0], [0], [5], [5], [10], [10]];
    const result = clusterStability(matrix, [0, 0, 1, 1, 2, 2], { seed: 8, rounds: 30 });
    expect(result.skippedRounds).toBeGreaterThan(0);
    for (const c of result.clusters)
      expect(c.rounds).toBeLessThanOrEqual(30 - result.skippedRounds);
  });

  it("bootstraps a seeded sample of a large input, against the full fit's personas", () => {
    const rng = createRng(44);
    const n = 12_000;
    const cols = 8;
    const centres = Array.from({ length: 3 }, () => Array.from({ length: cols }, () => rng.next()));
    const data = new Float64Array(n * cols);
    for (let i = 0; i < n; i++) {
      const s = i % 3;
      for (let j = 0; j < cols; j++) data[i * cols + j] = rng.normal(centres[s]?.[j], 0.08);
    }
    const matrix = denseMatrix(n, cols, data);
    const fit = fitKMeans(matrix, 3, { seed: 1, restarts: 3 });
    const options = { seed: 9, rounds: 5, sampleThreshold: 5000, sampleSize: 2000 };
    const result = clusterStability(matrix, fit.assignments, options);
    expect(result.bootstrapRows).toBe(2000);
    expect(result.clusters).toHaveLength(3);
    for (const c of result.clusters) expect(c.label).toBe("stable");
    expect(clusterStability(matrix, fit.assignments, options)).toEqual(result);
    expect(clusterStability(matrix, fit.assignments, { seed: 9, rounds: 1 }).bootstrapRows).toBe(n);
  });

  it("labels by Hennig's thresholds", () => {
    expect([0.9, 0.75, 0.7, 0.6, 0.59].map((j) => labelStability(j))).toEqual([
      "stable",
      "stable",
      "uncertain",
      "uncertain",
      "unstable",
    ]);
  });
});
