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
  const slots = groups + (withTotal ? 1 : 0);
  const total = withTotal ? groups : -1;
  const count = new Float64Array(slots);
  const sum = new Float64Array(slots);
  const correction = new Float64Array(slots);
  const add = (g: number, v: number) => {
    const c = count[g] as number;
    count[g] = c + 1;
    if (c === 0) {
      sum[g] = v;
      return;
    }
    const s = sum[g] as number;
    const transition = s + v;
    if (Math.abs(s) >= Math.abs(v))
      correction[g] = (correction[g] as number) + (s - transition + v);
    else correction[g] = (correction[g] as number) + (v - transition + s);
    sum[g] = transition;
  };
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    const g = groupOf[i] as number;
    if (g >= 0) add(g, v);
    if (total >= 0) add(total, v);
  }
  const mean = new Float64Array(slots);
  for (let g = 0; g < slots; g++) {
    const c = count[g] as number;
    mean[g] = c === 0 ? NaN : ((sum[g] as number) + (correction[g] as number)) / c;
  }
  const squares = new Float64Array(slots);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    const g = groupOf[i] as number;
    if (g >= 0) {
      const d = v - (mean[g] as number);
      squares[g] = (squares[g] as number) + d * d;
    }
    if (total >= 0) {
      const d = v - (mean[total] as number);
      squares[total] = (squares[total] as number) + d * d;
    }
  }
  return Array.from({ length: slots }, (_, g) => {
    const c = count[g] as number;
    return {
      n: c,
      mean: mean[g] as number,
      variance: c < 2 ? NaN : (squares[g] as number) / (c - 1),
    };
  });
}
