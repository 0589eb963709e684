// Refits the word-level tone model (server/analysis/text/tone-model.ts) on both files of the UCI
// "Sentiment Labelled Sentences" set in ../shared/data and rewrites
// server/analysis/text/tone-weights.json (npm run fit:tone). Deterministic: the same data gives
// the same file. Weights are rounded to four decimals and words whose weight rounds to zero are
// left out; the file is written in the project's prettier style. How well the fit holds on text it never saw is bench/text.ts's job.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "prettier";
import { toneInputs } from "~/server/analysis/text/analyse-text";
import { fitToneModel, TONE_FIT_DEFAULTS } from "~/server/analysis/text/tone-model";
import { hasLabelledSentences, LABELLED_FILES, readLabelledSentences } from "./labelled-sentences";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const round = (x: number): number => Math.round(x * 10_000) / 10_000;

async function main(): Promise<void> {
  if (!hasLabelledSentences(repoRoot)) {
    process.stderr.write("fit:tone: ../shared/data/sentiment-labelled-sentences is absent.\n");
    process.exitCode = 1;
    return;
  }
  const rows = LABELLED_FILES.flatMap((f) =>
    readLabelledSentences(repoRoot, f).map((r) => ({
      ...toneInputs(r.text),
      positive: r.positive,
    })),
  );
  const model = fitToneModel(rows);
  const words: Record<string, number> = {};
  for (const [w, x] of Object.entries(model.words)) if (round(x) !== 0) words[w] = round(x);
  const out = {
    about:
      "Weights of the tone model in tone-model.ts, fitted by `npm run fit:tone` on the UCI Sentiment Labelled Sentences data set (Kotzias, Denil, de Freitas and Smyth, KDD 2015; UCI Machine Learning Repository; CC BY 4.0): amazon_cells_labelled.txt and imdb_labelled.txt. A derived work under that licence; no sentence of the data set is included.",
    fittedOn: [...LABELLED_FILES],
    options: TONE_FIT_DEFAULTS,
    rules: round(model.rules),
    wink: round(model.wink),
    intercept: round(model.intercept),
    words,
  };
  const path = join(repoRoot, "server", "analysis", "text", "tone-weights.json");
  writeFileSync(path, await format(JSON.stringify(out, null, 2), { parser: "json" }));
  process.stderr.write(`wrote ${path}: ${Object.keys(words).length} word weights\n`);
}

await main();
