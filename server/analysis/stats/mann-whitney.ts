// Mann-Whitney U (Wilcoxon rank-sum) test with the normal approximation and tie correction, the
// way R's wilcox.test(x, y, exact = FALSE) computes it. Survey answers are full of ties (Likert
// scales), where exact permutation p-values do not apply; with correct = true the continuity
// correction matches R's default.
import { normalTwoSidedP } from "./distributions";
import { valueCounts } from "./value-counts";

export interface MannWhitneyResult {
  /** U statistic of x (R's W): pairs (xi, yj) with xi > yj, ties counting one half. */
  u: number;
  z: number;
  /** Two-sided p-value. */
  p: number;
}

export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  options: { continuityCorrection?: boolean } = {},
): MannWhitneyResult {
  const correct = options.continuityCorrection ?? true;
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
  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  // Every value tied: the ranks carry no information at all.
  if (!(variance > 0)) return { u, z: 0, p: 1 };
  const centred = u - (n1 * n2) / 2;
  const z = (centred - (correct ? Math.sign(centred) * 0.5 : 0)) / Math.sqrt(variance);
  return { u, z, p: Math.min(1, normalTwoSidedP(z)) };
}
