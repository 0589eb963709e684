// The tone of an answer as the app reports it: two scorers combined and calibrated. One is our
// rule scorer (tone.ts: VADER's word list with customer-service words, negation, intensifiers,
// "but"), the other wink-nlp's own sentiment (its AFINN-based list with its negation handling).
// Each alone leaves many negative answers at zero or slightly positive: a complaint often praises
// something before it turns ("nice staff, but ..."), and faint praise in a review is usually a
// complaint. A logistic model, z = a·rules + b·wink + c, weighs the two and moves the neutral point;
// the reported score is tanh(z / 2) (= 2·P(positive) − 1) on −1..+1.
//
// Its three numbers were fitted (fitToneCalibration below) on the 1,000 phone and accessory
// review sentences of the UCI "Sentiment Labelled Sentences" data set (Kotzias et al., KDD 2015,
// CC BY 4.0; amazon_cells_labelled.txt) and checked on its 1,000 film review sentences
// (imdb_labelled.txt), which they never saw; bench/text.ts refits on each file and reports the
// other, both ways. No sentence of the data set is kept in the project.
//
// An answer in which neither scorer finds a single toned word is neutral (score 0): the model would
// otherwise call it negative, by the intercept alone, which is a guess about the data set, not a
// reading of the answer.
import { NEUTRAL_BAND, rawTone, toneLabel, type ToneLabel } from "./tone";

export interface ToneCalibration {
  /** Weight of the rule score (squashed to −1..+1). */
  rules: number;
  /** Weight of wink-nlp's score (−1..+1). */
  wink: number;
  intercept: number;
}

/** Fitted on amazon_cells_labelled.txt (see the header); bench/text.ts reproduces the fit. */
export const TONE_CALIBRATION: ToneCalibration = {
  rules: 3.6482,
  wink: 3.4776,
  intercept: -1.0439,
};

export interface ToneInputs {
  /** The rule scorer's raw sum (tone.ts rawTone). */
  rulesRaw: number;
  /** wink-nlp's sentiment. */
  wink: number;
}

export interface AnswerTone {
  /** −1 (negative) .. +1 (positive); 0 when no word carries tone. */
  score: number;
  label: ToneLabel;
}

export function squashRules(raw: number): number {
  return raw / Math.sqrt(raw * raw + 15);
}

export function calibratedTone(
  inputs: ToneInputs,
  calibration: ToneCalibration = TONE_CALIBRATION,
): AnswerTone {
  if (inputs.rulesRaw === 0 && inputs.wink === 0) return { score: 0, label: "neutral" };
  const z =
    calibration.rules * squashRules(inputs.rulesRaw) +
    calibration.wink * inputs.wink +
    calibration.intercept;
  const score = Math.tanh(z / 2);
  return { score, label: toneLabel(score) };
}

/** The rule scorer alone, squashed to −1..+1 (for comparison in the bench). */
export function rulesOnlyTone(text: string): AnswerTone {
  const score = squashRules(rawTone(text));
  return { score, label: Math.abs(score) < NEUTRAL_BAND ? "neutral" : toneLabel(score) };
}

/**
 * Logistic regression of the labels (1 positive, 0 negative) on the two scores, by plain gradient
 * descent from zero with a small ridge on the two weights: deterministic, and with three
 * parameters on a thousand sentences there is nothing to gain from anything cleverer.
 */
export function fitToneCalibration(
  rows: readonly (ToneInputs & { positive: boolean })[],
  iterations = 3000,
): ToneCalibration {
  let a = 0;
  let b = 0;
  let c = 0;
  const n = rows.length;
  if (n === 0) return { rules: 0, wink: 0, intercept: 0 };
  const xs = rows.map((r) => ({ r: squashRules(r.rulesRaw), w: r.wink, y: r.positive ? 1 : 0 }));
  const ridge = 0.001;
  for (let it = 0; it < iterations; it++) {
    let ga = 0;
    let gb = 0;
    let gc = 0;
    for (const x of xs) {
      const p = 1 / (1 + Math.exp(-(a * x.r + b * x.w + c)));
      const e = p - x.y;
      ga += e * x.r;
      gb += e * x.w;
      gc += e;
    }
    a -= ga / n + ridge * a;
    b -= gb / n + ridge * b;
    c -= gc / n;
  }
  return { rules: a, wink: b, intercept: c };
}
