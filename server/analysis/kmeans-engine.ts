// The typed-array k-means used for large inputs: greedy k-means++ restarts (kmeans-init.ts) with
// bounded Lloyd iterations (kmeans-lloyd.ts) over a Float64Array, and, above `sampleThreshold`
// rows, the restarts run on a seeded uniform sample and only the winner is carried to the full
// data. Restart r uses stream r of the seed, as the ml-kmeans path does; the sample has its own.
//
// Why sampling is sound here: the restarts exist to escape poor local optima, and which optimum a
// start falls into depends on the shape of the data, which a uniform sample of tens of thousands
// of rows reproduces closely (each centroid of a cluster holding 5 % of a 20k sample is a mean of
// 1000 rows, with a standard error of ~3 % of the cluster's spread). The winning centroids are
// then refined by full Lloyd passes over every row, so the result is a genuine local optimum of the
// full data, not of the sample, and every row is assigned to its nearest final centroid. The
// benchmark (bench/analysis.ts) checks the inertia against full fits of ml-kmeans and
// scikit-learn on 10^4..10^6 rows (equal to the last digits on planted segments), and a test
// checks it at 60 000 rows.
import { kmeansPlusPlus } from "./kmeans-init";
import { lloyd } from "./kmeans-lloyd";
import {
  distinctRowsUpTo,
  meanColumnVariance,
  sampleIndices,
  selectRows,
  type DenseMatrix,
} from "./kmeans-matrix";
import { createRng, deriveSeed } from "./rng";

export interface DenseKMeansOptions {
  seed: number;
  /** k-means++ restarts; the lowest inertia is kept (default 10). */
  restarts?: number;
  /** Lloyd iterations per restart at most (default 300). */
  maxIterations?: number;
  /**
   * Convergence tolerance relative to the data's scale, as scikit-learn's `tol`: iterations stop
   * when the summed squared centre shift is at most tolerance × mean column variance
   * (default 1e-4).
   */
  tolerance?: number;
  /** Above this many rows the restarts run on a sample (default 20 000). */
  sampleThreshold?: number;
  /** Rows in that sample (default 20 000). */
  sampleSize?: number;
  /** Lloyd passes over all rows after a sampled fit, at most (default 20). */
  fullPasses?: number;
}

export interface DenseKMeansResult {
  k: number;
  /** k × cols, row-major, in the order the fit found them (not canonical). */
  centroids: Float64Array;
  labels: Int32Array;
  inertia: number;
  /** Lloyd iterations of the kept restart (on the sample when sampled). */
  iterations: number;
  converged: boolean;
  /** Set when the restarts ran on a sample. */
  sample: {
    rows: number;
    /** Inertia of the kept restart on the sample. */
    inertia: number;
    /** Full passes made over all rows afterwards. */
    fullPasses: number;
  } | null;
}

/** RNG stream of the fitting sample; far above the restart streams 0..restarts-1. */
export const SAMPLE_STREAM = 1_000_003;

export const DEFAULT_SAMPLE_THRESHOLD = 20_000;
export const DEFAULT_SAMPLE_SIZE = 20_000;
export const DEFAULT_FULL_PASSES = 20;
/** scikit-learn's default `tol`. */
export const DEFAULT_TOLERANCE = 1e-4;

function bestOfRestarts(
  matrix: DenseMatrix,
  k: number,
  seed: number,
  restarts: number,
  maxIterations: number,
  tolerance: number,
) {
  let best: ReturnType<typeof lloyd> | null = null;
  for (let r = 0; r < restarts; r++) {
    const init = kmeansPlusPlus(matrix, k, createRng(deriveSeed(seed, r)));
    const fit = lloyd(matrix, init.centres, k, { maxIterations, tolerance, start: init });
    // Strictly lower, so that ties keep the earliest restart and the result stays deterministic.
    if (!best || fit.inertia < best.inertia) best = fit;
  }
  if (!best) throw new RangeError(`restarts must be >= 1, got ${restarts}.`);
  return best;
}

/** The seeded uniform sample (without replacement) that sampled fits run their restarts on. */
export function drawSample(matrix: DenseMatrix, size: number, seed: number): DenseMatrix {
  const rng = createRng(deriveSeed(seed, SAMPLE_STREAM));
  return selectRows(matrix, sampleIndices(matrix.rows, Math.min(size, matrix.rows), rng.int));
}

/**
 * Carries a fit made on a sample to all rows: Lloyd passes over the full matrix starting from the
 * sample's centroids (at most `fullPasses`, fewer when they converge), then every row is labelled
 * by its nearest final centroid.
 */
export function refineOnAllRows(
  matrix: DenseMatrix,
  k: number,
  onSample: { centroids: Float64Array; inertia: number; iterations: number },
  options: { tolerance: number; fullPasses?: number; sampleRows: number },
): DenseKMeansResult {
  const full = lloyd(matrix, onSample.centroids, k, {
    maxIterations: Math.max(1, options.fullPasses ?? DEFAULT_FULL_PASSES),
    tolerance: options.tolerance,
  });
  return {
    k,
    centroids: full.centroids,
    labels: full.labels,
    inertia: full.inertia,
    iterations: onSample.iterations,
    converged: full.converged,
    sample: { rows: options.sampleRows, inertia: onSample.inertia, fullPasses: full.iterations },
  };
}

/**
 * K-means on a dense matrix. The caller has checked that k is a positive integer no larger than
 * the number of distinct rows and that all values are finite (see fitKMeans).
 */
export function fitDenseKMeans(
  matrix: DenseMatrix,
  k: number,
  options: DenseKMeansOptions,
): DenseKMeansResult {
  const restarts = options.restarts ?? 10;
  const maxIterations = options.maxIterations ?? 300;
  const relativeTolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const threshold = options.sampleThreshold ?? DEFAULT_SAMPLE_THRESHOLD;
  const sampleSize = Math.min(options.sampleSize ?? DEFAULT_SAMPLE_SIZE, matrix.rows);
  const fullPasses = options.fullPasses ?? DEFAULT_FULL_PASSES;

  const fullFit = (): DenseKMeansResult => {
    const tolerance = relativeTolerance * meanColumnVariance(matrix);
    const fit = bestOfRestarts(matrix, k, options.seed, restarts, maxIterations, tolerance);
    const { centroids, labels, inertia, iterations, converged } = fit;
    return { k, centroids, labels, inertia, iterations, converged, sample: null };
  };
  if (matrix.rows <= threshold || sampleSize >= matrix.rows) return fullFit();

  const sample = drawSample(matrix, sampleSize, options.seed);
  // Heavily duplicated data can leave a sample with fewer distinct rows than k, where k-means++
  // cannot place k centres; the full data has enough (checked by the caller), so fit on it.
  if (distinctRowsUpTo(sample, k) < k) return fullFit();
  // The sample's variance estimates the data's; one scale for both stages keeps them consistent.
  const tolerance = relativeTolerance * meanColumnVariance(sample);
  const onSample = bestOfRestarts(sample, k, options.seed, restarts, maxIterations, tolerance);
  return refineOnAllRows(matrix, k, onSample, { tolerance, fullPasses, sampleRows: sampleSize });
}
