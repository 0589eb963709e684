// Emotion changes between consecutive stages, per row of the map. A change is paired within
// respondents (each one's valence here minus at the previous stage, over those who rated both),
// which removes between-person spread from its interval. Each change keeps its own unadjusted
// 95 % interval: it is read on its own, not chosen as the largest (moments.ts adjusts the one
// it picks). Two forms: on the map form of the values (emotionChanges) and on the fill's columns
// (emotionChangesOfColumns), which give the same numbers.
import { meanAndVariance, meanAndVarianceByGroup, type MeanVariance } from "../stats/mean-variance";
import { meanIntervalOfMoments } from "../stats/welch-t-test";
import { tooFew, tooWide } from "./evidence";
import { signed } from "./format";
import type { JourneyFillParameters } from "./input";
import type { TEmotionChange } from "./result";
import {
  columnValueAt,
  hasWholeCodes,
  type FillRow,
  type ScoreColumn,
  type StageValues,
} from "./values";

/** Confidence of each emotion change's own interval. */
export const CHANGE_CONFIDENCE = 0.95;

export function emotionChanges(
  stages: readonly StageValues[],
  rows: readonly FillRow[],
  params: Pick<JourneyFillParameters, "minN" | "maxIntervalWidth">,
): TEmotionChange[] {
  const out: TEmotionChange[] = [];
  for (const row of rows) {
    for (let i = 1; i < stages.length; i++) {
      const from = stages[i - 1] as StageValues;
      const to = stages[i] as StageValues;
      const diffs = row.responseIds.flatMap((id) => {
        const a = from.emotion.get(id);
        const b = to.emotion.get(id);
        return a && b ? [b.value - a.value] : [];
      });
      out.push(
        emotionChange(row.personaIndex, from.stage.id, to.stage.id, meanAndVariance(diffs), params),
      );
    }
  }
  return out;
}

/**
 * emotionChanges on the fill's columns (emotion NaN when absent). Rows are response positions:
 * persona rows hold disjoint positions in ascending order, the all-respondents row (personaIndex
 * null) every position; each transition is one pass over the respondents for all rows at once.
 */
export function emotionChangesOfColumns(
  stages: readonly { stage: { id: string }; emotion: ScoreColumn }[],
  rows: readonly { personaIndex: number | null; members: Int32Array }[],
  params: Pick<JourneyFillParameters, "minN" | "maxIntervalWidth">,
): TEmotionChange[] {
  const first = stages[0]?.emotion;
  const respondents = first ? (first.code ?? (first.value as Float64Array)).length : 0;
  // Each position's persona row; the all-respondents row is the total of every position.
  const rowOf = new Int32Array(respondents).fill(-1);
  rows.forEach((row, r) => {
    if (row.personaIndex !== null) for (const position of row.members) rowOf[position] = r;
  });
  const all = rows.findIndex((row) => row.personaIndex === null);
  let diffs: Float64Array | null = null;
  const byTransition: TEmotionChange[][] = [];
  for (let i = 1; i < stages.length; i++) {
    const fromStage = stages[i - 1] as (typeof stages)[number];
    const toStage = stages[i] as (typeof stages)[number];
    const coded = pairedMomentsOfCodes(fromStage.emotion, toStage.emotion, rowOf, rows.length);
    let moments = coded;
    if (moments === null) {
      // NaN (no pair) wherever either stage has no value.
      diffs ??= new Float64Array(respondents);
      pairedDifferences(fromStage.emotion, toStage.emotion, diffs);
      moments = meanAndVarianceByGroup(diffs, rowOf, rows.length, all >= 0);
    }
    byTransition.push(
      rows.map((row, r) =>
        emotionChange(
          row.personaIndex,
          fromStage.stage.id,
          toStage.stage.id,
          (r === all ? moments[rows.length] : moments[r]) as MeanVariance,
          params,
        ),
      ),
    );
  }
  return rows.flatMap((_, r) => byTransition.map((changes) => changes[r] as TEmotionChange));
}

/**
 * Per row and for all respondents (the last result), the count, mean and variance of the paired
 * differences between two whole-coded columns (hasWholeCodes), without a column of differences:
 * a difference of whole numbers is whole, so each row's sum is exact from its count of each pair
 * of codes, and only the squared deviations are added per respondent in input order, from a
 * per-pair table, which gives the doubles meanAndVarianceByGroup gives on the differences. Null
 * when either column is not of whole codes.
 */
