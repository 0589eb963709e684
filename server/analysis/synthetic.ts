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

function clamp(value: number, min: number, max: number): number {
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

/**
 * A survey export with planted personas, as a CSV arrives: every cell a string, blanks for
 * skipped questions, an id column, and the columns a real questionnaire mixes: six 1-5 agreement
 * items, four single-choice questions whose most common answer depends on the persona, age and
 * trips per year (which differ by persona too), and two columns that carry nothing: a 1-5 rating
 * and a favourite colour answered uniformly at random. Four personas of 40/30/20/10 %.
 *
 * Every two personas differ by 1.4 points on four of the six agreement items (SD 0.75 around
 * them), and each choice question is 80 % its persona's favourite. Together they separate the
 * personas well (scikit-learn's k-means on standardised columns: ARI ≈ 0.97), so
 * the default inputs must include both (see infer-columns.ts) and must not be swamped by the two
 * noise columns. Rows are produced one at a time so that a million can be written to a file
 * without holding them.
 */
export interface PlantedSurveyOptions {
  seed: number;
  n: number;
  /** Share of answers left blank at random (default 0.03). */
  blankRate?: number;
}

export const PLANTED_SURVEY_SHARES: readonly number[] = [0.4, 0.3, 0.2, 0.1];

export const PLANTED_SURVEY_HEADER: readonly string[] = [
  "respondent_id",
  "enjoy_planning",
  "value_for_money",
  "prefer_comfort",
  "seek_adventure",
  "travel_with_family",
  "trust_reviews",
  "booking_channel",
  "trip_purpose",
  "accommodation",
  "main_activity",
  "age",
  "trips_per_year",
  "website_rating",
  "favourite_colour",
];

/** Mean agreement (1-5) of each persona with each of the six items. */
const AGREEMENT_MEANS: readonly (readonly number[])[] = [
  [3.7, 3.7, 2.3, 2.3, 3.7, 2.3],
  [2.3, 2.3, 3.7, 3.7, 3.7, 2.3],
  [3.7, 2.3, 3.7, 2.3, 2.3, 3.7],
  [2.3, 3.7, 2.3, 3.7, 2.3, 3.7],
];

/** Each choice question's options; persona p favours option p. */
const CHOICES: Readonly<Record<string, readonly string[]>> = {
  booking_channel: ["Travel agent", "Airline website", "Comparison site", "Mobile app", "Phone"],
  trip_purpose: ["Visiting family", "Business", "City break", "Adventure", "Beach holiday"],
  accommodation: ["Hotel", "Business hotel", "Holiday rental", "Hostel", "Camping"],
  main_activity: ["Sightseeing", "Meetings", "Food and drink", "Hiking", "Relaxing"],
};
const FAVOURITE_SHARE = 0.8;
const AGE_MEANS = [52, 41, 36, 27];
const TRIPS_MEANS = [2, 9, 4, 6];
const COLOURS = ["Red", "Blue", "Green", "Yellow", "Purple", "Orange"];

export interface PlantedSurveyRow {
  cells: Record<string, string>;
  persona: number;
}

export function* plantedSurveyRows(options: PlantedSurveyOptions): Generator<PlantedSurveyRow> {
  const { seed, n } = options;
  const blankRate = options.blankRate ?? 0.03;
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`n must be a positive integer, got ${n}.`);
  const rng = createRng(seed);
  const cumulative = PLANTED_SURVEY_SHARES.map((_, p) =>
    PLANTED_SURVEY_SHARES.slice(0, p + 1).reduce((a, b) => a + b, 0),
  );
  const likert = (mean: number): string => String(Math.round(clamp(rng.normal(mean, 0.75), 1, 5)));
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    let p = 0;
    while (p < cumulative.length - 1 && u >= (cumulative[p] as number)) p++;
    const cells: Record<string, string> = { respondent_id: `R${String(i + 1).padStart(7, "0")}` };
    const means = AGREEMENT_MEANS[p] as readonly number[];
    PLANTED_SURVEY_HEADER.slice(1, 7).forEach((id, j) => (cells[id] = likert(means[j] as number)));
    for (const [id, options] of Object.entries(CHOICES)) {
      const others = options.filter((_, o) => o !== p);
      cells[id] =
        rng.next() < FAVOURITE_SHARE
          ? (options[p] as string)
          : (others[rng.int(others.length)] as string);
    }
    cells.age = String(Math.round(clamp(rng.normal(AGE_MEANS[p] as number, 9), 18, 85)));
    // Trips: a rounded gamma-like spread around the persona's mean (never negative).
    const mean = TRIPS_MEANS[p] as number;
    cells.trips_per_year = String(Math.max(0, Math.round(rng.normal(mean, mean / 2))));
    cells.website_rating = String(1 + rng.int(5));
    cells.favourite_colour = COLOURS[rng.int(COLOURS.length)] as string;
    for (const column of PLANTED_SURVEY_HEADER.slice(1)) {
      if (rng.next() < blankRate) cells[column] = "";
    }
    yield { cells, persona: p };
  }
}

/** All rows at once, with the persona of each (for tests of a few thousand rows). */
export function plantedSurvey(options: PlantedSurveyOptions): {
  header: string[];
  rows: Record<string, string>[];
  personas: number[];
} {
  const rows: Record<string, string>[] = [];
  const personas: number[] = [];
  for (const r of plantedSurveyRows(options)) {
    rows.push(r.cells);
    personas.push(r.persona);
  }
  return { header: [...PLANTED_SURVEY_HEADER], rows, personas };
}
