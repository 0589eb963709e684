// Whether each persona is real structure or an artefact of this particular sample: Hennig's
// clusterboot (Hennig 2007, "Cluster-wise assessment of cluster stability", as in R's
// fpc::clusterboot with bootmethod = "boot"). Rows are resampled with replacement and reclustered
// with the same k; each original persona's score is its best Jaccard similarity with a bootstrap
// cluster, on the resampled rows, averaged over rounds. K-means always returns k clusters, even on
// noise; this is what tells a strategist which of them to trust.
//
// Rounds: 100 by default, as clusterboot's B = 100. The mean Jaccard is a Monte Carlo estimate,
// and at 20 rounds its standard error (sd of the per-round Jaccards / sqrt(rounds)) is 0.02-0.08
// on overlapping personas, enough to flip a label across 0.75 or 0.6 from one seed to the next.
// Each persona carries that standard error, and a label whose threshold lies within two of them
// of the mean is flagged `nearThreshold` so the reader sees it is borderline rather than settled.
//
// What 100 rounds cost (bench/stability.ts, CPU seconds, five overlapping planted personas in 30
// columns, on a busy shared machine): 400 rows 1.1 s at the old 20 rounds -> 1.4 s now, 2 000
// rows 5.3 -> 6.8 s, 10 000 and more rows 7-13.5 -> 33-36 s. Two things keep small and mid-sized
// runs near what 20 rounds cost: the refits use the typed k-means engine at every size
// (kmeans-engine.ts; the same k-means++ restarts and Lloyd iterations as ml-kmeans, held to
// its inertia and partitions by kmeans-engine.test.ts, and 3-4x faster even at a few hundred
// rows); and the bootstrap never exceeds `sampleSize` rows (below), which bounds the large ones.
//
// Large inputs (more than `sampleThreshold` rows, default the sample size, 10 000): the bootstrap
// is drawn from a seeded uniform sample of `sampleSize` rows (default 10 000) instead of from all
// rows, and the Jaccard is measured on those rows against their persona in the full fit. What is
// measured is then "does each persona come back when k-means is rerun on a bootstrap of 10 000
// respondents from this population", which is a stricter test than a bootstrap of all n:
// bootstrap variation shrinks as the resample grows, so a persona stable at 10 000 is, if
// anything, more stable at n, while one that dissolves here is flagged for a good reason: it is
// not reproducible from a survey of that size. It bounds 100 rounds × 5 restarts whatever n is,
// instead of 100 fits of a million rows.
import { STABILITY_ROUNDS } from "./evidence-rules";
import { fitKMeans, type KMeansOptions } from "./kmeans";
import { SAMPLE_STREAM } from "./kmeans-engine";
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
  /** Bootstrap rounds (default 100, as clusterboot). */
  rounds?: number;
  /** k-means restarts per round (default 5). */
  restarts?: number;
  maxIterations?: number;
  /** Mean Jaccard at or above which a persona is stable (default 0.75). */
  stableAt?: number;
  /** Mean Jaccard below which a persona is unstable (default 0.6). */
  unstableBelow?: number;
  /** Above this many rows the bootstrap is drawn from a seeded sample (default: sampleSize). */
  sampleThreshold?: number;
  /** Rows in that sample (default 10 000). */
  sampleSize?: number;
  /** k-means engine for the refits (see fitKMeans; default "typed", see the header). */
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
  /**
   * Monte Carlo standard error of meanJaccard: the sd of the per-round Jaccards over
   * sqrt(rounds). NaN with fewer than two counted rounds.
   */
  monteCarloError: number;
  /**
   * Whether a label threshold (stableAt or unstableBelow) lies within two Monte Carlo errors of
   * meanJaccard, so that another set of rounds could plausibly give the neighbouring label.
   */
  nearThreshold: boolean;
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

/** Default rounds: clusterboot's B = 100 (see the header for why 20 is too few). */
export const DEFAULT_STABILITY_ROUNDS = STABILITY_ROUNDS;

