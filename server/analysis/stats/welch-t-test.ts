// Welch's two-sample t-test (unequal variances, R's t.test default) and the t-based confidence
// interval of a single mean. Persona groups differ in size and spread, so the pooled-variance test
// would be miscalibrated.
import { mean, sampleVariance } from "simple-statistics";
import { studentTQuantile, studentTTwoSidedP } from "./distributions";
import type { MeanVariance } from "./mean-variance";

export interface WelchTTestResult {
  /** mean(x) − mean(y). */
  difference: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  df: number;
  /** Two-sided p-value. */
  p: number;
  /** Confidence interval of the difference in means. */
  lower: number;
  upper: number;
  confidence: number;
}

/**
 * Welch–Satterthwaite degrees of freedom from each group's squared standard error (variance / n)
 * and size; shared by the test on raw values and the interval from stored summaries.
 */
export function welchDegreesOfFreedom(se1: number, n1: number, se2: number, n2: number): number {
  const sum = se1 + se2;
  return (sum * sum) / ((se1 * se1) / (n1 - 1) + (se2 * se2) / (n2 - 1));
}

function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}.`);
  }
}

/**
 * Welch's t-test of mean(x) = mean(y). When both groups are constant the standard error is 0:
 * equal means then give t = 0, p = 1, different means t = ±Infinity, p = 0 (R refuses with "data
 * are essentially constant"; an answer that every member of a persona gave identically is a
 * real, if degenerate, finding).
 */
export function welchTTest(
  x: readonly number[],
  y: readonly number[],
  confidence = 0.95,
): WelchTTestResult {
  if (x.length < 2 || y.length < 2)
    throw new RangeError("Welch's t-test needs at least two values per group.");
  assertConfidence(confidence);
  const n1 = x.length;
  const n2 = y.length;
  const se1 = sampleVariance(x as number[]) / n1;
  const se2 = sampleVariance(y as number[]) / n2;
  const se2Sum = se1 + se2;
  const difference = mean(x as number[]) - mean(y as number[]);
  if (se2Sum === 0) {
    return {
      difference,
      t: difference === 0 ? 0 : Math.sign(difference) * Infinity,
      df: n1 + n2 - 2,
      p: difference === 0 ? 1 : 0,
      lower: difference,
      upper: difference,
      confidence,
    };
  }
  const se = Math.sqrt(se2Sum);
  const df = welchDegreesOfFreedom(se1, n1, se2, n2);
  const t = difference / se;
  const margin = studentTQuantile(1 - (1 - confidence) / 2, df) * se;
  return {
    difference,
    t,
    df,
    p: studentTTwoSidedP(t, df),
    lower: difference - margin,
    upper: difference + margin,
    confidence,
  };
}

export interface MeanInterval {
  mean: number;
  lower: number;
  upper: number;
  confidence: number;
}

/** mean ± t(1 − α/2, n − 1) · s / √n, as in R's t.test(x)$conf.int. */
export function meanConfidenceInterval(values: readonly number[], confidence = 0.95): MeanInterval {
  if (values.length < 2)
    throw new RangeError("A confidence interval of a mean needs at least two values.");
  assertConfidence(confidence);
  const n = values.length;
  const m = mean(values as number[]);
  const margin =
    studentTQuantile(1 - (1 - confidence) / 2, n - 1) *
    Math.sqrt(sampleVariance(values as number[]) / n);
  return { mean: m, lower: m - margin, upper: m + margin, confidence };
}

/**
 * meanConfidenceInterval from the sample's mean and variance (stats/mean-variance.ts), for a
 * caller that also needs the sd and should not pass over the values again: the same numbers.
 */
export function meanIntervalOfMoments(moments: MeanVariance, confidence = 0.95): MeanInterval {
  const { n, mean: m, variance } = moments;
  if (n < 2) throw new RangeError("A confidence interval of a mean needs at least two values.");
  assertConfidence(confidence);
  const margin = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * Math.sqrt(variance / n);
  return { mean: m, lower: m - margin, upper: m + margin, confidence };
}
