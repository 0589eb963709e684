// The tone of a group of people: the shares of them whose words read negative, neutral and
// positive, each with a Wilson 95 % interval, rather than a mean score (most answers score near
// zero, so a mean with a t interval calls a cell of complaints "neutral"). A person who wrote
// several answers counts once, with the mean of their answers' scores. The group "leans" one way
// when, among the people whose words carry a tone, the Wilson interval of the negative share lies
// wholly above one half (negative) or wholly below it (positive); otherwise it is mixed, reported
// as neutral.
import { wilsonInterval } from "../stats/wilson";
import { toneLabel, type ToneLabel } from "./tone";

export interface ToneShare {
  count: number;
  share: number;
  interval: { lower: number; upper: number };
}

export interface ToneSummary {
  /** People. */
  n: number;
  negative: ToneShare;
  neutral: ToneShare;
  positive: ToneShare;
  /** Mean of the people's scores, −1..+1 (shown only as a detail). */
  meanScore: number;
  lean: ToneLabel;
}

function share(count: number, n: number): ToneShare {
  const w = wilsonInterval(count, n);
  return { count, share: n === 0 ? 0 : count / n, interval: { lower: w.lower, upper: w.upper } };
}

/** One score per person: the mean of their answers' scores. */
export function personScores(answerScores: readonly (readonly number[])[]): number[] {
  return answerScores
    .filter((s) => s.length > 0)
    .map((s) => s.reduce((a, b) => a + b, 0) / s.length);
}

export function summariseTone(scores: readonly number[]): ToneSummary {
  const n = scores.length;
  const labels = scores.map(toneLabel);
  const count = (l: ToneLabel): number => labels.filter((x) => x === l).length;
  const negative = count("negative");
  const positive = count("positive");
  const toned = negative + positive;
  let lean: ToneLabel = "neutral";
  if (toned > 0) {
    const w = wilsonInterval(negative, toned);
    if (w.lower > 0.5) lean = "negative";
    else if (w.upper < 0.5) lean = "positive";
  }
  return {
    n,
    negative: share(negative, n),
    neutral: share(count("neutral"), n),
    positive: share(positive, n),
    meanScore: n === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / n,
    lean,
  };
}
