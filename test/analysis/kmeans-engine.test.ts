// The typed-array k-means engine: agreement with ml-kmeans (the reference), bounds that change
// nothing but the work, empty clusters, determinism, and the sample-then-refine path at 60k rows.
import { describe, expect, it } from "vitest";
import { encodeAnswers } from "~/server/analysis/encode";
import { fitKMeans, kmeansEngineFor, ML_KMEANS_MAX_ROWS } from "~/server/analysis/kmeans";
import { fitDenseKMeans } from "~/server/analysis/kmeans-engine";
import { kmeansPlusPlus, rowDistance2 } from "~/server/analysis/kmeans-init";
import { assignNearest, lloyd } from "~/server/analysis/kmeans-lloyd";
import {
  denseMatrix,
  distinctRowsUpTo,
  sampleIndices,
  selectRows,
  toArrays,
  toDense,
  type DenseMatrix,
} from "~/server/analysis/kmeans-matrix";
import { adjustedRandIndex } from "~/server/analysis/quality";
import { createRng } from "~/server/analysis/rng";
import { generateSegments, type SyntheticOptions } from "~/server/analysis/synthetic";

function encoded(options: SyntheticOptions) {
  const data = generateSegments(options);
  const { matrix, rowIndex } = encodeAnswers(data.features, data.rows);
  return { matrix, truth: rowIndex.map((i) => data.labels[i] as number) };
}

/** Gaussian blobs as a dense matrix: `k` centres in [0, 1]^cols, spread `sd`. */
function blobs(n: number, k: number, cols: number, sd: number, seed: number) {
  const rng = createRng(seed);
  const centres = Array.from({ length: k }, () => Array.from({ length: cols }, () => rng.next()));
  const data = new Float64Array(n * cols);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = rng.int(k);
    truth[i] = s;
    for (let j = 0; j < cols; j++) data[i * cols + j] = rng.normal(centres[s]?.[j], sd);
  }
  return { matrix: denseMatrix(n, cols, data), truth };
}

/** Textbook Lloyd: every distance, every iteration, until no label changes. */
function naiveLloyd(matrix: DenseMatrix, initial: Float64Array, k: number) {
  const { rows: n, cols, data } = matrix;
  const centres = Float64Array.from(initial);
  let labels: Int32Array = new Int32Array(n).fill(-1);
  for (let iteration = 0; iteration < 1000; iteration++) {
    const next = assignNearest(matrix, centres, k).labels;
    if (next.every((c, i) => c === labels[i])) break;
    labels = next;
    const sums = new Float64Array(k * cols);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const c = labels[i] as number;
      counts[c]! += 1;
      for (let j = 0; j < cols; j++) sums[c * cols + j]! += data[i * cols + j] as number;
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue;
      for (let j = 0; j < cols; j++)
        centres[c * cols + j] = (sums[c * cols + j] as number) / (counts[c] as number);
    }
  }
  return { labels, inertia: assignNearest(matrix, centres, k).inertia };
}

