// Distribution functions (normal, Student t, chi-square) and their quantiles, built on the
// incomplete gamma/beta functions. simple-statistics' cumulativeStdNormalProbability is a table
// rounded to 2 decimals of z and its probit is an approximation off by ~3e-3 at 0.975, both too
// coarse for p-values and intervals, hence these.
import { regularizedBeta, regularizedGammaP, regularizedGammaQ } from "./special-functions";

/** P(|Z| >= |z|) for a standard normal Z: erfc(|z|/√2) = Q(1/2, z²/2), exact in the far tail. */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return regularizedGammaQ(0.5, (z * z) / 2);
}

/** Standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const half = normalTwoSidedP(z) / 2;
  return z < 0 ? half : 1 - half;
}

/** P(|T| >= |t|) for Student's t with `df` degrees of freedom (df may be fractional, as in Welch). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/** Student's t CDF. */
export function studentTCdf(t: number, df: number): number {
  const half = studentTTwoSidedP(t, df) / 2;
  return t < 0 ? half : 1 - half;
}

/** Upper tail P(X >= x) of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df)) return NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/** Chi-square CDF P(X <= x). */
export function chiSquareCdf(x: number, df: number): number {
  if (x <= 0) return 0;
  return regularizedGammaP(df / 2, x / 2);
}

/**
 * Inverts an increasing CDF by bisection. Slower than Newton but cannot diverge, and 200
 * evaluations of a continued fraction are still microseconds.
 */
function invertIncreasing(cdf: (x: number) => number, p: number): number {
  let lo = -1;
  let hi = 1;
  while (cdf(lo) > p) lo *= 2;
  while (cdf(hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function assertProbability(p: number): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`Probability must be in (0, 1), got ${p}.`);
}

/** Standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  assertProbability(p);
  return invertIncreasing(normalCdf, p);
}

/** Student t quantile. */
export function studentTQuantile(p: number, df: number): number {
  assertProbability(p);
  if (!(df > 0)) throw new RangeError(`Degrees of freedom must be positive, got ${df}.`);
  return invertIncreasing((t) => studentTCdf(t, df), p);
}
