// A survey export with planted personas, as a CSV arrives (every cell a string), for tests,
// benchmarks and demos of the whole path from a bare CSV: column inference, encoding, clustering
// and profiling can all be scored against the persona each row was drawn from. Pure and seeded.
import { createRng } from "./rng";
import { clamp } from "./synthetic";

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
