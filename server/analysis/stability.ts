// Whether each persona is real structure or an artefact of this particular sample: Hennig's
// clusterboot (Hennig 2007, "Cluster-wise assessment of cluster stability", as in R's
// fpc::clusterboot with bootmethod = "boot"). Rows are resampled with replacement and reclustered
// with the same k; each original persona's score is its best Jaccard similarity with a bootstrap
// cluster, on the resampled rows, averaged over rounds. K-means always returns k clusters, even on
// noise; this is what tells a strategist which of them to trust.
//
// Large inputs (more than `sampleThreshold` rows, default 20 000): the bootstrap is drawn from a
// seeded uniform sample of `sampleSize` rows (default 10 000) instead of from all rows, and the
// Jaccard is measured on those rows against their persona in the full fit. What is measured is
// then "does each persona come back when k-means is rerun on a bootstrap of 10 000 respondents
// from this population", which is a stricter test than a bootstrap of all n: bootstrap variation
// shrinks as the resample grows, so a persona stable at 10 000 is, if anything, more stable at n,
// while one that dissolves here is flagged for a good reason: it is not reproducible from a
// survey of that size. It keeps 20 rounds × 5 restarts at seconds whatever n is, instead of 100
// fits of a million rows.
import { fitKMeans, type KMeansOptions } from "./kmeans";
import { DEFAULT_SAMPLE_THRESHOLD, SAMPLE_STREAM } from "./kmeans-engine";
import {
  distinctRowsUpTo,
  rowCount,
  sampleIndices,
  selectRows,
  type MatrixInput,
} from "./kmeans-matrix";
import { createRng, deriveSeed } from "./rng";

/** Rows the bootstrap of a large input is drawn from (see the header). */
export const DEFAULT_STABILITY_SAMPLE_SIZE = 10_000;

export type StabilityLabel = "stable" | "uncertain" | "unstable";

export interface StabilityOptions {
  seed: number;
  /** Bootstrap rounds (default 20). */
  rounds?: number;
  /** k-means restarts per round (default 5). */
  restarts?: number;
  maxIterations?: number;
  /** Mean Jaccard at or above which a persona is stable (default 0.75). */
  stableAt?: number;
  /** Mean Jaccard below which a persona is unstable (default 0.6). */
  unstableBelow?: number;
  /** Above this many rows the bootstrap is drawn from a seeded sample (default 20 000). */
  sampleThreshold?: number;
  /** Rows in that sample (default 10 000). */
  sampleSize?: number;
  /** k-means engine for the refits (see fitKMeans; default "auto"). */
  engine?: KMeansOptions["engine"];
}

export interface ClusterStability {
  cluster: number;
  /** Mean over the rounds in which the cluster had resampled rows. */
  meanJaccard: number;
  label: StabilityLabel;
  /** Rounds in which the cluster's best Jaccard was below 0.5 ("dissolved" in Hennig's terms). */
  dissolved: number;
  /** Rounds that counted (a cluster with no resampled row in a round is skipped, as in fpc). */
  rounds: number;
}

export interface StabilityResult {
  clusters: ClusterStability[];
  rounds: number;
  /** Rounds whose resample had fewer distinct rows than k (only happens with tiny samples). */
  skippedRounds: number;
  /** Rows the bootstrap was drawn from: all of them, or the seeded sample for large inputs. */
  bootstrapRows: number;
}

export function labelStability(
  meanJaccard: number,
  stableAt = 0.75,
  unstableBelow = 0.6,
): StabilityLabel {
  if (meanJaccard >= stableAt) return "stable";
  if (meanJaccard < unstableBelow) return "unstable";
  return "uncertain";
}

/**
 * Stability of each cluster of `assignments` (labels 0..k-1 of the rows of `matrix`). Jaccard
 * counts resampled positions, so a row drawn twice counts twice, as in fpc::clusterboot.
 */
export function clusterStability(
  matrix: MatrixInput,
  assignments: ArrayLike<number>,
  options: StabilityOptions,
): StabilityResult {
  const total = rowCount(matrix);
  if (total !== assignments.length) throw new RangeError("Need one assignment per row.");
  const rounds = options.rounds ?? 20;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new RangeError(`rounds must be >= 1, got ${rounds}.`);
  let k = 0;
  for (let i = 0; i < total; i++) k = Math.max(k, (assignments[i] as number) + 1);

  // Large inputs: bootstrap a seeded sample (see the header); its own stream of the seed, apart
  // from the rounds' streams 0..2 × rounds.
  const threshold = options.sampleThreshold ?? DEFAULT_SAMPLE_THRESHOLD;
  const sampleSize = options.sampleSize ?? DEFAULT_STABILITY_SAMPLE_SIZE;
  let rows: MatrixInput = matrix;
  let labels: ArrayLike<number> = assignments;
  if (total > threshold && sampleSize < total) {
    const picked = sampleIndices(
      total,
      sampleSize,
      createRng(deriveSeed(options.seed, SAMPLE_STREAM)).int,
    );
    rows = selectRows(matrix, picked);
    const sampled = new Int32Array(picked.length);
    picked.forEach((i, r) => (sampled[r] = assignments[i] as number));
    labels = sampled;
  }
  const n = rowCount(rows);
  const sums = new Array<number>(k).fill(0);
  const counted = new Array<number>(k).fill(0);
  const dissolved = new Array<number>(k).fill(0);

  let skippedRounds = 0;
  const picks = new Int32Array(n);
  for (let round = 0; round < rounds; round++) {
    const rng = createRng(deriveSeed(options.seed, 2 * round));
    for (let p = 0; p < n; p++) picks[p] = rng.int(n);
    const resampled = selectRows(rows, picks);
    if (distinctRowsUpTo(resampled, k) < k) {
      skippedRounds++;
      continue;
    }
    const boot = fitKMeans(resampled, k, {
      seed: deriveSeed(options.seed, 2 * round + 1),
      restarts: options.restarts ?? 5,
      maxIterations: options.maxIterations,
      engine: options.engine,
    }).assignments;

    // overlap[c * k + b]: resampled positions in original cluster c and bootstrap cluster b.
    const overlap = new Float64Array(k * k);
    const originalSize = new Float64Array(k);
    const bootSize = new Float64Array(k);
    for (let position = 0; position < n; position++) {
      const c = labels[picks[position] as number] as number;
      const b = boot[position] as number;
      overlap[c * k + b]! += 1;
      originalSize[c]! += 1;
      bootSize[b]! += 1;
    }
    for (let c = 0; c < k; c++) {
      if (originalSize[c] === 0) continue;
      let best = 0;
      for (let b = 0; b < k; b++) {
        const both = overlap[c * k + b] as number;
        const union = (originalSize[c] as number) + (bootSize[b] as number) - both;
        if (union > 0) best = Math.max(best, both / union);
      }
      sums[c]! += best;
      counted[c]! += 1;
      if (best < 0.5) dissolved[c]! += 1;
    }
  }

  return {
    rounds,
    skippedRounds,
    bootstrapRows: n,
    clusters: sums.map((sum, cluster) => {
      const meanJaccard =
        (counted[cluster] as number) > 0 ? sum / (counted[cluster] as number) : NaN;
      return {
        cluster,
        meanJaccard,
        label: Number.isNaN(meanJaccard)
          ? "unstable"
          : labelStability(meanJaccard, options.stableAt, options.unstableBelow),
        dissolved: dissolved[cluster] as number,
        rounds: counted[cluster] as number,
      };
    }),
  };
}
