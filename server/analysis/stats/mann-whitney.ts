// Mann-Whitney U (Wilcoxon rank-sum) test with the normal approximation and tie correction, the
// way R's wilcox.test(x, y, exact = FALSE, alternative = ...) computes it. Survey answers are full
// of ties (Likert scales), where exact permutation p-values do not apply; with correct = true the
// continuity correction matches R's default. The journey's pain test asks a one-sided question
// ("does this persona suffer more?"), hence the `alternative` option.
import { normalCdf, normalTwoSidedP } from "./distributions";
import { valueCounts } from "./value-counts";

export interface MannWhitneyResult {
  /** U statistic of x (R's W): pairs (xi, yj) with xi > yj, ties counting one half. */
  u: number;
  z: number;
  /** p-value for the chosen alternative (two-sided unless asked otherwise). */
  p: number;
}

/** H1: x and y differ ("two-sided"), x tends to be greater ("greater") or smaller ("less"). */
export type MannWhitneyAlternative = "two-sided" | "greater" | "less";

export interface MannWhitneyOptions {
  continuityCorrection?: boolean;
  alternative?: MannWhitneyAlternative;
}

export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError("Mann-Whitney U needs two non-empty groups.");
  // Mid-ranks from the table of distinct values: every rank is a multiple of 1/2 and the sums
  // stay far below 2^53, so they are exact and equal to summing each value's rank in turn; the
  // tie terms are added in ascending value order, as midRanks lists them.
  const { countX, countY } = valueCounts(x, y);
  let rankSumX = 0;
  let tieTerm = 0;
  let below = 0;
  for (let t = 0; t < countX.length; t++) {
    const tied = (countX[t] as number) + (countY[t] as number);
    rankSumX += (countX[t] as number) * ((2 * below + tied + 1) / 2);
    if (tied > 1) tieTerm += tied * tied * tied - tied;
    below += tied;
  }
  return mannWhitneyFromRankSum(n1, n2, rankSumX, tieTerm, options);
}

/**
 * U, z and p from x's rank sum and the tie term Σ(t³ − t) over the groups of tied values, for a
 * caller that already holds its values as tallies (the journey's pain tests) and need not rank
 * respondents one by one.
 */
export function mannWhitneyFromRankSum(
  n1: number,
  n2: number,
  rankSumX: number,
  tieTerm: number,
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const correct = options.continuityCorrection ?? true;
  const alternative = options.alternative ?? "two-sided";
  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  // Every value tied: the ranks carry no information at all.
  if (!(variance > 0)) return { u, z: 0, p: 1 };
  const centred = u - (n1 * n2) / 2;
  // R's correction: towards zero for two-sided, against the alternative's direction otherwise.
  const shift = !correct
    ? 0
    : alternative === "two-sided"
      ? Math.sign(centred) * 0.5
      : alternative === "greater"
        ? 0.5
        : -0.5;
  const z = (centred - shift) / Math.sqrt(variance);
  if (alternative === "two-sided") return { u, z, p: Math.min(1, normalTwoSidedP(z)) };
  // Φ(−z) rather than 1 − Φ(z): keeps small p-values exact.
  return { u, z, p: alternative === "greater" ? normalCdf(-z) : normalCdf(z) };
}
