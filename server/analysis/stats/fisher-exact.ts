// Fisher's exact test for a 2 x 2 table, two-sided as in R's fisher.test: the p-value sums the
// hypergeometric probabilities of all tables with the observed margins that are no more likely
// than the observed one. Used where expected counts are too small for chi-square.
import { gammaln } from "simple-statistics";

export interface FisherExactResult {
  p: number;
  /** (a·d)/(b·c); R instead reports the conditional MLE, which differs slightly. */
  sampleOddsRatio: number;
}

function logChoose(n: number, k: number): number {
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}

/** `table` is [[a, b], [c, d]] with non-negative integer counts. */
export function fisherExact2x2(
  table: readonly [readonly [number, number], readonly [number, number]],
): FisherExactResult {
  const [[a, b], [c, d]] = table;
  for (const cell of [a, b, c, d]) {
    if (!Number.isInteger(cell) || cell < 0)
      throw new RangeError(`Counts must be non-negative integers, got ${cell}.`);
  }
  const m = a + c; // first column total
  const n = b + d; // second column total
  const k = a + b; // first row total
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const logDensity: number[] = [];
  for (let x = lo; x <= hi; x++)
    logDensity.push(logChoose(m, x) + logChoose(n, k - x) - logChoose(m + n, k));
  // Normalising by the sum removes the rounding left in the log-gamma values.
  const maxLog = logDensity.reduce((best, v) => Math.max(best, v), -Infinity);
  const density = logDensity.map((l) => Math.exp(l - maxLog));
  const total = density.reduce((s, v) => s + v, 0);
  const observed = density[a - lo] as number;
  // R's relative tolerance: tables as likely as the observed one up to rounding count as "as extreme".
  const cutoff = observed * (1 + 1e-7);
  const p = density.reduce((s, v) => (v <= cutoff ? s + v : s), 0) / total;
  return { p: Math.min(1, p), sampleOddsRatio: (a * d) / (b * c) };
}