function pairedMomentsOfCodes(
  from: ScoreColumn,
  to: ScoreColumn,
  rowOf: Int32Array,
  rowCount: number,
): MeanVariance[] | null {
  if (!hasWholeCodes(from) || !hasWholeCodes(to)) return null;
  const fromCode = from.code;
  const toCode = to.code;
  const kTo = to.codeValue.length;
  const pairs = from.codeValue.length * kTo;
  // Rows 0..rowCount−1, then the total.
  const slots = rowCount + 1;
  const counts = new Float64Array(slots * pairs);
  const totalAt = rowCount * pairs;
  for (let position = 0; position < fromCode.length; position++) {
    const f = fromCode[position] as number;
    const t = toCode[position] as number;
    if (f === 0 || t === 0) continue;
    const pair = f * kTo + t;
    const r = rowOf[position] as number;
    if (r >= 0) counts[r * pairs + pair] = (counts[r * pairs + pair] as number) + 1;
    counts[totalAt + pair] = (counts[totalAt + pair] as number) + 1;
  }
  const difference = new Float64Array(pairs).fill(NaN);
  for (let f = 1; f < from.codeValue.length; f++)
    for (let t = 1; t < kTo; t++)
      difference[f * kTo + t] = (to.codeValue[t] as number) - (from.codeValue[f] as number);
  const n = new Float64Array(slots);
  const mean = new Float64Array(slots);
  const square = new Float64Array(slots * pairs);
  for (let g = 0; g < slots; g++) {
    let sum = 0;
    for (let pair = 0; pair < pairs; pair++) {
      const count = counts[g * pairs + pair] as number;
      if (count === 0) continue;
      n[g] = (n[g] as number) + count;
      sum += count * (difference[pair] as number);
    }
    mean[g] = n[g] === 0 ? NaN : sum / (n[g] as number);
    for (let pair = 0; pair < pairs; pair++) {
      const d = (difference[pair] as number) - (mean[g] as number);
      square[g * pairs + pair] = d * d;
    }
  }
  const squares = new Float64Array(slots);
  for (let position = 0; position < fromCode.length; position++) {
    const f = fromCode[position] as number;
    const t = toCode[position] as number;
    if (f === 0 || t === 0) continue;
    const pair = f * kTo + t;
    const r = rowOf[position] as number;
    if (r >= 0) squares[r] = (squares[r] as number) + (square[r * pairs + pair] as number);
    squares[rowCount] = (squares[rowCount] as number) + (square[totalAt + pair] as number);
  }
  return Array.from({ length: slots }, (_, g) => {
    const count = n[g] as number;
    return {
      n: count,
      mean: mean[g] as number,
      variance: count < 2 ? NaN : (squares[g] as number) / (count - 1),
    };
  });
}

/** Each respondent's value in `to` minus in `from`, straight from the columns' codes when coded. */
function pairedDifferences(from: ScoreColumn, to: ScoreColumn, diffs: Float64Array): void {
  const n = diffs.length;
  if (from.code !== null && to.code !== null) {
    const fromCode = from.code;
    const toCode = to.code;
    const fromValue = from.codeValue;
    const toValue = to.codeValue;
    for (let position = 0; position < n; position++)
      diffs[position] =
        (toValue[toCode[position] as number] as number) -
        (fromValue[fromCode[position] as number] as number);
    return;
  }
  for (let position = 0; position < n; position++)
    diffs[position] = columnValueAt(to, position) - columnValueAt(from, position);
}

/** One row's change between two stages from its respondents' paired differences. */
function emotionChange(
  personaIndex: number | null,
  fromStageId: string,
  toStageId: string,
  /** Count, mean and variance of the row's paired differences. */
  diffs: MeanVariance,
  params: Pick<JourneyFillParameters, "minN" | "maxIntervalWidth">,
): TEmotionChange {
  const head = { personaIndex, fromStageId, toStageId };
  const few = tooFew(diffs.n, params.minN, "respondents rated their emotion at both stages");
  if (few) return { ...head, change: few };
  const ci = meanIntervalOfMoments(diffs, CHANGE_CONFIDENCE);
  const interval = { lower: ci.lower, upper: ci.upper };
  const wide = tooWide(
    diffs.n,
    interval,
    { range: 4, name: "−2..+2 emotion scale", write: signed },
    params.maxIntervalWidth,
  );
  return {
    ...head,
    change: wide ?? {
      status: "ok",
      n: diffs.n,
      mean: ci.mean,
      interval,
      excludesZero: interval.lower > 0 || interval.upper < 0,
    },
  };
}
