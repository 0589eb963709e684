// Emotion changes between consecutive stages and the moments of truth they suggest. A change is
// paired within respondents (each one's valence here minus at the previous stage, over those who
// rated both), which removes between-person spread from its interval. Per persona, two kinds of
// suggestion: the stage where its pain index is highest among the stages where it suffers
// significantly more than the other personas, and the stage where its emotion drops most from
// the previous one, with the drop's interval; only a drop whose interval excludes 0 unless
// suggestNoisyDrops asks for the largest drop anyway (then flagged as possibly noise). Both
// reasons at one stage make one suggestion. Every change, noisy or not, stays in emotionChanges.
//
// The biggest drop is picked from the S − 1 stage transitions, so its ordinary 95 % interval
// overstates the evidence: with four transitions of pure noise, one of them excludes 0 about 19 %
// of the time, not 5 %. The moment's interval is therefore Bonferroni-adjusted over the S − 1
// transitions (each at confidence 1 − 0.05 / (S − 1)), which keeps the chance that any of the
// persona's transition intervals misses its true change at 5 % or less, and so covers whichever
// one is picked. Bonferroni rather than a simultaneous max-t interval because the transitions
// share respondents (their correlations are unknown here) and Bonferroni needs no assumption
// about them; with 3-8 stages it is only slightly wider than exact. All S − 1 transitions count,
// not only those with enough answers: which ones qualified was part of the search. The cells'
// emotion changes (emotionChanges) keep their unadjusted 95 % intervals: each one there is read
// on its own, not chosen as the largest.
import { studentTQuantile } from "../stats/distributions";
import { meanAndVariance, meanAndVarianceByGroup, type MeanVariance } from "../stats/mean-variance";
import { meanIntervalOfMoments } from "../stats/welch-t-test";
import { tooFew, tooWide } from "./evidence";
import { qText, range, signed } from "./format";
import type { JourneyFillParameters } from "./input";
import type { TEmotionChange, TFillCell, TMomentSuggestion } from "./result";
import {
  columnValueAt,
  hasWholeCodes,
  type FillRow,
  type ScoreColumn,
  type StageValues,
} from "./values";

/** Confidence of each emotion change's own interval. */
export const CHANGE_CONFIDENCE = 0.95;

/**
 * The Bonferroni-adjusted interval of a change over `transitions` comparisons, from its 95 %
 * t interval on n − 1 degrees of freedom (the standard error is the half-width over the 97.5 %
 * quantile), so no respondent data is needed again.
 */
export function bonferroniDropInterval(
  change: { n: number; mean: number; interval: { lower: number; upper: number } },
  transitions: number,
): { lower: number; upper: number; confidence: number } {
  const confidence = 1 - (1 - CHANGE_CONFIDENCE) / Math.max(1, transitions);
  const halfWidth = (change.interval.upper - change.interval.lower) / 2;
  const margin = halfWidth * widening(change.n - 1, confidence);
  return { lower: change.mean - margin, upper: change.mean + margin, confidence };
}

/** t(1 − (1 − confidence)/2, df) / t(0.975, df), memoised: quantiles are found by bisection. */
const wideningCache = new Map<string, number>();
function widening(df: number, confidence: number): number {
  const key = `${df}:${confidence}`;
  let ratio = wideningCache.get(key);
  if (ratio === undefined) {
    ratio =
      studentTQuantile(1 - (1 - confidence) / 2, df) /
      studentTQuantile(1 - (1 - CHANGE_CONFIDENCE) / 2, df);
    wideningCache.set(key, ratio);
  }
  return ratio;
}

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

interface NamedStage {
  id: string;
  name: string;
}

export function suggestMoments(
  cells: readonly TFillCell[],
  changes: readonly TEmotionChange[],
  stages: readonly NamedStage[],
  personas: readonly { index: number; name: string }[],
  params: Pick<JourneyFillParameters, "suggestNoisyDrops">,
): TMomentSuggestion[] {
  const position = new Map(stages.map((s, i) => [s.id, i]));
  const stageName = (id: string): string => stages.find((s) => s.id === id)?.name ?? id;
  const out: TMomentSuggestion[] = [];
  for (const persona of personas) {
    const byStage = new Map<string, { reasons: TMomentSuggestion["reasons"]; text: string[] }>();
    const add = (stageId: string, reason: TMomentSuggestion["reasons"][number], text: string) => {
      const entry = byStage.get(stageId) ?? { reasons: [], text: [] };
      entry.reasons.push(reason);
      entry.text.push(text);
      byStage.set(stageId, entry);
    };

    let peak: TFillCell | null = null;
    for (const cell of cells) {
      if (cell.personaIndex !== persona.index || cell.pain.status !== "ok") continue;
      if (!cell.pain.test?.significant) continue;
      if (!peak || (peak.pain.status === "ok" && cell.pain.index > peak.pain.index)) peak = cell;
    }
    if (peak && peak.pain.status === "ok" && peak.pain.test) {
      const p = peak.pain;
      const test = peak.pain.test;
      add(
        peak.stageId,
        { kind: "pain-peak", index: p.index, interval: p.interval, n: p.n, q: test.q },
        `${persona.name}'s pain peaks at ${stageName(peak.stageId)}: severity index ${p.index.toFixed(0)} (95 % CI ${range(p.interval, (v) => v.toFixed(0))}, n = ${p.n}), more than the other personas' ${test.othersIndex.toFixed(0)} (${qText(test.q)}).`,
      );
    }

    // The biggest drop among the S − 1 transitions, claimed only when its Bonferroni-adjusted
    // interval (see the header) excludes 0, unless suggestNoisyDrops asks for it anyway.
    const transitions = Math.max(1, stages.length - 1);
    let drop: { change: TEmotionChange; interval: { lower: number; upper: number } } | null = null;
    const confidence = 1 - (1 - CHANGE_CONFIDENCE) / transitions;
    for (const c of changes) {
      if (c.personaIndex !== persona.index || c.change.status !== "ok" || c.change.mean >= 0)
        continue;
      const adjusted = bonferroniDropInterval(c.change, transitions);
      if (adjusted.upper >= 0 && !params.suggestNoisyDrops) continue;
      if (!drop || (drop.change.change.status === "ok" && c.change.mean < drop.change.change.mean))
        drop = { change: c, interval: { lower: adjusted.lower, upper: adjusted.upper } };
    }
    if (drop && drop.change.change.status === "ok") {
      const d = drop.change.change;
      const excludesZero = drop.interval.upper < 0;
      const level = `${+(confidence * 100).toFixed(2)} % CI, adjusted for ${transitions} stage transition${transitions === 1 ? "" : "s"}`;
      add(
        drop.change.toStageId,
        {
          kind: "emotion-drop",
          fromStageId: drop.change.fromStageId,
          drop: d.mean,
          interval: drop.interval,
          n: d.n,
          excludesZero,
          adjustment: { method: "bonferroni", transitions, confidence },
        },
        `${persona.name}'s emotion drops most from ${stageName(drop.change.fromStageId)} to ${stageName(drop.change.toStageId)}: ${signed(d.mean)} on the −2..+2 scale (${level}: ${range(drop.interval, signed)}, n = ${d.n})${excludesZero ? "" : "; the interval includes 0, so the drop may be noise"}.`,
      );
    }

    for (const [stageId, entry] of byStage) {
      out.push({
        personaIndex: persona.index,
        stageId,
        reasons: entry.reasons,
        text: entry.text.join(" "),
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.personaIndex - b.personaIndex ||
      (position.get(a.stageId) ?? 0) - (position.get(b.stageId) ?? 0),
  );
}
