// Mean and sample variance of a sample in two passes over it, with exactly the arithmetic of
// simple-statistics' mean (Kahan-Babuška compensated sum over n) and sampleVariance (squared
// deviations from that mean, over n − 1), so the results match theirs to the last bit. Through
// simple-statistics a mean, its t interval and the sd take five passes (each variance sums the
// mean again); the journey fill does this for millions of values per stage, so it asks once here.
// Works on plain arrays and typed arrays alike.

export interface MeanVariance {
  n: number;
  /** NaN when n is 0. */
  mean: number;
  /** Sample variance (n − 1 in the denominator); NaN when n < 2. */
  variance: number;
}

/** simple-statistics' sum: compensated, starting from the first value. */
function compensatedSum(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return 0;
  let sum = x[0] as number;
  let correction = 0;
  for (let i = 1; i < n; i++) {
    const v = x[i] as number;
    const transition = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) correction += sum - transition + v;
    else correction += v - transition + sum;
    sum = transition;
  }
  return sum + correction;
}

export function meanAndVariance(x: ArrayLike<number>): MeanVariance {
  const n = x.length;
  if (n === 0) return { n, mean: NaN, variance: NaN };
  const mean = compensatedSum(x) / n;
  if (n < 2) return { n, mean, variance: NaN };
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - mean;
    squares += d * d;
  }
  return { n, mean, variance: squares / (n - 1) };
}

/**
 * meanAndVariance of several groups of one column at once, without copying any group out: value
 * i belongs to group groupOf[i] (−1: to none) and, when withTotal, also to the total (the last
 * result); NaN values belong to nothing. Each group's values are taken in column order, so each
 * result equals meanAndVariance of that group's values listed in order, bit for bit. Empty
 * groups get NaN.
 */
export function meanAndVarianceByGroup(
  values: ArrayLike<number>,
  groupOf: ArrayLike<number>,
  groups: number,
  withTotal: boolean,
): MeanVariance[] {
  // The same compensated sum as compensatedSum, kept per group in typed arrays and for the total
  // in locals; written out rather than through a helper, since this loop runs over every
  // respondent of every stage and a call per value showed up in profiles.
  const count = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const correction = new Float64Array(groups);
  let totalCount = 0;
  let totalSum = 0;
  let totalCorrection = 0;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    const g = groupOf[i] as number;
    if (g >= 0) {
      const c = count[g] as number;
      count[g] = c + 1;
      if (c === 0) sum[g] = v;
      else {
        const s = sum[g] as number;
        const transition = s + v;
        correction[g] =
          (correction[g] as number) +
          (Math.abs(s) >= Math.abs(v) ? s - transition + v : v - transition + s);
        sum[g] = transition;
      }
    }
    if (withTotal) {
      if (totalCount === 0) totalSum = v;
      else {
        const transition = totalSum + v;
        totalCorrection +=
          Math.abs(totalSum) >= Math.abs(v) ? totalSum - transition + v : v - transition + totalSum;
        totalSum = transition;
      }
      totalCount++;
    }
  }
  const mean = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    const c = count[g] as number;
    mean[g] = c === 0 ? NaN : ((sum[g] as number) + (correction[g] as number)) / c;
  }
  const totalMean = totalCount === 0 ? NaN : (totalSum + totalCorrection) / totalCount;
  const squares = new Float64Array(groups);
  let totalSquares = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    const g = groupOf[i] as number;
    if (g >= 0) {
      const d = v - (mean[g] as number);
      squares[g] = (squares[g] as number) + d * d;
    }
    if (withTotal) {
      const d = v - totalMean;
      totalSquares += d * d;
    }
  }
  const result = (c: number, m: number, sq: number): MeanVariance => ({
    n: c,
    mean: m,
    variance: c < 2 ? NaN : sq / (c - 1),
  });
  const out = Array.from({ length: groups }, (_, g) =>
    result(count[g] as number, mean[g] as number, squares[g] as number),
  );
  if (withTotal) out.push(result(totalCount, totalMean, totalSquares));
  return out;
}
