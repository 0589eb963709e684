// K-means with several k-means++ restarts, keeping the restart with the lowest inertia (a single
// run can stop in a poor local optimum). Restart seeds are derived from one seed, and clusters are
// renumbered by size, so one seed always gives the same personas in the same order.
//
// Two engines behind one function: ml-kmeans, the reference implementation, for ordinary surveys
// (up to ML_KMEANS_MAX_ROWS respondents), and the typed-array engine (kmeans-engine.ts) above
// that, where ml-kmeans' array-of-arrays loops get slow: 10 restarts take ~1.2 s at 10 000 rows
// (3-4x the typed engine) and ~12 s at 100 000 (~18x, the typed engine sampling). The tests
// check that the two agree on the same data.
import { kmeans } from "ml-kmeans";
import { fitDenseKMeans, type DenseKMeansOptions, type DenseKMeansResult } from "./kmeans-engine";
import {
  assertFiniteRectangular,
  colCount,
  distinctRowsUpTo,
  isDenseMatrix,
  rowCount,
  toArrays,
  toDense,
  type MatrixInput,
} from "./kmeans-matrix";
import { deriveSeed } from "./rng";

export type { DenseMatrix, MatrixInput } from "./kmeans-matrix";

/** Up to this many rows fitKMeans uses ml-kmeans (engine "auto"). */
export const ML_KMEANS_MAX_ROWS = 2000;

export type KMeansEngine = "ml-kmeans" | "typed";

export interface KMeansOptions extends Pick<
  DenseKMeansOptions,
  "tolerance" | "sampleThreshold" | "sampleSize" | "fullPasses"
> {
  seed: number;
  /** Independent k-means++ starts; the best (lowest inertia) is kept. */
  restarts?: number;
  maxIterations?: number;
  /**
   * "auto" (default): ml-kmeans up to ML_KMEANS_MAX_ROWS rows, the typed engine above. The
   * tolerance and sampling options apply to the typed engine only.
   */
  engine?: "auto" | KMeansEngine;
}

/** How a fit was computed, for reports and the benchmark. */
export interface KMeansMethod {
  engine: KMeansEngine;
  /** Rows assigned (all of them). */
  rows: number;
  /** Set when the restarts ran on a seeded sample and the winner was refined on all rows. */
  sample: DenseKMeansResult["sample"];
  /** Whether the kept run converged rather than stopping at maxIterations (or fullPasses). */
  converged: boolean;
}

export interface KMeansFit {
  k: number;
  /** Cluster of each row, 0..k-1, numbered by size (largest first; ties by first row). */
  assignments: number[];
  centroids: number[][];
  /** Sum of squared distances of the rows to their centroid. */
  inertia: number;
  /** Iterations of the kept restart (on the sample, when sampled). */
  iterations: number;
  sizes: number[];
  method?: KMeansMethod;
}

export function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    sum += d * d;
  }
  return sum;
}

/** Index of the nearest centroid and the squared distance to it. */
export function nearestCentroid(
  row: readonly number[],
  centroids: readonly (readonly number[])[],
): [number, number] {
  let best = 0;
  let bestDistance = Infinity;
  centroids.forEach((c, j) => {
    const d = squaredDistance(row, c);
    if (d < bestDistance) {
      best = j;
      bestDistance = d;
    }
  });
  return [best, bestDistance];
}

export function distinctRowCount(matrix: MatrixInput): number {
  return distinctRowsUpTo(matrix);
}

function validate(matrix: MatrixInput, k: number): void {
  if (rowCount(matrix) === 0 || colCount(matrix) === 0)
    throw new RangeError("K-means needs a non-empty matrix.");
  assertFiniteRectangular(matrix);
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`k must be a positive integer, got ${k}.`);
  // k-means++ cannot place more centres than there are distinct points. Counting stops at k, so
  // this costs a few rows, not a pass over a million.
  const distinct = distinctRowsUpTo(matrix, k);
  if (k > distinct) throw new RangeError(`k = ${k} exceeds the ${distinct} distinct rows.`);
}

/**
 * Renumbers clusters by decreasing size, ties by the first row that belongs to them, and returns
 * the fit in the public shape.
 */
