// Clusterboot stability: high for well-separated personas, never "stable" for clusters cut out of
// uniform noise.
import { describe, expect, it } from "vitest";
import { chooseK } from "~/server/analysis/choose-k";
import { encodeAnswers } from "~/server/analysis/encode";
import { fitKMeans } from "~/server/analysis/kmeans";
import { denseMatrix } from "~/server/analysis/kmeans-matrix";
import { createRng } from "~/server/analysis/rng";
import {
  clusterStability,
  DEFAULT_STABILITY_ROUNDS,
  DEFAULT_STABILITY_SAMPLE_SIZE,
  labelStability,
  nearLabelThreshold,
} from "~/server/analysis/stability";
import { generateSegments } from "~/server/analysis/synthetic";

describe("clusterStability", () => {
  it("labels well-separated planted personas stable", () => {
    const data = generateSegments({ seed: 41, n: 400, segments: 4, shape: "separated" });
    const { matrix } = encodeAnswers(data.features, data.rows);
    const fit = fitKMeans(matrix, 4, { seed: 1 });
    const result = clusterStability(matrix, fit.assignments, { seed: 2 });
    expect(result.rounds).toBe(DEFAULT_STABILITY_ROUNDS);
    expect(DEFAULT_STABILITY_ROUNDS).toBe(100);
    expect(result.clusters).toHaveLength(4);
    for (const c of result.clusters) {
      expect(c.meanJaccard).toBeGreaterThanOrEqual(0.9);
      expect(c.label).toBe("stable");
      expect(c.rounds).toBe(100);
      expect(c.nearThreshold).toBe(false);
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
    // 30 rounds keep the test fast; the assertion allows for their Monte Carlo error: even the
    // mean plus two errors stays below the 0.75 a stable persona needs.
    const notStable = (c: { label: string; meanJaccard: number; monteCarloError: number }) => {
      expect(c.label).not.toBe("stable");
      expect(c.meanJaccard + 2 * c.monteCarloError).toBeLessThan(0.75);
    };
    const result = clusterStability(matrix, choice.fit.assignments, { seed: 4, rounds: 30 });
    for (const c of result.clusters) notStable(c);
    for (const k of [3, 4]) {
      const fit = fitKMeans(matrix, k, { seed: 5 });
      const forced = clusterStability(matrix, fit.assignments, { seed: 6, rounds: 30 });
      for (const c of forced.clusters) notStable(c);
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
    // By default the bootstrap is capped at DEFAULT_STABILITY_SAMPLE_SIZE rows (10 000) from
    // just above it (12 000 rows here).
    expect(clusterStability(matrix, fit.assignments, { seed: 9, rounds: 1 }).bootstrapRows).toBe(
      DEFAULT_STABILITY_SAMPLE_SIZE,
    );
  });

  it("gives a Monte Carlo error that matches the spread of the mean Jaccard across seeds", () => {
    // Overlapping planted personas, so the per-round Jaccards vary. The error is sd/sqrt(rounds):
    // the means of independent 20-round runs (different seeds) should scatter by about that much,
    // not the sd itself (4.5x larger) nor sd/rounds (4.5x smaller).
    const data = generateSegments({ seed: 45, n: 200, segments: 3, shape: "overlapping" });
    const { matrix } = encodeAnswers(data.features, data.rows);
    const fit = fitKMeans(matrix, 3, { seed: 1 });
    const runs = Array.from({ length: 10 }, (_, seed) =>
      clusterStability(matrix, fit.assignments, { seed: 100 + seed, rounds: 20 }),
    );
    for (let c = 0; c < 3; c++) {
      const means = runs.map((r) => r.clusters[c]?.meanJaccard as number);
      const centre = means.reduce((a, b) => a + b, 0) / means.length;
      const spread = Math.sqrt(
        means.reduce((a, m) => a + (m - centre) ** 2, 0) / (means.length - 1),
      );
      const errors = runs.map((r) => r.clusters[c]?.monteCarloError as number);
      const typical = errors.reduce((a, b) => a + b, 0) / errors.length;
      expect(typical).toBeGreaterThan(0);
      // An sd from 10 draws is itself uncertain (about ±25 %), hence a factor of 2 either way.
      expect(spread / typical).toBeGreaterThan(0.5);
      expect(spread / typical).toBeLessThan(2);
    }
  });

  it("marks a label borderline when a threshold is within two Monte Carlo errors", () => {
    expect(nearLabelThreshold(0.76, 0.02)).toBe(true);
    expect(nearLabelThreshold(0.8, 0.02)).toBe(false);
    expect(nearLabelThreshold(0.72, 0.02)).toBe(true);
    expect(nearLabelThreshold(0.62, 0.005)).toBe(false);
    expect(nearLabelThreshold(0.59, 0.01)).toBe(true);
    expect(nearLabelThreshold(0.5, 0.02)).toBe(false);
    expect(nearLabelThreshold(0.76, NaN)).toBe(false);
    expect(nearLabelThreshold(0.81, 0.02, 0.8)).toBe(true);
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
