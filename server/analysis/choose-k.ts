// Picks the number of personas. Every k in kMin..kMax is fitted and scored; the choice is the best
// mean silhouette among the ks whose smallest persona holds at least `minShare` of respondents (a
// 2 % persona is noise to a strategist), nudged towards 3..5 personas (what teams can act on)
// when that costs no more than `tolerance` of silhouette. The whole curve and the reason are
// returned so the UI can show why, and a forced k overrides the choice but keeps the curve.
//
// Large inputs (more than `sampleThreshold` rows, default 20 000): the curve is computed on one
// seeded uniform sample of `sampleSize` rows (default 20 000), the same rows for every k, and only
// the chosen k is carried to all rows (Lloyd passes over the full data from the sample's
// centroids, then every row assigned). Sound because every figure on the curve is a population
// estimate that 20 000 rows pin down well: the smallest persona's share to within ±0.3 points
// (95 %, at a 5 % share), the silhouette was already estimated on 2000 rows, and the k-means
// optimum for a k is found on the sample as reliably as on the whole (see kmeans-engine.ts). It
// makes a 10^6-row choice cost about what a 20 000-row one does.
import {
  DEFAULT_SAMPLE_SIZE,
  DEFAULT_SAMPLE_THRESHOLD,
  DEFAULT_TOLERANCE,
  drawSample,
  refineOnAllRows,
} from "./kmeans-engine";
import { fitFromDense, fitKMeans, type KMeansFit, type KMeansOptions } from "./kmeans";
import {
  distinctRowsUpTo,
  meanColumnVariance,
  rowCount,
  toDense,
  type MatrixInput,
} from "./kmeans-matrix";
import { silhouetteScorer, type SilhouetteOptions } from "./quality";
import { deriveSeed } from "./rng";

export interface ChooseKOptions {
  seed: number;
  kMin?: number;
  kMax?: number;
  /** Use this k whatever the curve says (the curve is still computed). */
  forcedK?: number;
  restarts?: number;
  maxIterations?: number;
  /** Smallest acceptable persona, as a share of respondents (default 0.05). */
  minShare?: number;
  /** Range of k preferred when close to the best (default [3, 5]). */
  preferred?: readonly [number, number];
  /** How much lower a preferred k's silhouette may be than the best (default 0.02). */
  tolerance?: number;
  silhouette?: Omit<SilhouetteOptions, "seed">;
  /** Above this many rows the curve is computed on a seeded sample (default 20 000). */
  sampleThreshold?: number;
  /** Rows in that sample (default 20 000). */
  sampleSize?: number;
  /** Lloyd passes over all rows for the chosen k when sampled, at most (default 20). */
  fullPasses?: number;
  /** k-means engine (see fitKMeans; default "auto"). */
  engine?: KMeansOptions["engine"];
}

/** Inertia, silhouette and shares are those of the rows the curve was computed on (curveRows). */
export interface KCandidate {
  k: number;
  inertia: number;
  silhouette: number;
  /** Share of respondents in the smallest persona. */
  minShare: number;
  /** Whether the smallest persona reaches minShare. */
  eligible: boolean;
}

export type KChoiceReason = "forced" | "best-silhouette" | "preferred-range" | "no-eligible-k";

/**
 * Kaufman & Rousseeuw's reading of the mean silhouette: > 0.70 strong, > 0.50 reasonable,
 * > 0.25 weak, otherwise no substantial structure (k-means still returns k groups then).
 */
export type StructureStrength = "strong" | "reasonable" | "weak" | "none";

export function structureStrength(meanSilhouette: number): StructureStrength {
  if (meanSilhouette > 0.7) return "strong";
  if (meanSilhouette > 0.5) return "reasonable";
  if (meanSilhouette > 0.25) return "weak";
  return "none";
}

export interface KChoice {
  k: number;
  /** How clustered the data are at the chosen k, from its silhouette. */
  structure: StructureStrength;
  reason: KChoiceReason;
  /** The reason in a sentence, with the numbers behind it. */
  explanation: string;
  curve: KCandidate[];
  /** The fit at k, on all rows. */
  fit: KMeansFit;
  /** Rows the curve was computed on: all of them, or the seeded sample for large inputs. */
  curveRows: number;
  /**
   * Rows the silhouettes were computed on: the curve's rows, or a seeded sample of them above
   * the silhouette's exact limit (see quality.ts).
   */
  silhouetteRows: number;
}

const f3 = (x: number): string => x.toFixed(3);
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

