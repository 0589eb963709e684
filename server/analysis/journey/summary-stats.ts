// Intervals from summary statistics (mean, sd, n), for comparing stored fills whose raw answers are
// no longer at hand. Welch's interval for a difference of two means, as in R's t.test with
// var.equal = FALSE; when both groups are constant it collapses to the difference itself.
import { studentTQuantile } from "../stats/distributions";
import { welchDegreesOfFreedom } from "../stats/welch-t-test";

export interface MeanSummary {
  mean: number;
  sd: number;
  n: number;
}

export function welchDifferenceInterval(
  previous: MeanSummary,
  current: MeanSummary,
  confidence = 0.95,
): { difference: number; lower: number; upper: number } {
  if (previous.n < 2 || current.n < 2) {
    throw new RangeError("A difference interval needs at least two values on each side.");
  }
  const difference = current.mean - previous.mean;
  const v1 = (previous.sd * previous.sd) / previous.n;
  const v2 = (current.sd * current.sd) / current.n;
  const v = v1 + v2;
  if (v === 0) return { difference, lower: difference, upper: difference };
  const df = welchDegreesOfFreedom(v1, previous.n, v2, current.n);
  const margin = studentTQuantile(1 - (1 - confidence) / 2, df) * Math.sqrt(v);
  return { difference, lower: difference - margin, upper: difference + margin };
}