/**
 * Whether a label threshold lies within two Monte Carlo errors of the mean Jaccard, so that
 * another set of rounds could plausibly give the neighbouring label (false when either is unknown).
 */
export function nearLabelThreshold(
  meanJaccard: number,
  monteCarloError: number,
  stableAt = 0.75,
  unstableBelow = 0.6,
): boolean {
  if (!Number.isFinite(meanJaccard) || !Number.isFinite(monteCarloError)) return false;
  return [stableAt, unstableBelow].some((t) => Math.abs(meanJaccard - t) <= 2 * monteCarloError);
}

/**
 * The rows the bootstrap resamples: all of them, or for a large input the seeded sample (its own
 * stream of the seed, apart from the rounds' streams 0..2 × rounds), with each row's persona in the
 * full fit, and k from the full assignments (a tiny persona may have no row in the sample).
 */
export interface BootstrapRows {
  rows: MatrixInput;
  labels: ArrayLike<number>;
  k: number;
}

export function bootstrapRows(
  matrix: MatrixInput,
  assignments: ArrayLike<number>,
  options: Pick<StabilityOptions, "seed" | "sampleSize" | "sampleThreshold">,
): BootstrapRows {
  const total = rowCount(matrix);
  if (total !== assignments.length) throw new RangeError("Need one assignment per row.");
  let k = 0;
  for (let i = 0; i < total; i++) k = Math.max(k, (assignments[i] as number) + 1);
  // Large inputs: bootstrap a seeded sample (see the header).
  const sampleSize = options.sampleSize ?? DEFAULT_STABILITY_SAMPLE_SIZE;
  const threshold = options.sampleThreshold ?? sampleSize;
  if (total > threshold && sampleSize < total) {
    const picked = sampleIndices(
      total,
      sampleSize,
      createRng(deriveSeed(options.seed, SAMPLE_STREAM)).int,
    );
    const sampled = new Int32Array(picked.length);
    picked.forEach((i, r) => (sampled[r] = assignments[i] as number));
    return { rows: selectRows(matrix, picked), labels: sampled, k };
  }
  return { rows: matrix, labels: assignments, k };
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
  return stabilityOfBootstrapRows(bootstrapRows(matrix, assignments, options), options);
}

/**
 * clusterStability's rounds on rows already chosen by bootstrapRows: the part worth running on
 * another thread (server/cli/stability-thread.ts), with the same result.
 */
export function stabilityOfBootstrapRows(
  { rows, labels, k }: BootstrapRows,
  options: StabilityOptions,
): StabilityResult {
  const rounds = options.rounds ?? DEFAULT_STABILITY_ROUNDS;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new RangeError(`rounds must be >= 1, got ${rounds}.`);
  const n = rowCount(rows);
  const sums = new Array<number>(k).fill(0);
  const squares = new Array<number>(k).fill(0);
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
      engine: options.engine ?? "typed",
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
      squares[c]! += best * best;
      counted[c]! += 1;
      if (best < 0.5) dissolved[c]! += 1;
    }
  }

  return {
    rounds,
    skippedRounds,
    bootstrapRows: n,
    clusters: sums.map((sum, cluster) => {
      const m = counted[cluster] as number;
      const meanJaccard = m > 0 ? sum / m : NaN;
      // Sample variance of the per-round Jaccards (clamped: rounding can make it slightly < 0).
      const variance =
        m > 1 ? Math.max(0, ((squares[cluster] as number) - m * meanJaccard ** 2) / (m - 1)) : NaN;
      const monteCarloError = Math.sqrt(variance / m);
      const stableAt = options.stableAt ?? 0.75;
      const unstableBelow = options.unstableBelow ?? 0.6;
      return {
        cluster,
        meanJaccard,
        label: Number.isNaN(meanJaccard)
          ? "unstable"
          : labelStability(meanJaccard, stableAt, unstableBelow),
        dissolved: dissolved[cluster] as number,
        rounds: m,
        monteCarloError,
        nearThreshold: nearLabelThreshold(meanJaccard, monteCarloError, stableAt, unstableBelow),
      };
    }),
  };
}