export function chooseK(matrix: MatrixInput, options: ChooseKOptions): KChoice {
  const n = rowCount(matrix);
  const kMin = options.kMin ?? 2;
  const minShare = options.minShare ?? 0.05;
  const [prefLow, prefHigh] = options.preferred ?? [3, 5];
  const tolerance = options.tolerance ?? 0.02;
  const kMaxWanted = options.kMax ?? 8;
  // Silhouettes need k < n, and k-means cannot have more centres than distinct rows (counted only
  // as far as needed: a million rows are not hashed to learn that there are more than 8).
  const kCap = Math.min(n - 1, distinctRowsUpTo(matrix, Math.max(kMaxWanted, kMin)));
  const kMax = Math.min(kMaxWanted, kCap);
  if (!Number.isInteger(kMin) || kMin < 2)
    throw new RangeError(`kMin must be an integer >= 2, got ${kMin}.`);
  if (kMax < kMin)
    throw new RangeError(`No k to try: kMin = ${kMin}, but at most ${kCap} clusters fit the data.`);
  const forcedK = options.forcedK;
  if (forcedK !== undefined && (!Number.isInteger(forcedK) || forcedK < 1)) {
    throw new RangeError(`forcedK must be a positive integer, got ${forcedK}.`);
  }

  // Large inputs: the curve on one seeded sample (see the header). A sample too duplicated to
  // hold kMax centres (only with very few distinct answer patterns) falls back to all rows.
  const threshold = options.sampleThreshold ?? DEFAULT_SAMPLE_THRESHOLD;
  const sampleSize = Math.min(options.sampleSize ?? DEFAULT_SAMPLE_SIZE, n);
  const dense = n > threshold && sampleSize < n ? toDense(matrix) : null;
  const kNeeded = Math.max(kMax, forcedK ?? 0);
  let sample = dense ? drawSample(dense, sampleSize, options.seed) : null;
  if (sample && distinctRowsUpTo(sample, kNeeded) < kNeeded) sample = null;
  const curveMatrix: MatrixInput = sample ?? matrix;
  const curveRows = rowCount(curveMatrix);

  // Seeds per k (not per position in the loop), so the fit for a k does not depend on the range,
  // and one silhouette sample for all k, so their scores are comparable (its pairwise distances
  // are computed once, too).
  const scorer = silhouetteScorer(curveMatrix, {
    ...options.silhouette,
    seed: deriveSeed(options.seed, 0),
  });
  const fitOptions = (k: number): KMeansOptions => ({
    seed: deriveSeed(options.seed, k),
    restarts: options.restarts,
    maxIterations: options.maxIterations,
    engine: options.engine,
    // The sample is what gets fitted; it is not sampled again.
    sampleThreshold: sample ? Infinity : options.sampleThreshold,
    sampleSize: options.sampleSize,
    fullPasses: options.fullPasses,
  });
  const curveFits = new Map<number, KMeansFit>();
  const curveFitFor = (k: number): KMeansFit => {
    const known = curveFits.get(k);
    if (known) return known;
    const fit = fitKMeans(curveMatrix, k, fitOptions(k));
    curveFits.set(k, fit);
    return fit;
  };
  /** The fit at k on all rows: the curve's own, or the sample's carried to every row. */
  const finalFit = (k: number): KMeansFit => {
    const onCurve = curveFitFor(k);
    if (!sample || !dense) return onCurve;
    const cols = dense.cols;
    const centroids = new Float64Array(k * cols);
    onCurve.centroids.forEach((c, j) => centroids.set(c, j * cols));
    const refined = refineOnAllRows(
      dense,
      k,
      { centroids, inertia: onCurve.inertia, iterations: onCurve.iterations },
      {
        tolerance: DEFAULT_TOLERANCE * meanColumnVariance(sample),
        fullPasses: options.fullPasses,
        sampleRows: curveRows,
      },
    );
    return fitFromDense(refined, cols);
  };

  const curve: KCandidate[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const fit = curveFitFor(k);
    const share = Math.min(...fit.sizes) / curveRows;
    curve.push({
      k,
      inertia: fit.inertia,
      silhouette: scorer.score(fit.assignments).mean,
      minShare: share,
      eligible: share >= minShare,
    });
  }

  if (forcedK !== undefined) {
    const score =
      curve.find((c) => c.k === forcedK)?.silhouette ??
      scorer.score(curveFitFor(forcedK).assignments).mean;
    return {
      k: forcedK,
      structure: structureStrength(score),
      reason: "forced",
      explanation: `k = ${forcedK} was set by hand.`,
      curve,
      fit: finalFit(forcedK),
      curveRows,
      silhouetteRows: scorer.rows,
    };
  }

  const bySilhouette = (a: KCandidate, b: KCandidate): number =>
    b.silhouette - a.silhouette || a.k - b.k;
  const eligible = curve.filter((c) => c.eligible).sort(bySilhouette);
  const best = eligible[0];
  const pick = (candidate: KCandidate, reason: KChoiceReason, explanation: string): KChoice => ({
    k: candidate.k,
    structure: structureStrength(candidate.silhouette),
    reason,
    explanation,
    curve,
    fit: finalFit(candidate.k),
    curveRows,
    silhouetteRows: scorer.rows,
  });

  if (!best) {
    const fallback = [...curve].sort(bySilhouette)[0] as KCandidate;
    return pick(
      fallback,
      "no-eligible-k",
      `No k in ${kMin}..${kMax} keeps every persona at ${pct(minShare)} or more; k = ${fallback.k} has the best silhouette (${f3(fallback.silhouette)}) but its smallest persona is ${pct(fallback.minShare)}.`,
    );
  }
  const inPreferred = (c: KCandidate): boolean => c.k >= prefLow && c.k <= prefHigh;
  if (!inPreferred(best)) {
    const close = eligible.find(
      (c) => inPreferred(c) && c.silhouette >= best.silhouette - tolerance,
    );
    if (close) {
      return pick(
        close,
        "preferred-range",
        `k = ${close.k} (silhouette ${f3(close.silhouette)}) is within ${tolerance} of the best, k = ${best.k} (${f3(best.silhouette)}), and ${prefLow}..${prefHigh} personas are easier to act on.`,
      );
    }
  }
  return pick(
    best,
    "best-silhouette",
    `k = ${best.k} has the best silhouette (${f3(best.silhouette)}) among the ks whose smallest persona holds at least ${pct(minShare)} of respondents.`,
  );
}
