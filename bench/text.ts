// Benchmark of text tone and themes on real labelled sentences (npm run bench:text): the two
// files of the UCI "Sentiment Labelled Sentences" set in ../shared/data (phone reviews, film
// reviews; 500 positive and 500 negative each). Prints one JSON document on stdout.
//
// Tone: balanced accuracy of the sign of each scorer's score (mean of the recall on positives and
// the recall on negatives; a neutral verdict counts as a miss), for
//   winkNlp       wink-nlp's sentiment alone (what the app used before);
//   vader         the vader-sentiment package's compound score;
//   oursRules     our rule scorer alone (VADER's words + service words, negation, "but");
//   ours          what the app ships: rules and wink-nlp calibrated on amazon_cells_labelled.txt,
//                 so its figure on that file is in-sample (flagged) and on imdb out of sample;
//   oursFitOther  the same model refitted here on the other file only: the out-of-sample figure
//                 for both files, both directions.
// Themes: summariseTexts on each file's sentences as if each were one respondent: the share of
// answers in some theme, the largest theme's share, and the labels.
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import vader from "vader-sentiment";
import { analyseText } from "~/server/analysis/text/analyse-text";
import { summariseTexts } from "~/server/analysis/text/summarise";
import { rawTone } from "~/server/analysis/text/tone";
import {
  calibratedTone,
  fitToneCalibration,
  rulesOnlyTone,
  TONE_CALIBRATION,
  type ToneInputs,
} from "~/server/analysis/text/tone-model";
import {
  hasLabelledSentences,
  LABELLED_FILES,
  readLabelledSentences,
  type LabelledFile,
} from "./labelled-sentences";

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
    inputs: rows.map((r) => ({ rulesRaw: rawTone(r.text), wink: analyseText(r.text).sentiment })),
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
  const tone = prepared.map((p) => {
    const other = prepared.find((q) => q.file !== p.file) as Prepared;
    const refit = fitToneCalibration(
      other.inputs.map((x, i) => ({ ...x, positive: other.positive[i] === true })),
    );
    const ours = p.inputs.map((x) => calibratedTone(x).score);
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
        ours: balancedAccuracy(ours, p.positive),
        oursInSample: p.file === "amazon_cells_labelled.txt",
        oursFitOther: balancedAccuracy(
          p.inputs.map((x) => calibratedTone(x, refit).score),
          p.positive,
        ),
      },
      oursNeutralShare: Number((ours.filter((s) => s === 0).length / ours.length).toFixed(3)),
      fitOnOtherFile: refit,
    };
  });
  const amazon = prepared[0] as Prepared;
  const shippedRefit = fitToneCalibration(
    amazon.inputs.map((x, i) => ({ ...x, positive: amazon.positive[i] === true })),
  );
  const themes = prepared.map((p) => {
    process.stderr.write(`themes of ${p.file}\n`);
    const s = summariseTexts(p.texts);
    const themed = new Set(s.themes.flatMap((t) => t.rows));
    return {
      file: p.file,
      n: s.n,
      themes: s.themes.length,
      answersInSomeTheme: Number((themed.size / s.n).toFixed(3)),
      largestThemeShare: Number(Math.max(0, ...s.themes.map((t) => t.share)).toFixed(3)),
      topic: s.topic,
      labels: s.themes.map((t) => `${t.label} (${(t.share * 100).toFixed(1)} %)`),
    };
  });
  process.stdout.write(
    `${JSON.stringify({ tone, shippedCalibration: TONE_CALIBRATION, refitOnAmazon: shippedRefit, themes }, null, 2)}\n`,
  );
}

main();
