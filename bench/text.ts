// Benchmark of text tone and themes on real labelled sentences (npm run bench:text): the two
// files of the UCI "Sentiment Labelled Sentences" set in ../shared/data (phone reviews, film
// reviews; 500 positive and 500 negative each). Prints one JSON document on stdout.
//
// Tone: balanced accuracy of the sign of each scorer's score (mean of the recall on positives and
// the recall on negatives; a neutral verdict counts as a miss), for
//   winkNlp          wink-nlp's sentiment alone (what the app used first);
//   vader            the vader-sentiment package's compound score;
//   oursRules        our rule scorer alone (VADER's words + service words, negation, "but");
//   oursTwoScores    the previous model: rules and wink-nlp weighed by three numbers, fitted on
//                    the other file (out of sample);
//   ours             what the app ships: rules, wink-nlp and word weights fitted on BOTH files,
//                    so in sample on each (flagged; not a measure of anything);
//   oursFitOtherFile the same model fitted here on the other file only: out of sample, and across
//                    domains (phones -> films, films -> phones);
//   oursCrossValidated  5-fold cross-validation within the file (fold = line number mod 5): each
//                    fold read by a model fitted on the file's other four folds; out of sample;
//   oursShippedRecipe   5-fold again, each fold read by a model fitted on the other four folds plus
//                    the whole other file: the shipped recipe, out of sample for the fold read;
//   oursShippedRecipeNoNeutralBand  the same, but an answer without a toned word takes the sign
//                    of its word weights however faint (the app calls it neutral unless they are
//                    clear, WORDS_ONLY_BAND): what calling faint answers neutral costs here, on
//                    sentences picked for having a clear polarity.
// Themes: summariseTexts on each file's sentences as if each were one respondent: the share of
// answers in some theme, the largest theme's share, the labels, and how readable they are
// (bench/label-readability.ts: phrases and words read as nouns in their answers; the labels that
// are not), how many labels repeat and how many themes carry fewer than two quotes.
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import vader from "vader-sentiment";
import { toneInputs } from "~/server/analysis/text/analyse-text";
import { summariseTexts } from "~/server/analysis/text/summarise";
import {
  calibratedTone,
  fitToneCalibration,
  fitToneModel,
  rulesOnlyTone,
  TONE_MODEL,
  type ToneInputs,
} from "~/server/analysis/text/tone-model";
import {
  hasLabelledSentences,
  LABELLED_FILES,
  readLabelledSentences,
  type LabelledFile,
} from "./labelled-sentences";
import { labelReadability } from "./label-readability";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

function balancedAccuracy(scores: readonly number[], positive: readonly boolean[]): number {
  let pos = 0;
  let posHit = 0;
  let neg = 0;
  let negHit = 0;
  scores.forEach((s, i) => {
    if (positive[i]) {
      pos += 1;
      if (s > 0) posHit += 1;
    } else {
      neg += 1;
      if (s < 0) negHit += 1;
    }
  });
  return Number(((posHit / pos + negHit / neg) / 2).toFixed(3));
}

interface Prepared {
  file: LabelledFile;
  texts: string[];
  positive: boolean[];
  inputs: ToneInputs[];
}

function prepare(file: LabelledFile): Prepared {
  const rows = readLabelledSentences(repoRoot, file);
  return {
    file,
    texts: rows.map((r) => r.text),
    positive: rows.map((r) => r.positive),
    inputs: rows.map((r) => toneInputs(r.text)),
  };
}