describe("typed engine against ml-kmeans (the reference)", () => {
  it.each([
    { seed: 51, segments: 3, shape: "separated" },
    { seed: 52, segments: 4, shape: "unequal" },
    { seed: 53, segments: 5, shape: "separated" },
  ] as const)(
    "same partition and inertia on $segments $shape segments",
    ({ seed, segments, shape }) => {
      const { matrix, truth } = encoded({ seed, n: 1200, segments, shape, noiseQuestions: 2 });
      // ml-kmeans' best over three seeds (30 restarts): one seed's 10 restarts can all miss the
      // optimum (seed 52 does, at 5 % more inertia), and the comparison is with its best.
      const reference = [seed, seed + 1, seed + 2]
        .map((s) => fitKMeans(matrix, segments, { seed: s, engine: "ml-kmeans" }))
        .reduce((a, b) => (b.inertia < a.inertia ? b : a));
      const typed = fitKMeans(matrix, segments, { seed, engine: "typed" });
      expect(reference.method?.engine).toBe("ml-kmeans");
      expect(typed.method?.engine).toBe("typed");
      expect(typed.inertia).toBeLessThanOrEqual(reference.inertia * 1.01);
      expect(adjustedRandIndex(typed.assignments, reference.assignments)).toBeGreaterThanOrEqual(
        0.99,
      );
      expect(adjustedRandIndex(truth, typed.assignments)).toBeGreaterThanOrEqual(0.95);
    },
  );

  it("is within 1 % of ml-kmeans' inertia on overlapping segments too", () => {
    const { matrix } = encoded({ seed: 54, n: 1000, segments: 4, shape: "overlapping" });
    for (const k of [3, 4, 6]) {
      const reference = fitKMeans(matrix, k, { seed: 7, engine: "ml-kmeans" });
      const typed = fitKMeans(matrix, k, { seed: 7, engine: "typed" });
      expect(typed.inertia).toBeLessThanOrEqual(reference.inertia * 1.01);
    }
  });

  it("reports labels, centroids and inertia that agree, like the ml-kmeans path", () => {
    const { matrix } = blobs(3000, 4, 10, 0.1, 55);
    const fit = fitKMeans(matrix, 4, { seed: 1 });
    expect(fit.method?.engine).toBe("typed");
    const arrays = toArrays(matrix);
    let inertia = 0;
    arrays.forEach((row, i) => {
      const c = fit.centroids[fit.assignments[i] as number] as number[];
      inertia += row.reduce((s, v, j) => s + (v - (c[j] as number)) ** 2, 0);
      // Each row's label is its nearest centroid.
      const nearest = fit.centroids
        .map((centroid, j) => ({ j, d: row.reduce((s, v, q) => s + (v - centroid[q]!) ** 2, 0) }))
        .sort((a, b) => a.d - b.d || a.j - b.j)[0];
      expect(nearest?.j).toBe(fit.assignments[i]);
    });
    expect(fit.inertia).toBeCloseTo(inertia, 6);
    expect([...fit.sizes].sort((a, b) => b - a)).toEqual(fit.sizes);
  });

  it("picks ml-kmeans up to ML_KMEANS_MAX_ROWS rows and the typed engine above", () => {
    expect(kmeansEngineFor(ML_KMEANS_MAX_ROWS, {})).toBe("ml-kmeans");
    expect(kmeansEngineFor(ML_KMEANS_MAX_ROWS + 1, {})).toBe("typed");
    expect(kmeansEngineFor(10, { engine: "typed" })).toBe("typed");
  });

  it("takes number[][] and dense input alike", () => {
    const { matrix } = blobs(2500, 3, 6, 0.1, 56);
    const fromDense = fitKMeans(matrix, 3, { seed: 2 });
    const fromArrays = fitKMeans(toArrays(matrix), 3, { seed: 2 });
    expect(fromArrays).toEqual(fromDense);
  });
});

describe("Lloyd with bounds", () => {
  it("gives the same result as textbook Lloyd with Elkan's and Hamerly's bounds", () => {
    const { matrix } = blobs(4000, 6, 12, 0.25, 57);
    for (const k of [2, 5, 8]) {
      const init = kmeansPlusPlus(matrix, k, createRng(k));
      const plain = naiveLloyd(matrix, init.centres, k);
      for (const bounds of ["elkan", "hamerly"] as const) {
        const fit = lloyd(matrix, init.centres, k, { bounds, start: init });
        expect(fit.converged).toBe(true);
        expect(Array.from(fit.labels)).toEqual(Array.from(plain.labels));
        expect(fit.inertia).toBeCloseTo(plain.inertia, 8);
        // The point of the bounds: far fewer than n × k distances per iteration.
        expect(fit.distances).toBeLessThan(matrix.rows * k * (fit.iterations + 1));
      }
    }
  });

  it("re-seeds an empty cluster with the farthest row", () => {
    // 0, 1, 2 and 10, 11, 12 on a line; the third centre, at 100, gets no row at first and is
    // moved to 12, the row farthest from its centre (1).
    const matrix = denseMatrix(6, 1, Float64Array.from([0, 1, 2, 10, 11, 12]));
    for (const bounds of ["elkan", "hamerly"] as const) {
      const fit = lloyd(matrix, Float64Array.from([0, 1, 100]), 3, { bounds });
      const sizes = [0, 1, 2].map((c) => fit.labels.filter((l) => l === c).length);
      expect(sizes.every((s) => s > 0)).toBe(true);
      expect(fit.centroids[2]).toBeLessThanOrEqual(12);
      const check = assignNearest(matrix, fit.centroids, 3);
      expect(Array.from(check.labels)).toEqual(Array.from(fit.labels));
      expect(fit.inertia).toBeCloseTo(check.inertia, 12);
    }
  });

  it("returns k non-empty clusters on heavily duplicated data with exactly k distinct rows", () => {
    const values: number[] = [];
    for (let i = 0; i < 3000; i++) values.push(i % 4 === 0 ? 5 : i % 3, i % 4 === 0 ? 5 : 0);
    const matrix = denseMatrix(3000, 2, Float64Array.from(values));
    expect(distinctRowsUpTo(matrix)).toBe(4);
    const fit = fitKMeans(matrix, 4, { seed: 3, engine: "typed" });
    expect(fit.sizes.every((s) => s > 0)).toBe(true);
    expect(fit.inertia).toBe(0);
    expect(() => fitKMeans(matrix, 5, { seed: 3 })).toThrow(RangeError);
  });
});

