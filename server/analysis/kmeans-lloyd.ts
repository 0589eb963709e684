// Lloyd's k-means iterations over a dense matrix, with distance bounds that skip the distance
// computations that could not change an assignment. The result is the same as plain Lloyd's
// (assign every row to its nearest centre, move every centre to its rows' mean, repeat), up to
// ties and rounding; only the work differs.
//
// Two kinds of bounds (both after the triangle inequality): Elkan's (Elkan 2003) keep, for every
// row, a lower bound on its distance to each centre, and skip each centre whose bound exceeds the
// distance to the row's own centre; Hamerly's (Hamerly 2010) keep one lower bound for all other
// centres at once. Elkan's skip far more work when k > 2 in tens of dimensions (survey data:
// typically 80-90 % of the distances), but cost n × k numbers of memory, so above
// `ELKAN_MAX_BOUNDS` of them (e.g. 10^6 rows × k > 16) the Hamerly bounds are used instead.
//
// Convergence follows scikit-learn: stop when no label changes, or when the summed squared
// centre shift falls to `tolerance` (an absolute value; callers scale it by the data's variance).
// A cluster that loses all its rows is re-seeded with the row farthest from its centre, as in
// scikit-learn, so k clusters come back whenever the data have k distinct rows.
import type { DenseMatrix } from "./kmeans-matrix";
import { distance2Below, rowDistance2 } from "./kmeans-init";

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

interface State {
  data: Float64Array;
  n: number;
  cols: number;
  k: number;
  centres: Float64Array;
  sums: Float64Array;
  counts: Float64Array;
  labels: Int32Array;
  upper: Float64Array;
  /** Elkan: n × k, row-major; Hamerly: n. */
  lower: Float64Array;
  elkan: boolean;
  /** Centre-to-centre distances, k × k. */
  between: Float64Array;
  /** Half the distance from each centre to its nearest other centre. */
  half: Float64Array;
  /**
   * How far each centre moved in the last update, not yet taken off the rows' bounds: the next
   * assignment pass applies it row by row, which saves a separate pass over n × k bounds.
   */
  shift: Float64Array;
  /** The largest shift, the centre that made it, and the second largest (Hamerly's update). */
  maxShift: number;
  maxAt: number;
  secondShift: number;
  distances: number;
}

/** Adds (sign 1) or removes (sign -1) row i to/from cluster c's running sum and count. */
function moveRow(st: State, i: number, c: number, sign: number): void {
  const { data, cols, sums, counts } = st;
  const o = i * cols;
  const oc = c * cols;
  for (let j = 0; j < cols; j++) sums[oc + j]! += sign * (data[o + j] as number);
  counts[c]! += sign;
}

function relabel(st: State, i: number, from: number, to: number): void {
  st.labels[i] = to;
  moveRow(st, i, from, -1);
  moveRow(st, i, to, 1);
}

function centreGaps(st: State): void {
  const { centres, k, cols, between, half } = st;
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    between[a * k + a] = 0;
    for (let b = a + 1; b < k; b++) {
      const d = Math.sqrt(rowDistance2(centres, a, centres, b, cols));
      between[a * k + b] = d;
      between[b * k + a] = d;
      if (d / 2 < (half[a] as number)) half[a] = d / 2;
      if (d / 2 < (half[b] as number)) half[b] = d / 2;
    }
  }
}

/** First assignment: every distance, exact bounds. */
function assignAll(st: State): void {
  const { data, n, cols, k, centres, labels, upper, lower, elkan } = st;
  for (let i = 0; i < n; i++) {
    const o = i * cols;
    let best = 0;
    let d1 = Infinity;
    let d2 = Infinity;
    for (let c = 0; c < k; c++) {
      // Elkan needs every distance as a bound; Hamerly only the two nearest (so it may stop early).
      const sum = distance2Below(data, o, centres, c * cols, cols, elkan ? Infinity : d2);
      if (elkan) lower[i * k + c] = Math.sqrt(sum);
      if (sum < d1) {
        d2 = d1;
        d1 = sum;
        best = c;
      } else if (sum < d2) {
        d2 = sum;
      }
    }
    labels[i] = best;
    upper[i] = Math.sqrt(d1);
    if (!elkan) lower[i] = Math.sqrt(d2);
    moveRow(st, i, best, 1);
  }
  st.distances += n * k;
}

