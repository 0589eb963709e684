// The tone of an answer as the app reports it: a logistic model over three kinds of evidence.
// - our rule scorer (tone.ts: VADER's word list with customer-service words, negation,
//   intensifiers, "but"), squashed to −1..+1;
// - wink-nlp's own sentiment (its AFINN-based list with its negation handling);
// - the answer's words themselves (tone.ts toneWords: lower-cased, "not_" inside a negation's
//   reach), one weight each, which learn what the word lists miss: "waste", "returned",
//   "not_worth", "junk", and that "like" or "pretty" are seldom praise. Besides each word, the
//   model reads each pair of neighbouring words ("waste of", "not_worth not_it") and each word's
//   rough stem ("~disappoint" for "disappointed" and "disappointing"): pairs catch phrases whose
//   words are neutral alone, stems let a word seen in training in one form count in another
//   (toneFeatures below). Both lifted held-out balanced accuracy on the film reviews from about
//   0.82 to 0.85 (bench:text).
// z = a·rules + b·wink + Σ word weights + c; the reported score is tanh(z / 2) (= 2·P(positive) − 1)
// on −1..+1.
//
// The weights (tone-weights.json) were fitted by fitToneModel below on the 2,000 sentences of the
// UCI "Sentiment Labelled Sentences" data set that the project reads from ../shared/data (Kotzias,
// Denil, de Freitas and Smyth, KDD 2015; CC BY 4.0): 1,000 phone and accessory reviews and 1,000
// film reviews. The weights are a derived work under that licence, credited here and in the JSON
// file; no sentence of the data set is kept in the project. `npm run fit:tone` refits and rewrites
// them; `npm run bench:text` reports the fit out of sample (fitted on one file and read on the
// other, and 5-fold cross-validation), since the figure on the training sentences is not a
// measure of anything.
//
// An answer in which neither word list finds a single toned word is read from its words alone,
// without the intercept and without function words (base rates of the training data, not a
// reading of the answer), and stays
// neutral (score 0) unless those words are clear evidence (|score| ≥ WORDS_ONLY_BAND).
import { NEUTRAL_BAND, rawTone, toneLabel, type ToneLabel } from "./tone";
import weights from "./tone-weights.json";

export interface ToneCalibration {
  /** Weight of the rule score (squashed to −1..+1). */
  rules: number;
  /** Weight of wink-nlp's score (−1..+1). */
  wink: number;
  intercept: number;
}

export interface ToneModel extends ToneCalibration {
  /** Weight of each word (tone.ts toneWords) present in the answer; absent words weigh 0. */
  words: Readonly<Record<string, number>>;
}

/** The shipped model, fitted on both labelled files (see the header). */
export const TONE_MODEL: ToneModel = {
  rules: weights.rules,
  wink: weights.wink,
  intercept: weights.intercept,
  words: weights.words,
};

/**
 * Without a toned word, the words alone must reach P(positive) ≥ 0.55 or ≤ 0.45. A wider band
 * (0.3, P ≥ 0.65) called one answer in twenty neutral on sentences that all carry a clear tone, and
 * cost about 0.03 of held-out balanced accuracy; plain factual answers still score 0 (tests).
 */
export const WORDS_ONLY_BAND = 0.1;

/** A rough English stem: enough to join "disappointed" and "disappointing", not a lemmatiser. */
function roughStem(word: string): string {
  return word.replace(/(ing|ed|es|s|ly|er|est)$/, "");
}

/**
 * What the word weights are keyed by: the answer's words (tone.ts toneWords), each pair of
 * neighbouring words joined by a space, and each word's rough stem marked "~" when it differs
 * from the word and keeps at least three letters.
 */
export function toneFeatures(words: readonly string[]): string[] {
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  for (const w of words) {
    const stem = roughStem(w);
    if (stem !== w && stem.length > 2) out.push(`~${stem}`);
  }
  return out;
}

export interface ToneInputs {
  /** The rule scorer's raw sum (tone.ts rawTone). */
  rulesRaw: number;
  /** wink-nlp's sentiment. */
  wink: number;
  /** tone.ts toneWords of the answer; left out, only the two scores count. */
  words?: readonly string[];
}

export interface AnswerTone {
  /** −1 (negative) .. +1 (positive); 0 when no word carries tone. */
  score: number;
  label: ToneLabel;
}

export function squashRules(raw: number): number {
  return raw / Math.sqrt(raw * raw + 15);
}

/**
 * Words that say nothing about tone by themselves. Their fitted weights are base rates of the
 * training text ("the" leans negative because film complaints run longer), harmless beside a
 * toned word but enough to tip a plain factual answer; the words-only reading leaves them out.
 */
const FUNCTION_WORDS = new Set(
  (
    "a an the i we you he she it they me us him her them my our your his its their this that " +
    "these those to of in on at by for from with as is was are were be been am do did does have " +
    "has had and or so then there here what which who when where how"
  ).split(" "),
);

