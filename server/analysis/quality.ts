// How good a partition is: the mean silhouette (how much closer respondents are to their own
// persona than to the next one) and the adjusted Rand index (agreement of two partitions, corrected
// for chance; used against planted segments in tests and between runs).
import { rowDistance2 } from "./kmeans-init";
import { rowCount, sampleIndices, selectRows, type MatrixInput } from "./kmeans-matrix";
import { createRng } from "./rng";

export interface SilhouetteOptions {
  /** Above this many rows the silhouette is estimated on a sample (the exact one is O(n²)). */
  maxExact?: number;
  /** Rows in that sample. */
  sampleSize?: number;
  /** Seed for choosing the sample. */
  seed?: number;
}

export interface SilhouetteResult {
  /** Mean silhouette in [-1, 1]; NaN with fewer than two clusters. */
  mean: number;
  /** Mean silhouette of each cluster's rows (NaN for a cluster absent from the sample). */
  byCluster: number[];
  /** Rows the silhouette was computed on: all of them, or the sample. */
  rows: number;
  sampled: boolean;
}

/** Rows of the sample above which pairwise distances are recomputed per score, not stored. */
const STORED_DISTANCES_MAX_ROWS = 4096;

export interface SilhouetteScorer {
  /** Rows the silhouette is computed on: all of them, or the sample. */
  rows: number;
  sampled: boolean;
  /** The silhouette of a partition of the matrix's rows (one label per row, 0..k-1). */
  score(assignments: ArrayLike<number>): SilhouetteResult;
}

/**
 * Prepares silhouettes of several partitions of the same matrix (chooseK scores k = 2..8): the
 * sample and its pairwise distances are the same for every partition, so they are drawn and
 * computed once, and each score is a pass over the stored distances. The sample is exactly the
 * one `silhouette` draws with the same options.
 */
export function silhouetteScorer(
  matrix: MatrixInput,
  options: SilhouetteOptions = {},
): SilhouetteScorer {
  const n = rowCount(matrix);
  const maxExact = options.maxExact ?? 2000;
  const sampleSize = options.sampleSize ?? 2000;
  const sampled = n > maxExact;
  let rows: Int32Array;
  if (sampled) {
    rows = sampleIndices(n, Math.min(sampleSize, n), createRng(options.seed ?? 0).int);
  } else {
    rows = new Int32Array(n);
    for (let i = 0; i < n; i++) rows[i] = i;
  }
  const sub = selectRows(matrix, rows);
  const s = rows.length;
  const { cols, data } = sub;
  const distance = (i: number, j: number): number =>
    Math.sqrt(rowDistance2(data, i, data, j, cols));
  // The upper triangle, row by row: (0,1), (0,2), ..., (1,2), ...
  let stored: Float64Array | null = null;
  if (s <= STORED_DISTANCES_MAX_ROWS) {
    stored = new Float64Array((s * (s - 1)) / 2);
    let p = 0;
    for (let i = 0; i < s; i++) for (let j = i + 1; j < s; j++) stored[p++] = distance(i, j);
  }

  const score = (assignments: ArrayLike<number>): SilhouetteResult => {
    if (assignments.length !== n) throw new RangeError("Need one assignment per row.");
    let k = 0;
    for (let i = 0; i < n; i++) k = Math.max(k, (assignments[i] as number) + 1);
    const labels = new Int32Array(s);
    const clusterSizes = new Array<number>(k).fill(0);
    for (let r = 0; r < s; r++) {
      const c = assignments[rows[r] as number] as number;
      labels[r] = c;
      clusterSizes[c]! += 1;
    }
    const present = clusterSizes.filter((size) => size > 0).length;
    if (present < 2) return { mean: NaN, byCluster: clusterSizes.map(() => NaN), rows: s, sampled };

    // distanceSums[r * k + c]: summed distance from sample row r to the sample rows in cluster c.
    const distanceSums = new Float64Array(s * k);
    let p = 0;
    for (let i = 0; i < s; i++) {
      const li = labels[i] as number;
      for (let j = i + 1; j < s; j++) {
        const d = stored ? (stored[p++] as number) : distance(i, j);
        distanceSums[i * k + (labels[j] as number)]! += d;
        distanceSums[j * k + li]! += d;
      }
    }
    const sums = new Array<number>(k).fill(0);
    const counts = new Array<number>(k).fill(0);
    let total = 0;
    for (let r = 0; r < s; r++) {
      const own = labels[r] as number;
      let value = 0;
      if ((clusterSizes[own] as number) > 1) {
        const a = (distanceSums[r * k + own] as number) / ((clusterSizes[own] as number) - 1);
        let b = Infinity;
        for (let c = 0; c < k; c++) {
          if (c !== own && (clusterSizes[c] as number) > 0)
            b = Math.min(b, (distanceSums[r * k + c] as number) / (clusterSizes[c] as number));
        }
        const denominator = Math.max(a, b);
        value = denominator > 0 ? (b - a) / denominator : 0;
      }
      total += value;
      sums[own]! += value;
      counts[own]! += 1;
    }
    return {
      mean: total / s,
      byCluster: sums.map((v, c) => ((counts[c] as number) > 0 ? v / (counts[c] as number) : NaN)),
      rows: s,
      sampled,
    };
  };
  return { rows: s, sampled, score };
}