function canonicalise(
  labels: ArrayLike<number>,
  centroids: Float64Array,
  k: number,
  cols: number,
): { assignments: number[]; centroids: number[][]; sizes: number[] } {
  const n = labels.length;
  const sizes = new Array<number>(k).fill(0);
  const first = new Array<number>(k).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const c = labels[i] as number;
    sizes[c]! += 1;
    if (first[c] === Infinity) first[c] = i;
  }
  const order = Array.from({ length: k }, (_, j) => j).sort(
    (a, b) =>
      (sizes[b] as number) - (sizes[a] as number) || (first[a] as number) - (first[b] as number),
  );
  const newLabel = new Int32Array(k);
  order.forEach((old, label) => (newLabel[old] = label));
  const assignments = new Array<number>(n);
  for (let i = 0; i < n; i++) assignments[i] = newLabel[labels[i] as number] as number;
  return {
    assignments,
    centroids: order.map((old) => Array.from(centroids.subarray(old * cols, (old + 1) * cols))),
    sizes: order.map((old) => sizes[old] as number),
  };
}

function fitWithMlKMeans(
  matrix: MatrixInput,
  k: number,
  options: KMeansOptions,
  restarts: number,
): KMeansFit {
  const data = isDenseMatrix(matrix) ? toArrays(matrix) : matrix.map((row) => [...row]);
  const cols = colCount(matrix);
  let best: {
    assignments: number[];
    centroids: number[][];
    inertia: number;
    iterations: number;
    converged: boolean;
  } | null = null;
  for (let r = 0; r < restarts; r++) {
    const result = kmeans(data, k, {
      initialization: "kmeans++",
      seed: deriveSeed(options.seed, r),
      maxIterations: options.maxIterations ?? 300,
    });
    // ml-kmeans returns the labels from before its last centroid update; re-assigning to the final
    // centroids makes labels, centroids and inertia agree even when maxIterations cut it short.
    let inertia = 0;
    const assignments = data.map((row) => {
      const [label, distance] = nearestCentroid(row, result.centroids);
      inertia += distance;
      return label;
    });
    // Strictly lower, so that ties keep the earliest restart and the result stays deterministic.
    if (!best || inertia < best.inertia) {
      best = {
        assignments,
        centroids: result.centroids,
        inertia,
        iterations: result.iterations,
        converged: result.converged,
      };
    }
  }
  if (!best) throw new Error("unreachable: no k-means restart ran");
  const flat = new Float64Array(k * cols);
  best.centroids.forEach((c, j) => flat.set(c, j * cols));
  return {
    k,
    inertia: best.inertia,
    iterations: best.iterations,
    ...canonicalise(best.assignments, flat, k, cols),
    method: { engine: "ml-kmeans", rows: data.length, sample: null, converged: best.converged },
  };
}

/** The public fit from the typed engine's result (labels made canonical). */
export function fitFromDense(result: DenseKMeansResult, cols: number): KMeansFit {
  return {
    k: result.k,
    inertia: result.inertia,
    iterations: result.iterations,
    ...canonicalise(result.labels, result.centroids, result.k, cols),
    method: {
      engine: "typed",
      rows: result.labels.length,
      sample: result.sample,
      converged: result.converged,
    },
  };
}

/** The engine fitKMeans uses for `rows` rows with these options. */
export function kmeansEngineFor(
  rows: number,
  options: Pick<KMeansOptions, "engine">,
): KMeansEngine {
  const engine = options.engine ?? "auto";
  if (engine !== "auto") return engine;
  return rows <= ML_KMEANS_MAX_ROWS ? "ml-kmeans" : "typed";
}

/**
 * K-means with `restarts` k-means++ starts (default 10), keeping the lowest inertia. Up to
 * ML_KMEANS_MAX_ROWS rows this is ml-kmeans, the reference implementation; above, the typed-array
 * engine (kmeans-engine.ts), which the tests hold to ml-kmeans' inertia and partition, and which
 * above `sampleThreshold` rows runs the restarts on a seeded sample and then refines the winner
 * with full passes over every row. Either way the same input and seed give the same fit.
 */
export function fitKMeans(matrix: MatrixInput, k: number, options: KMeansOptions): KMeansFit {
  validate(matrix, k);
  const restarts = options.restarts ?? 10;
  if (!Number.isInteger(restarts) || restarts < 1)
    throw new RangeError(`restarts must be >= 1, got ${restarts}.`);
  if (kmeansEngineFor(rowCount(matrix), options) === "ml-kmeans")
    return fitWithMlKMeans(matrix, k, options, restarts);
  const dense = toDense(matrix);
  return fitFromDense(fitDenseKMeans(dense, k, { ...options, restarts }), dense.cols);
}
