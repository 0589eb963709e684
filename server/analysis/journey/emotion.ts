// One emotion cell: the mean valence of the cell's respondents on −2..+2 with its 95 % t interval,
// their spread (kept for comparing runs), and how many answers fell on each level of the scale.
import { emotionScale } from "~/server/domain/survey/scale-points";
import { meanAndVariance, type MeanVariance } from "../stats/mean-variance";
import { meanIntervalOfMoments } from "../stats/welch-t-test";
import { clampInterval, tooFew, tooWide } from "./evidence";
import { signed } from "./format";
import type { JourneyFillParameters } from "./input";
import type { TEmotionCell, TTone } from "./result";
import { EMOTION_RANGE, type RespondentScore } from "./values";

export const EMOTION_LEVELS = emotionScale.map((p) => ({ value: p.value, label: p.label.en }));

/** Answers per level, each answer rounded to the nearest level (mapped scales fall between). */
export function levelCounts(
  answers: readonly number[],
  levels: readonly { value: number; label: string }[],
): { value: number; label: string; count: number }[] {
  return levels.map((level) => ({
    ...level,
    count: answers.filter((a) => Math.round(a) === level.value).length,
  }));
}

export function summariseEmotion(
  scores: readonly RespondentScore[],
  params: Pick<JourneyFillParameters, "minN" | "maxIntervalWidth">,
): TEmotionCell {
  return summariseEmotionMoments(
    meanAndVariance(scores.map((s) => s.value)),
    () =>
      levelCounts(
        scores.flatMap((s) => s.answers),
        EMOTION_LEVELS,
      ),
    params,
  );
}

/**
 * The cell from its respondents' values, given as their count, mean and variance (the interval
 * and the sd need nothing else); the distribution is asked for only when shown.
 */
export function summariseEmotionMoments(
  moments: MeanVariance,
  distribution: () => { value: number; label: string; count: number }[],
  params: Pick<JourneyFillParameters, "minN" | "maxIntervalWidth">,
): TEmotionCell {
  const n = moments.n;
  const few = tooFew(n, params.minN, "respondents rated their emotion here");
  if (few) return few;
  const ci = meanIntervalOfMoments(moments);
  const wide = tooWide(
    n,
    ci,
    { range: EMOTION_RANGE.max - EMOTION_RANGE.min, name: "−2..+2 emotion scale", write: signed },
    params.maxIntervalWidth,
  );
  if (wide) return wide;
  return {
    status: "ok",
    n,
    mean: ci.mean,
    sd: Math.sqrt(moments.variance),
    interval: clampInterval(ci, EMOTION_RANGE.min, EMOTION_RANGE.max),
    distribution: distribution(),
  };
}

/** Positive or negative only when the whole interval says so. */
export function toneOfInterval(interval: { lower: number; upper: number }): TTone {
  if (interval.lower > 0) return "positive";
  if (interval.upper < 0) return "negative";
  return "neutral";
}