/** One Elkan assignment pass; returns how many rows changed cluster. */
function assignElkan(st: State): number {
  const { data, n, cols, k, centres, labels, upper, lower, between, half, shift } = st;
  centreGaps(st);
  let changed = 0;
  let distances = 0;
  for (let i = 0; i < n; i++) {
    const a0 = labels[i] as number;
    const ol = i * k;
    // Moving centre c by shift[c] changes any distance to it by at most shift[c]. (Bounds may go
    // below 0; they are still valid lower bounds, and clamping would cost a compare each.)
    let u = (upper[i] as number) + (shift[a0] as number);
    for (let c = 0; c < k; c++) lower[ol + c]! -= shift[c] as number;
    if (u <= (half[a0] as number)) {
      upper[i] = u;
      continue;
    }
    let a = a0;
    let tight = false;
    for (let c = 0; c < k; c++) {
      if (c === a) continue;
      const gap = (between[a * k + c] as number) / 2;
      if (u <= (lower[ol + c] as number) || u <= gap) continue;
      if (!tight) {
        // Tighten the upper bound to the exact distance before paying for centre c.
        u = Math.sqrt(rowDistance2(data, i, centres, a, cols));
        lower[ol + a] = u;
        distances++;
        tight = true;
        if (u <= (lower[ol + c] as number) || u <= gap) continue;
      }
      // Exact, not cut short at u (partial distance search): a partial sum would be a valid but
      // looser lower bound, and the rework it causes in later passes costs more than it saves.
      const d = Math.sqrt(rowDistance2(data, i, centres, c, cols));
      lower[ol + c] = d;
      distances++;
      // Ties go to the lower index, as in a plain scan.
      if (d < u || (d === u && c < a)) {
        a = c;
        u = d;
      }
    }
    upper[i] = u;
    if (a !== a0) {
      relabel(st, i, a0, a);
      changed++;
    }
  }
  st.distances += distances;
  return changed;
}

/** One Hamerly assignment pass; returns how many rows changed cluster. */
function assignHamerly(st: State): number {
  const { data, n, cols, k, centres, labels, upper, lower, half, shift } = st;
  const { maxShift, maxAt, secondShift } = st;
  centreGaps(st);
  let changed = 0;
  let distances = 0;
  for (let i = 0; i < n; i++) {
    const a = labels[i] as number;
    // The pending shifts: the own centre's on the upper bound, the largest other on the lower.
    const l = (lower[i] as number) - (a === maxAt ? secondShift : maxShift);
    lower[i] = l;
    const h = half[a] as number;
    const bound = h > l ? h : l;
    const up = (upper[i] as number) + (shift[a] as number);
    upper[i] = up;
    if (up <= bound) continue;
    // Tighten the upper bound to the exact distance before paying for all k.
    const u = Math.sqrt(rowDistance2(data, i, centres, a, cols));
    distances++;
    upper[i] = u;
    if (u <= bound) continue;
    const o = i * cols;
    let best = 0;
    let d1 = Infinity;
    let d2 = Infinity;
    for (let c = 0; c < k; c++) {
      const sum = distance2Below(data, o, centres, c * cols, cols, d2);
      if (sum < d1) {
        d2 = d1;
        d1 = sum;
        best = c;
      } else if (sum < d2) {
        d2 = sum;
      }
    }
    distances += k;
    upper[i] = Math.sqrt(d1);
    lower[i] = Math.sqrt(d2);
    if (best !== a) {
      relabel(st, i, a, best);
      changed++;
    }
  }
  st.distances += distances;
  return changed;
}

/**
 * Re-seeds empty clusters with the rows farthest from their centres (from clusters that keep
 * at least one row). Rare, so an exact distance pass is fine here.
 */
function reseedEmpty(st: State): void {
  const { data, n, cols, k, centres, counts, labels, lower, elkan } = st;
  let anyEmpty = false;
  for (let c = 0; c < k; c++) if (counts[c] === 0) anyEmpty = true;
  if (!anyEmpty) return;
  const distance = new Float64Array(n);
  for (let i = 0; i < n; i++)
    distance[i] = rowDistance2(data, i, centres, labels[i] as number, cols);
  for (let c = 0; c < k; c++) {
    if (counts[c] !== 0) continue;
    // The farthest row whose cluster keeps another row (ties: the first such row).
    let far = -1;
    let farDistance = 0;
    for (let i = 0; i < n; i++) {
      const d = distance[i] as number;
      if (d > farDistance && (counts[labels[i] as number] as number) > 1) {
        far = i;
        farDistance = d;
      }
    }
    // None: every row sits on its centre, so the data have fewer than k distinct rows.
    if (far < 0) return;
    relabel(st, far, labels[far] as number, c);
    distance[far] = 0;
    // Its new centre will be the row itself (upper bounds stay valid); its distances to the
    // other centres, the old one included, are unknown: lower bounds of 0 are always valid.
    if (elkan) lower.fill(0, far * k, (far + 1) * k);
    else lower[far] = 0;
  }
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
  const st: State = {
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
