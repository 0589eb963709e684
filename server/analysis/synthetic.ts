// Survey answers with planted segments, for tests, benchmarks and demos: every row comes with the
// segment it was drawn from, so clustering can be scored against the truth. Pure and seeded.
import type { AnswerRow, FeatureSpec } from "./encode-types";
import { createRng, type Rng } from "./rng";

export type SyntheticShape = "separated" | "overlapping" | "unequal" | "categorical";

export interface SyntheticOptions {
  seed: number;
  /** Respondents. */
  n: number;
  /** Planted segments. */
  segments: number;
  /**
   * separated: Gaussian segments on 0..10 scales, centres ≥ 7 apart and evenly spread, SD 0.8;
   * overlapping: the same layout squeezed (centres ≈ 2.8 apart, SD 1.2), so segments blur;
   * unequal: separated, with sizes ∝ 1, 1/2, 1/3, ...;
   * categorical: single-choice questions (4 options; each segment has its own favourite, drawn
   * 70 % of the time) and one multi-select question.
   */
  shape: SyntheticShape;
  /** Questions that carry the segments (default 6). */
  questions?: number;
  /**
   * Extra questions answered uniformly at random, whatever the segment (default 0): 1..5 ratings
   * and 0..10 scales alternating, or four-option choices for the categorical shape.
   */
  noiseQuestions?: number;
  /** Share of answers blanked at random (default 0). */
  missingRate?: number;
  /** Relative segment sizes; overrides the shape's default. */
  sizes?: readonly number[];
}

export interface SyntheticData {
  features: FeatureSpec[];
  rows: AnswerRow[];
  /** Planted segment of each row. */
  labels: number[];
}