describe("k-means++ seeding", () => {
  it("places centres on distinct rows and reports each row's nearest one", () => {
    const { matrix } = blobs(2000, 5, 8, 0.05, 58);
    const init = kmeansPlusPlus(matrix, 5, createRng(9));
    const cols = matrix.cols;
    const centreRows = toArrays(denseMatrix(5, cols, init.centres)).map((c) => c.join());
    expect(new Set(centreRows).size).toBe(5);
    const rows = new Set(toArrays(matrix).map((r) => r.join()));
    for (const c of centreRows) expect(rows.has(c)).toBe(true);
    const nearest = assignNearest(matrix, init.centres, 5);
    expect(Array.from(init.labels)).toEqual(Array.from(nearest.labels));
    for (let i = 0; i < matrix.rows; i++) {
      expect(init.distances2[i]).toBeCloseTo(
        rowDistance2(matrix.data, i, init.centres, init.labels[i] as number, cols),
        12,
      );
    }
    expect(kmeansPlusPlus(matrix, 5, createRng(9))).toEqual(init);
  });
});

describe("sample, then refine on all rows", () => {
  it("recovers planted segments at 60 000 rows and matches a full fit's inertia", () => {
    const { matrix, truth } = blobs(60_000, 5, 20, 0.2, 59);
    const fit = fitKMeans(matrix, 5, { seed: 4 });
    expect(fit.method?.sample?.rows).toBe(20_000);
    expect(fit.method?.rows).toBe(60_000);
    expect(fit.assignments).toHaveLength(60_000);
    expect(adjustedRandIndex(truth, fit.assignments)).toBeGreaterThanOrEqual(0.95);
    const full = fitDenseKMeans(matrix, 5, { seed: 4, restarts: 3, sampleThreshold: Infinity });
    expect(full.sample).toBeNull();
    expect(fit.inertia).toBeLessThanOrEqual(full.inertia * 1.01);
  });

  it("is deterministic for a seed and differs across seeds only in the draw", () => {
    const { matrix } = blobs(30_000, 4, 10, 0.3, 60);
    const options = { seed: 5, restarts: 3, sampleSize: 5000 };
    const a = fitKMeans(matrix, 4, options);
    expect(fitKMeans(matrix, 4, options)).toEqual(a);
    expect(a.method?.sample?.rows).toBe(5000);
    const b = fitKMeans(matrix, 4, { ...options, seed: 6 });
    expect(adjustedRandIndex(a.assignments, b.assignments)).toBeGreaterThan(0.95);
  });
});

describe("dense matrix helpers", () => {
  it("draws exactly the rows Rng.sample draws", () => {
    for (const [n, size, seed] of [
      [10, 10, 1],
      [1000, 37, 2],
      [50_000, 2000, 3],
    ] as const) {
      const all = Array.from({ length: n }, (_, i) => i);
      expect(Array.from(sampleIndices(n, size, createRng(seed).int))).toEqual(
        createRng(seed).sample(all, size),
      );
    }
    expect(() => sampleIndices(3, 4, createRng(1).int)).toThrow(RangeError);
  });

  it("counts distinct rows like the string join did, and stops at the limit", () => {
    const rows = [
      [0, 1],
      [-0, 1],
      [0, 1.5],
      [2, 2],
      [0, 1.5],
    ];
    expect(distinctRowsUpTo(rows)).toBe(3);
    expect(distinctRowsUpTo(toDense(rows))).toBe(3);
    expect(distinctRowsUpTo(rows, 2)).toBe(2);
    expect(Array.from(selectRows(rows, [3, 0, 3]).data)).toEqual([2, 2, 0, 1, 2, 2]);
  });

  it("rejects non-finite values and ragged rows", () => {
    expect(() => fitKMeans([[0], [NaN]], 1, { seed: 1 })).toThrow(RangeError);
    expect(() =>
      fitKMeans(denseMatrix(2, 1, Float64Array.from([0, Infinity])), 1, { seed: 1 }),
    ).toThrow(RangeError);
    expect(() => fitKMeans([[0, 1], [1]], 1, { seed: 1 })).toThrow(RangeError);
    expect(() => denseMatrix(2, 2, new Float64Array(3))).toThrow(RangeError);
  });
});
