// Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with the greedy candidate step of
// scikit-learn's _kmeans_plusplus): each new centre is the best of 2 + ⌊ln k⌋ rows drawn with
// probability ∝ D², best meaning the one that lowers the total D² most. Plain k-means++ draws a
// single candidate and now and then puts two centres in one segment; the greedy step makes that
// rare for little extra cost, which is why scikit-learn and ml-kmeans both use it.
//
// Scoring a candidate needs every row's distance to it, except where the triangle inequality
// already rules it out: a row whose nearest centre c is at least twice the row's distance to c away
// from the candidate cannot get closer to the candidate, so it is skipped. On clustered data that
// is most rows once a few centres are placed. The result is the same as without the shortcut.
import type { DenseMatrix } from "./kmeans-matrix";
import type { Rng } from "./rng";

/**
 * Squared Euclidean distance between the `cols` values of `x` from offset `ox` and of `y` from
 * offset `oy` when it is below `bound`; otherwise a partial sum that is at least `bound` and at
 * most the distance (so still a valid lower bound), returned as soon as it gets there. Most
 * candidates k-means looks at are farther than the current best, and stopping at the bound
 * (partial distance search) saves about half of their columns. Eight columns per step, summed
 * as a tree, so the additions overlap instead of each waiting on the last.
 */
export function distance2Below(
  x: Float64Array,
  ox: number,
  y: Float64Array,
  oy: number,
  cols: number,
  bound: number,
): number {
  let sum = 0;
  let j = 0;
  for (; j + 7 < cols; j += 8) {
    const e0 = (x[ox + j] as number) - (y[oy + j] as number);
    const e1 = (x[ox + j + 1] as number) - (y[oy + j + 1] as number);
    const e2 = (x[ox + j + 2] as number) - (y[oy + j + 2] as number);
    const e3 = (x[ox + j + 3] as number) - (y[oy + j + 3] as number);
    const e4 = (x[ox + j + 4] as number) - (y[oy + j + 4] as number);
    const e5 = (x[ox + j + 5] as number) - (y[oy + j + 5] as number);
    const e6 = (x[ox + j + 6] as number) - (y[oy + j + 6] as number);
    const e7 = (x[ox + j + 7] as number) - (y[oy + j + 7] as number);
    sum += e0 * e0 + e1 * e1 + (e2 * e2 + e3 * e3) + (e4 * e4 + e5 * e5 + (e6 * e6 + e7 * e7));
    if (sum >= bound) return sum;
  }
  for (; j < cols; j++) {
    const e = (x[ox + j] as number) - (y[oy + j] as number);
    sum += e * e;
  }
  return sum;
}

/** The exact squared distance (same summation order as distance2Below, so equal inputs agree). */
export function distance2At(
  x: Float64Array,
  ox: number,
  y: Float64Array,
  oy: number,
  cols: number,
): number {
  return distance2Below(x, ox, y, oy, cols, Infinity);
}

/** Squared Euclidean distance between row `a` of `x` and row `b` of `y` (both `cols` wide). */
export function rowDistance2(
  x: Float64Array,
  a: number,
  y: Float64Array,
  b: number,
  cols: number,
): number {
  return distance2At(x, a * cols, y, b * cols, cols);
}

/** First index whose cumulative weight exceeds `target` (so rows of weight 0 are never drawn). */
function searchCumulative(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface KMeansPlusPlusResult {
  /** k × cols, row-major; each a row of the matrix. */
  centres: Float64Array;
  /** Nearest centre of each row (ties to the earlier centre)... */
  labels: Int32Array;
  /** ...and the squared distance to it: Lloyd's first assignment, for free. */
  distances2: Float64Array;
}

/**
 * k initial centres. Needs at least k distinct rows to give k distinct centres; with fewer, the
 * surplus centres repeat a row and the Lloyd step's empty-cluster handling deals with them.
 */
export function kmeansPlusPlus(
  matrix: DenseMatrix,
  k: number,
  rng: Rng,
  localTrials = 2 + Math.floor(Math.log(k)),
): KMeansPlusPlusResult {
  const { rows: n, cols, data } = matrix;
  const centres = new Float64Array(k * cols);
  const first = rng.int(n);
  centres.set(data.subarray(first * cols, (first + 1) * cols), 0);
  let closest = new Float64Array(n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) closest[i] = distance2At(data, i * cols, centres, 0, cols);
  if (k === 1) return { centres, labels, distances2: closest };

  let trial = new Float64Array(n);
  let best = new Float64Array(n);
  const cumulative = new Float64Array(n);
  // Squared distance from the candidate to each centre placed so far.
  const toCentres = new Float64Array(k);

  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += closest[i] as number;
      cumulative[i] = running;
    }
    let bestRow = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < localTrials; t++) {
      const candidate = searchCumulative(cumulative, rng.next() * running);
      const oc = candidate * cols;
      for (let p = 0; p < c; p++) toCentres[p] = distance2At(data, oc, centres, p * cols, cols);
      let candidatePotential = 0;
      for (let i = 0; i < n; i++) {
        const current = closest[i] as number;
        let m = current;
        // |x - cand| >= |cand - centre| - |x - centre| >= |x - centre| when the gap is 2|x - centre|.
        if ((toCentres[labels[i] as number] as number) < 4 * current) {
          const d = distance2Below(data, i * cols, data, oc, cols, current);
          if (d < current) m = d;
        }
        trial[i] = m;
        candidatePotential += m;
      }
      // Strictly lower: ties keep the earlier candidate, so the draw order decides, not chance.
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestRow = candidate;
        const swap = best;
        best = trial;
        trial = swap;
      }
    }
    centres.set(data.subarray(bestRow * cols, (bestRow + 1) * cols), c * cols);
    for (let i = 0; i < n; i++) if ((best[i] as number) < (closest[i] as number)) labels[i] = c;
    const swap = closest;
    closest = best;
    best = swap;
  }
  return { centres, labels, distances2: closest };
}
