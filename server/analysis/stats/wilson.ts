// Wilson score interval for a proportion: what R's prop.test(x, n, correct = FALSE) reports. It
// stays inside [0, 1] and keeps sensible coverage for small n and shares near 0 or 1, where the
// textbook Wald interval collapses.
import { normalQuantile } from "./distributions";

export interface ProportionInterval {
  /** successes / n; NaN when n = 0. */
  estimate: number;
  lower: number;
  upper: number;
  confidence: number;
}

export function wilsonInterval(
  successes: number,
  n: number,
  confidence = 0.95,
): ProportionInterval {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`n must be a non-negative integer, got ${n}.`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in [0, n], got ${successes} of ${n}.`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}.`);
  }
  if (n === 0) return { estimate: NaN, lower: 0, upper: 1, confidence };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const p = successes / n;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return {
    estimate: p,
    // Exact at the boundaries: rounding would otherwise leave e.g. 1e-17 instead of 0.
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === n ? 1 : Math.min(1, centre + halfWidth),
    confidence,
  };
}