function wordSum(
  words: readonly string[] | undefined,
  model: ToneCalibration,
  skipFunctionWords = false,
): number {
  if (!words || !("words" in model)) return 0;
  const table = (model as ToneModel).words;
  let sum = 0;
  for (const w of new Set(toneFeatures(words))) {
    if (skipFunctionWords && FUNCTION_WORDS.has(w)) continue;
    sum += Object.hasOwn(table, w) ? (table[w] ?? 0) : 0;
  }
  return sum;
}

export function calibratedTone(
  inputs: ToneInputs,
  model: ToneCalibration | ToneModel = TONE_MODEL,
  wordsOnlyBand = WORDS_ONLY_BAND,
): AnswerTone {
  if (inputs.rulesRaw === 0 && inputs.wink === 0) {
    const score = Math.tanh(wordSum(inputs.words, model, true) / 2);
    if (Math.abs(score) < wordsOnlyBand || score === 0) return { score: 0, label: "neutral" };
    return { score, label: toneLabel(score) };
  }
  const words = wordSum(inputs.words, model);
  const z =
    model.rules * squashRules(inputs.rulesRaw) + model.wink * inputs.wink + model.intercept + words;
  const score = Math.tanh(z / 2);
  return { score, label: toneLabel(score) };
}

/** The rule scorer alone, squashed to −1..+1 (for comparison in the bench). */
export function rulesOnlyTone(text: string): AnswerTone {
  const score = squashRules(rawTone(text));
  return { score, label: Math.abs(score) < NEUTRAL_BAND ? "neutral" : toneLabel(score) };
}

/**
 * Logistic regression of the labels (1 positive, 0 negative) on the two scores only, by plain
 * gradient descent from zero with a small ridge on the two weights: deterministic, and with three
 * parameters there is nothing to gain from anything cleverer.
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

export interface ToneFitOptions {
  /** Passes over the data. */
  epochs: number;
  /** Ridge penalty on every weight but the intercept. */
  ridge: number;
  /** AdaGrad step for the word weights. */
  wordStep: number;
  /** A word needs this many training answers to get a weight: one-off words learn noise. */
  minAnswers: number;
}

export const TONE_FIT_DEFAULTS: ToneFitOptions = {
  epochs: 300,
  ridge: 0.0003,
  wordStep: 0.05,
  minAnswers: 2,
};

/**
 * The full model: the two scores and the intercept by plain gradient descent (as above), the word
 * weights by AdaGrad (a step per word that shrinks with its accumulated gradient, so frequent and
 * rare words both settle within a few hundred passes), all from zero in a fixed order:
 * deterministic, the same weights on every machine.
 */
export function fitToneModel(
  rows: readonly (ToneInputs & { positive: boolean })[],
  options: Partial<ToneFitOptions> = {},
): ToneModel {
  const { epochs, ridge, wordStep, minAnswers } = { ...TONE_FIT_DEFAULTS, ...options };
  const n = rows.length;
  if (n === 0) return { rules: 0, wink: 0, intercept: 0, words: {} };
  const features = rows.map((r) => [...new Set(toneFeatures(r.words ?? []))]);
  const answersWith = new Map<string, number>();
  for (const f of features) {
    for (const w of f) answersWith.set(w, (answersWith.get(w) ?? 0) + 1);
  }
  const vocabulary = [...answersWith].filter(([, k]) => k >= minAnswers).map(([w]) => w);
  const index = new Map(vocabulary.map((w, i) => [w, i]));
  const xs = rows.map((r, j) => ({
    r: squashRules(r.rulesRaw),
    k: r.wink,
    y: r.positive ? 1 : 0,
    f: Int32Array.from(
      (features[j] ?? []).flatMap((w) => {
        const i = index.get(w);
        return i === undefined ? [] : [i];
      }),
    ),
  }));
  let a = 0;
  let b = 0;
  let c = 0;
  const w = new Float64Array(vocabulary.length);
  const gradient = new Float64Array(vocabulary.length);
  const squares = new Float64Array(vocabulary.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    let ga = 0;
    let gb = 0;
    let gc = 0;
    gradient.fill(0);
    for (const x of xs) {
      let z = a * x.r + b * x.k + c;
      for (const i of x.f) z += w[i] as number;
      const e = 1 / (1 + Math.exp(-z)) - x.y;
      ga += e * x.r;
      gb += e * x.k;
      gc += e;
      for (const i of x.f) gradient[i] = (gradient[i] as number) + e;
    }
    a -= ga / n + ridge * a;
    b -= gb / n + ridge * b;
    c -= gc / n;
    for (let i = 0; i < w.length; i++) {
      const g = (gradient[i] as number) / n + ridge * (w[i] as number);
      squares[i] = (squares[i] as number) + g * g;
      w[i] = (w[i] as number) - (wordStep * g) / Math.sqrt((squares[i] as number) + 1e-8);
    }
  }
  const words: Record<string, number> = {};
  [...vocabulary]
    .map((word, i) => [word, w[i] as number] as const)
    .sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0))
    .forEach(([word, weight]) => {
      words[word] = weight;
    });
  return { rules: a, wink: b, intercept: c, words };
}
