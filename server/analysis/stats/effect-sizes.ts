// Effect sizes that say how large a persona's difference is, next to the p-value that says whether
// it is there at all: Cohen's h (two proportions), Cohen's d (two means, pooled SD) and Cliff's
// delta (ordinal: P(X > Y) - P(X < Y), no distribution assumed).
import { mean, sampleVariance } from "simple-statistics";
import { valueCounts } from "./value-counts";

function assertProportion(name: string, p: number): void {
  if (!(p >= 0 && p <= 1))
    throw new RangeError(`${name} must be a proportion in [0, 1], got ${p}.`);
}

/** Cohen's h = 2·asin(√p1) − 2·asin(√p2); |h| ≈ 0.2 small, 0.5 medium, 0.8 large. */
export function cohensH(p1: number, p2: number): number {
  assertProportion("p1", p1);
  assertProportion("p2", p2);
  return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
}

/**
 * Cohen's d = (mean(x) − mean(y)) / pooled SD, pooled SD = √(((n1−1)s1² + (n2−1)s2²)/(n1+n2−2)).
 * NaN when both groups are constant (the difference has no scale), and needs n1 + n2 > 2.
 */
export function cohensD(x: readonly number[], y: readonly number[]): number {
  if (x.length < 1 || y.length < 1 || x.length + y.length < 3) {
    throw new RangeError("Cohen's d needs at least one value per group and three in total.");
  }
  const n1 = x.length;
  const n2 = y.length;
  const v1 = n1 > 1 ? sampleVariance(x as number[]) : 0;
  const v2 = n2 > 1 ? sampleVariance(y as number[]) : 0;
  const pooled = Math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2));
  if (pooled === 0) return NaN;
  return (mean(x as number[]) - mean(y as number[])) / pooled;
}

/**
 * Cliff's delta = P(X > Y) − P(X < Y) in [−1, 1], from the table of distinct values (O(n) plus a
 * sort of the distinct values). The dominance count is a sum of whole numbers, exact in doubles.
 */
export function cliffsDelta(x: readonly number[], y: readonly number[]): number {
  if (x.length === 0 || y.length === 0)
    throw new RangeError("Cliff's delta needs two non-empty groups.");
  const { countX, countY } = valueCounts(x, y);
  let yBelow = 0;
  let dominance = 0;
  for (let t = 0; t < countX.length; t++) {
    const yAbove = y.length - yBelow - (countY[t] as number);
    dominance += (countX[t] as number) * (yBelow - yAbove);
    yBelow += countY[t] as number;
  }
  return dominance / (x.length * y.length);
}