/** Segment sizes summing to n exactly (largest remainder), so small segments are not rounded away. */
function segmentCounts(n: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / total) * n);
  const counts = raw.map(Math.floor);
  let left = n - counts.reduce((a, b) => a + b, 0);
  const byRemainder = raw
    .map((r, i) => ({ i, r: r - Math.floor(r) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    counts[i]! += 1;
  }
  return counts;
}

function hamming(a: readonly number[], b: readonly number[]): number {
  return a.reduce((h, v, j) => h + (v === b[j] ? 0 : 1), 0);
}

function minPairwiseHamming(codes: readonly (readonly number[])[]): number {
  let min = Infinity;
  for (let a = 0; a < codes.length; a++) {
    for (let b = a + 1; b < codes.length; b++) min = Math.min(min, hamming(codes[a]!, codes[b]!));
  }
  return min;
}

/**
 * Corners of the {0, 1}^q cube as the segments' centre patterns, pairwise at Hamming distance
 * ≥ 2 (any two segments differ on at least two questions). The most evenly spread of 200 random
 * draws is kept: with a lopsided draw one segment sits far from the others, and the data become
 * a hierarchy (1 vs the rest) rather than k equally separated segments.
 */
function cornerCodes(rng: Rng, k: number, q: number): number[][] {
  // The even-weight corners are the largest such set: 2^(q−1) of them.
  if (k > 2 ** (q - 1)) {
    throw new RangeError(`Cannot place ${k} segments on ${q} questions; add questions.`);
  }
  let best: number[][] | null = null;
  let bestSpread = -1;
  for (let attempt = 0; attempt < 10_000 && (attempt < 200 || !best); attempt++) {
    const codes: number[][] = [];
    for (let tries = 0; codes.length < k && tries < 1000; tries++) {
      const code = Array.from({ length: q }, () => rng.int(2));
      if (codes.every((c) => hamming(c, code) >= 2)) codes.push(code);
    }
    if (codes.length < k) continue;
    const spread = k > 1 ? minPairwiseHamming(codes) : q;
    if (spread > bestSpread) {
      best = codes;
      bestSpread = spread;
    }
  }
  if (!best) throw new RangeError(`Cannot place ${k} segments on ${q} questions; add questions.`);
  return best;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function generateSegments(options: SyntheticOptions): SyntheticData {
  const { seed, n, segments: k, shape } = options;
  const q = options.questions ?? 6;
  const noise = options.noiseQuestions ?? 0;
  const missingRate = options.missingRate ?? 0;
  if (!Number.isInteger(n) || n < k)
    throw new RangeError(`n must be an integer >= segments, got ${n}.`);
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`segments must be a positive integer, got ${k}.`);
  if (!(missingRate >= 0 && missingRate < 1))
    throw new RangeError(`missingRate must be in [0, 1), got ${missingRate}.`);
  const rng = createRng(seed);

  const weights =
    options.sizes ?? Array.from({ length: k }, (_, i) => (shape === "unequal" ? 1 / (i + 1) : 1));
  if (weights.length !== k || weights.some((w) => !(w > 0))) {
    throw new RangeError("sizes must give one positive weight per segment.");
  }
  const labels = rng.shuffle(
    segmentCounts(n, weights).flatMap((count, s) => new Array<number>(count).fill(s)),
  );

  const features: FeatureSpec[] = [];
  const draw: ((segment: number) => AnswerRow[string])[] = [];

  if (shape === "categorical") {
    const optionsOf = (prefix: string) => ["a", "b", "c", "d"].map((o) => `${prefix}-${o}`);
    for (let j = 0; j < q; j++) {
      const id = `choice${j + 1}`;
      const opts = optionsOf(id);
      // Distinct favourites per question while there are options enough, so that no two
      // segments are planted identical on most questions by chance.
      const order = rng.shuffle(opts.map((_, o) => o));
      const favourite = Array.from({ length: k }, (_, s) => order[s] ?? rng.int(opts.length));
      features.push({ id, kind: "categorical", options: opts });
      draw.push((s) => {
        const fav = favourite[s] as number;
        if (rng.next() < 0.7) return opts[fav] as string;
        const others = opts.filter((_, o) => o !== fav);
        return others[rng.int(others.length)] as string;
      });
    }
    const multiOptions = ["m1", "m2", "m3", "m4", "m5"];
    const ticks = Array.from({ length: k }, () => multiOptions.map(() => rng.next() < 0.5));
    features.push({ id: "channels", kind: "multi", options: multiOptions });
    draw.push((s) => multiOptions.filter((_, o) => rng.next() < (ticks[s]?.[o] ? 0.8 : 0.1)));
  } else {
    const [low, high, sd] = shape === "overlapping" ? [4, 6, 1.2] : [2.5, 7.5, 0.8];
    const codes = cornerCodes(rng, k, q);
    for (let j = 0; j < q; j++) {
      features.push({ id: `scale${j + 1}`, kind: "numeric", min: 0, max: 10 });
      draw.push((s) => {
        const centre = codes[s]?.[j] === 1 ? high : low;
        return Math.round(clamp(rng.normal(centre, sd), 0, 10) * 100) / 100;
      });
    }
  }

  // Noise questions are uniform and of the same family as the signal: a uniform single-choice
  // question among scales would itself split respondents into tidy one-hot groups and swamp the
  // planted segments, which tests the data rather than the clustering.
  for (let j = 0; j < noise; j++) {
    const id = `noise${j + 1}`;
    if (shape === "categorical") {
      const opts = ["w", "x", "y", "z"];
      features.push({ id, kind: "categorical", options: opts });
      draw.push(() => opts[rng.int(opts.length)] as string);
    } else if (j % 2 === 0) {
      features.push({ id, kind: "ordinal", min: 1, max: 5 });
      draw.push(() => 1 + rng.int(5));
    } else {
      features.push({ id, kind: "numeric", min: 0, max: 10 });
      draw.push(() => Math.round(rng.next() * 1000) / 100);
    }
  }

  const rows = labels.map((segment) => {
    const row: Record<string, AnswerRow[string]> = {};
    features.forEach((f, j) => {
      const value = (draw[j] as (s: number) => AnswerRow[string])(segment);
      row[f.id] = missingRate > 0 && rng.next() < missingRate ? null : value;
    });
    return row;
  });
  return { features, rows, labels };
}
