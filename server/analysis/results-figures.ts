// The figures of one numeric question in a results summary: mean with its t interval, median with
// a distribution-free interval (order statistics), the distribution over the scale's points or over
// bins of a free number, and the Net Promoter Score with its interval. Plain numbers in and out.
import { gammaln, max, mean, median, min, sampleStandardDeviation } from "simple-statistics";
import { normalQuantile } from "./stats/distributions";
import { meanConfidenceInterval } from "./stats/welch-t-test";
import { wilsonInterval } from "./stats/wilson";

export interface Interval {
  lower: number;
  upper: number;
}

export interface CountRow {
  /** What the row counts: an option value, a scale point, or a bin "from–to". */
  value: string;
  label: string;
  count: number;
  /** count / the question's n; NaN when nobody answered. */
  share: number;
  interval: Interval;
}

export interface NumericFigures {
  n: number;
  mean: number;
  /** Null below two answers (no spread to estimate). */
  meanInterval: Interval | null;
  sd: number | null;
  median: number;
  /** Null when there are too few answers for a 95 % order-statistic interval (n < 6). */
  medianInterval: Interval | null;
  min: number;
  max: number;
}

export interface NpsFigures {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** 100 × (share of promoters − share of detractors), in [−100, 100]. */
  score: number;
  /** Normal approximation of the difference of two multinomial shares, clipped to [−100, 100]. */
  interval: Interval | null;
}

export function countRow(
  value: string,
  label: string,
  count: number,
  n: number,
  confidence: number,
): CountRow {
  const w = wilsonInterval(count, n, confidence);
  return { value, label, count, share: w.estimate, interval: { lower: w.lower, upper: w.upper } };
}

export function numericFigures(values: readonly number[], confidence: number): NumericFigures {
  if (values.length === 0) throw new RangeError("numericFigures needs at least one value.");
  const xs = [...values];
  const mi = xs.length >= 2 ? meanConfidenceInterval(xs, confidence) : null;
  return {
    n: xs.length,
    mean: mean(xs),
    meanInterval: mi ? { lower: mi.lower, upper: mi.upper } : null,
    sd: xs.length >= 2 ? sampleStandardDeviation(xs) : null,
    median: median(xs),
    medianInterval: medianInterval(xs, confidence),
    min: min(xs),
    max: max(xs),
  };
}

/**
 * The order statistics x(r) and x(n−r+1) around the median, with r the largest rank for which
 * P(Binomial(n, ½) ≤ r − 1) ≤ α/2: covers the population median with at least the stated
 * confidence, whatever the distribution, and stays on values people actually gave.
 */
export function medianInterval(values: readonly number[], confidence: number): Interval | null {
  const n = values.length;
  const halfAlpha = (1 - confidence) / 2;
  const lnHalfPowN = -n * Math.LN2;
  let cumulative = 0;
  let r = 0;
  while (r < n) {
    const next = cumulative + Math.exp(lnChoose(n, r) + lnHalfPowN);
    if (next > halfAlpha) break;
    cumulative = next;
    r += 1;
  }
  if (r < 1) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { lower: sorted[r - 1] as number, upper: sorted[n - r] as number };
}

function lnChoose(n: number, k: number): number {
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}

/** Counts per scale point, every point listed (also those nobody chose), in scale order. */
export function scaleDistribution(
  values: readonly number[],
  points: readonly { value: number; label: string }[],
  confidence: number,
): CountRow[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const rows = points.map((p) =>
    countRow(String(p.value), p.label, counts.get(p.value) ?? 0, values.length, confidence),
  );
  // Values off the scale (e.g. imported before the scale changed) are shown, not dropped.
  const known = new Set(points.map((p) => p.value));
  const extra = [...counts.keys()].filter((v) => !known.has(v)).sort((a, b) => a - b);
  for (const v of extra) {
    rows.push(countRow(String(v), String(v), counts.get(v) ?? 0, values.length, confidence));
  }
  return rows;
}

/**
 * A free number's distribution: one row per value when there are few whole numbers, otherwise
 * equal-width bins (Sturges' count, at most 12), each bin holding [from, to) and the last [from, to].
 */
export function numberDistribution(values: readonly number[], confidence: number): CountRow[] {
  const n = values.length;
  if (n === 0) return [];
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length <= 12 && distinct.every(Number.isInteger)) {
    return scaleDistribution(
      values,
      distinct.map((v) => ({ value: v, label: String(v) })),
      confidence,
    );
  }
  const lo = min([...values]);
  const hi = max([...values]);
  const binCount = Math.min(12, Math.ceil(Math.log2(n)) + 1);
  const width = (hi - lo) / binCount;
  const counts = new Array<number>(binCount).fill(0);
  for (const v of values) {
    const index = width === 0 ? 0 : Math.min(binCount - 1, Math.floor((v - lo) / width));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  const fmt = (x: number) => String(Number(x.toPrecision(4)));
  return counts.map((count, i) => {
    const from = lo + i * width;
    const to = i === binCount - 1 ? hi : lo + (i + 1) * width;
    const label = `${fmt(from)} to ${i === binCount - 1 ? "" : "under "}${fmt(to)}`;
    return countRow(`${fmt(from)}-${fmt(to)}`, label, count, n, confidence);
  });
}

/** NPS of 0–10 ratings: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsFigures(values: readonly number[], confidence: number): NpsFigures | null {
  const n = values.length;
  if (n === 0) return null;
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  const p = promoters / n;
  const d = detractors / n;
  const variance = (p + d - (p - d) ** 2) / n;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const half = z * Math.sqrt(variance) * 100;
  const score = (p - d) * 100;
  return {
    n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    score,
    interval:
      n >= 2 ? { lower: Math.max(-100, score - half), upper: Math.min(100, score + half) } : null,
  };
}