function main(): void {
  if (!hasLabelledSentences(repoRoot)) {
    process.stderr.write(
      "bench:text: ../shared/data/sentiment-labelled-sentences is absent; nothing to measure.\n",
    );
    process.exitCode = 1;
    return;
  }
  const prepared = LABELLED_FILES.map((f) => {
    process.stderr.write(`reading ${f}\n`);
    return prepare(f);
  });
  const labelled = (p: Prepared, keep: (i: number) => boolean = () => true) =>
    p.inputs.flatMap((x, i) => (keep(i) ? [{ ...x, positive: p.positive[i] === true }] : []));
  const FOLDS = 5;
  const tone = prepared.map((p) => {
    process.stderr.write(`tone of ${p.file}\n`);
    const other = prepared.find((q) => q.file !== p.file) as Prepared;
    const twoScores = fitToneCalibration(labelled(other));
    const fitOther = fitToneModel(labelled(other));
    const withinFolds: number[] = new Array<number>(p.inputs.length).fill(0);
    const recipeFolds: number[] = new Array<number>(p.inputs.length).fill(0);
    const noBandFolds: number[] = new Array<number>(p.inputs.length).fill(0);
    for (let fold = 0; fold < FOLDS; fold++) {
      const within = fitToneModel(labelled(p, (i) => i % FOLDS !== fold));
      const recipe = fitToneModel([...labelled(p, (i) => i % FOLDS !== fold), ...labelled(other)]);
      p.inputs.forEach((x, i) => {
        if (i % FOLDS !== fold) return;
        withinFolds[i] = calibratedTone(x, within).score;
        recipeFolds[i] = calibratedTone(x, recipe).score;
        noBandFolds[i] = calibratedTone(x, recipe, 0).score;
      });
    }
    const ours = p.inputs.map((x) => calibratedTone(x).score);
    const neutral = (s: readonly number[]) =>
      Number((s.filter((x) => x === 0).length / s.length).toFixed(3));
    return {
      file: p.file,
      n: p.texts.length,
      balancedAccuracy: {
        winkNlp: balancedAccuracy(
          p.inputs.map((x) => x.wink),
          p.positive,
        ),
        vader: balancedAccuracy(
          p.texts.map((t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound),
          p.positive,
        ),
        oursRules: balancedAccuracy(
          p.texts.map((t) => {
            const r = rulesOnlyTone(t);
            return r.label === "neutral" ? 0 : r.score;
          }),
          p.positive,
        ),
        oursTwoScores: balancedAccuracy(
          p.inputs.map(
            (x) => calibratedTone({ rulesRaw: x.rulesRaw, wink: x.wink }, twoScores).score,
          ),
          p.positive,
        ),
        ours: balancedAccuracy(ours, p.positive),
        oursFitOtherFile: balancedAccuracy(
          p.inputs.map((x) => calibratedTone(x, fitOther).score),
          p.positive,
        ),
        oursCrossValidated: balancedAccuracy(withinFolds, p.positive),
        oursShippedRecipe: balancedAccuracy(recipeFolds, p.positive),
        oursShippedRecipeNoNeutralBand: balancedAccuracy(noBandFolds, p.positive),
      },
      inSample: ["ours"],
      outOfSample: [
        "oursTwoScores",
        "oursFitOtherFile",
        "oursCrossValidated",
        "oursShippedRecipe",
        "oursShippedRecipeNoNeutralBand",
      ],
      neutralShare: {
        ours: neutral(ours),
        oursFitOtherFile: neutral(p.inputs.map((x) => calibratedTone(x, fitOther).score)),
        oursShippedRecipe: neutral(recipeFolds),
      },
      twoScoresFitOnOtherFile: twoScores,
    };
  });
  const shipped = {
    rules: TONE_MODEL.rules,
    wink: TONE_MODEL.wink,
    intercept: TONE_MODEL.intercept,
    wordWeights: Object.keys(TONE_MODEL.words).length,
    fittedOn: [...LABELLED_FILES],
  };
  const themes = prepared.map((p) => {
    process.stderr.write(`themes of ${p.file}\n`);
    const s = summariseTexts(p.texts);
    const themed = new Set(s.themes.flatMap((t) => t.rows));
    const labels = s.themes.map((t) => t.label.toLowerCase());
    return {
      file: p.file,
      n: s.n,
      themes: s.themes.length,
      answersInSomeTheme: Number((themed.size / s.n).toFixed(3)),
      largestThemeShare: Number(Math.max(0, ...s.themes.map((t) => t.share)).toFixed(3)),
      labelReadability: labelReadability(s.themes, p.texts),
      repeatedLabels: labels.length - new Set(labels).size,
      themesWithFewerThanTwoQuotes: s.themes.filter((t) => t.quotes.length < 2).length,
      topic: s.topic,
      labels: s.themes.map((t) => `${t.label} (${(t.share * 100).toFixed(1)} %)`),
    };
  });
  process.stdout.write(`${JSON.stringify({ tone, shippedToneModel: shipped, themes }, null, 2)}\n`);
}

main();