/**
 * Rousseeuw's silhouette with Euclidean distance: s(i) = (b − a) / max(a, b), a = mean distance to
 * the rest of the own cluster, b = smallest mean distance to another cluster; 0 for singletons.
 * For n > maxExact (default 2000) rows it is computed on a seeded random sample of `sampleSize`
 * (default 2000) rows, both the rows scored and the rows they are compared with (as
 * scikit-learn's sample_size does), which estimates the full mean without bias in the sampled
 * rows' choice and keeps the cost at sampleSize², whatever n is.
 */
export function silhouette(
  matrix: MatrixInput,
  assignments: ArrayLike<number>,
  options: SilhouetteOptions = {},
): SilhouetteResult {
  if (rowCount(matrix) !== assignments.length) throw new RangeError("Need one assignment per row.");
  return silhouetteScorer(matrix, options).score(assignments);
}

function choose2(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * Adjusted Rand index (Hubert & Arabie 1985): 1 for identical partitions (up to relabelling),
 * about 0 for independent ones. Labels may be any integers.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError("Both partitions must label the same rows.");
  const n = a.length;
  // Labels to dense codes 0..ka-1 / 0..kb-1, so the contingency table is a typed array (a
  // string-keyed map per row costs seconds at a million rows).
  const codes = (labels: ArrayLike<number>): { code: Int32Array; count: number } => {
    const index = new Map<number, number>();
    const code = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const label = labels[i] as number;
      let c = index.get(label);
      if (c === undefined) {
        c = index.size;
        index.set(label, c);
      }
      code[i] = c;
    }
    return { code, count: index.size };
  };
  const ca = codes(a);
  const cb = codes(b);
  const rowSums = new Float64Array(ca.count);
  const colSums = new Float64Array(cb.count);
  // Dense table when it is small (the usual case: a few clusters each); sparse otherwise.
  const dense = ca.count * cb.count <= 1 << 20;
  const table = dense ? new Float64Array(ca.count * cb.count) : null;
  const sparse = dense ? null : new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = ca.code[i] as number;
    const y = cb.code[i] as number;
    const cell = x * cb.count + y;
    if (table) table[cell]! += 1;
    else sparse?.set(cell, (sparse.get(cell) ?? 0) + 1);
    rowSums[x]! += 1;
    colSums[y]! += 1;
  }
  let index = 0;
  if (table) for (const v of table) index += choose2(v);
  else for (const v of sparse?.values() ?? []) index += choose2(v);
  let sumA = 0;
  for (const v of rowSums) sumA += choose2(v);
  let sumB = 0;
  for (const v of colSums) sumB += choose2(v);
  const expected = n > 1 ? (sumA * sumB) / choose2(n) : 0;
  const maximum = (sumA + sumB) / 2;
  // Both partitions trivial (one cluster each, or all singletons): they agree perfectly.
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
