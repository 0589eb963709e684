// Lloyd's k-means iterations over a dense matrix, with distance bounds that skip the distance
// computations that could not change an assignment. The result is the same as plain Lloyd's
// (assign every row to its nearest centre, move every centre to its rows' mean, repeat), up to
// ties and rounding; only the work differs.
//
// Two kinds of bounds (both after the triangle inequality; their passes are in kmeans-bounds.ts):
// Elkan's (Elkan 2003) keep, for every row, a lower bound on its distance to each centre, and skip
// each centre whose bound exceeds the distance to the row's own centre; Hamerly's (Hamerly 2010)
// keep one lower bound for all other centres at once. Elkan's skip far more work when k > 2 in tens of dimensions (survey data:
// typically 80-90 % of the distances), but cost n × k numbers of memory, so above
// `ELKAN_MAX_BOUNDS` of them (e.g. 10^6 rows × k > 16) the Hamerly bounds are used instead.
//
// Convergence follows scikit-learn: stop when no label changes, or when the summed squared
// centre shift falls to `tolerance` (an absolute value; callers scale it by the data's variance).
// A cluster that loses all its rows is re-seeded with the row farthest from its centre, as in
// scikit-learn, so k clusters come back whenever the data have k distinct rows.
import type { DenseMatrix } from "./kmeans-matrix";
import {
  assignAll,
  assignElkan,
  assignHamerly,
  moveRow,
  reseedEmpty,
  type LloydState,
} from "./kmeans-bounds";
import { rowDistance2 } from "./kmeans-init";

/** Most per-centre lower bounds (n × k) kept before falling back to Hamerly's single bound. */
export const ELKAN_MAX_BOUNDS = 16_777_216;

export interface LloydOptions {
  /** Centre updates at most (default 300). */
  maxIterations?: number;
  /** Stop when the summed squared centre shift is at most this (default 0: labels must settle). */
  tolerance?: number;
  /** Which bounds to use (default: Elkan's when n × k ≤ ELKAN_MAX_BOUNDS). */
  bounds?: "elkan" | "hamerly";
  /**
   * The rows' nearest initial centres and squared distances to them, when already known (k-means++
   * computes them), which saves the first full assignment pass.
   */
  start?: { labels: Int32Array; distances2: Float64Array };
}

export interface LloydResult {
  /** k × cols, row-major. */
  centroids: Float64Array;
  /** Nearest centroid of each row (by the final centroids). */
  labels: Int32Array;
  /** Sum of squared distances of the rows to their centroid. */
  inertia: number;
  /** Centre updates done. */
  iterations: number;
  /** Whether it stopped by the labels or the tolerance rather than by maxIterations. */
  converged: boolean;
  /** Row-to-centre distances computed, over all passes: the work the bounds left. */
  distances: number;
}

/**
 * Runs Lloyd's algorithm from `initial` (k × cols). `initial` is not modified. Deterministic:
 * rows are visited in order and ties go to the lower centre index.
 */
export function lloyd(
  matrix: DenseMatrix,
  initial: Float64Array,
  k: number,
  options: LloydOptions = {},
): LloydResult {
  const { rows: n, cols, data } = matrix;
  const maxIterations = Math.max(1, options.maxIterations ?? 300);
  const tolerance = options.tolerance ?? 0;
  const elkan = (options.bounds ?? (n * k <= ELKAN_MAX_BOUNDS ? "elkan" : "hamerly")) === "elkan";
  const st: LloydState = {
    data,
    n,
    cols,
    k,
    centres: Float64Array.from(initial),
    sums: new Float64Array(k * cols),
    counts: new Float64Array(k),
    labels: new Int32Array(n),
    upper: new Float64Array(n),
    lower: new Float64Array(elkan ? n * k : n),
    elkan,
    between: new Float64Array(k * k),
    half: new Float64Array(k),
    shift: new Float64Array(k),
    maxShift: 0,
    maxAt: -1,
    secondShift: 0,
    distances: 0,
  };
  const { centres, sums, counts, labels, upper, lower } = st;
  const next = new Float64Array(k * cols);
  const { shift } = st;
  const assign = elkan ? assignElkan : assignHamerly;

  if (options.start) {
    // Exact upper bounds from the start; lower bounds of 0 are valid and the first pass (with the
    // centre-gap test) fills in the distances it needs.
    const { labels: startLabels, distances2 } = options.start;
    for (let i = 0; i < n; i++) {
      const c = startLabels[i] as number;
      labels[i] = c;
      upper[i] = Math.sqrt(distances2[i] as number);
      if (elkan) lower[i * k + c] = upper[i] as number;
      moveRow(st, i, c, 1);
    }
  } else {
    assignAll(st);
  }
  let iterations = 0;
  let converged = false;
  let synced = true; // labels are the nearest centres of `centres`
  while (iterations < maxIterations) {
    iterations++;
    reseedEmpty(st);
    let total = 0;
    let maxShift = 0;
    let secondShift = 0;
    let maxAt = -1;
    for (let c = 0; c < k; c++) {
      const oc = c * cols;
      const count = counts[c] as number;
      for (let j = 0; j < cols; j++) {
        next[oc + j] = count > 0 ? (sums[oc + j] as number) / count : (centres[oc + j] as number);
      }
      const s = Math.sqrt(rowDistance2(next, c, centres, c, cols));
      shift[c] = s;
      total += s * s;
      if (s > maxShift) {
        secondShift = maxShift;
        maxShift = s;
        maxAt = c;
      } else if (s > secondShift) {
        secondShift = s;
      }
    }
    centres.set(next);
    st.maxShift = maxShift;
    st.maxAt = maxAt;
    st.secondShift = secondShift;
    synced = false;
    if (total <= tolerance) {
      converged = true;
      break;
    }
    const changed = assign(st);
    synced = true;
    if (changed === 0) {
      converged = true;
      break;
    }
  }
  // Labels must be the nearest centres of the centroids returned (scikit-learn's final E-step).
  if (!synced) assign(st);

  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += rowDistance2(data, i, centres, labels[i] as number, cols);
  return { centroids: centres, labels, inertia, iterations, converged, distances: st.distances };
}

/**
 * Labels of the rows by nearest centre (ties to the lower index) and the inertia: one exact pass,
 * for assigning rows that were not part of a fit.
 */
export function assignNearest(
  matrix: DenseMatrix,
  centroids: Float64Array,
  k: number,
): { labels: Int32Array; inertia: number } {
  const { rows: n, cols, data } = matrix;
  const labels = new Int32Array(n);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const d = rowDistance2(data, i, centroids, c, cols);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestDistance;
  }
  return { labels, inertia };
}
