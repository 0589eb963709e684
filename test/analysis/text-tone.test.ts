// Tone of an answer: the rules (negation, intensifiers, "but", service vocabulary) on sentences
// whose tone is plain, the calibration and the word weights fitted on planted data whose rule is
// known, the tone of a group as shares of people, and (when ../shared/data is there) the shipped
// weights reproduced from the labelled review sentences and their balanced accuracy out of sample:
// fitted on one file and read on the other, both directions, and 5-fold cross-validation.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  hasLabelledSentences,
  readLabelledSentences,
  type LabelledSentence,
} from "~/bench/labelled-sentences";
import { analyseText, toneInputs } from "~/server/analysis/text/analyse-text";
import { wilsonInterval } from "~/server/analysis/stats/wilson";
import { rawTone, saysNothing, scoreTone, toneWords } from "~/server/analysis/text/tone";
import {
  calibratedTone,
  fitToneCalibration,
  fitToneModel,
  squashRules,
  TONE_MODEL,
  toneFeatures,
  WORDS_ONLY_BAND,
  type ToneCalibration,
} from "~/server/analysis/text/tone-model";
import { personScores, summariseTone } from "~/server/analysis/text/tone-summary";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const tone = (text: string) => analyseText(text).tone;

describe("rules", () => {
  it("reads negation: 'not tasty' is negative, 'not bad' leans positive", () => {
    expect(tone("Not tasty and the texture was just nasty.").label).toBe("negative");
    // "and" ends the reach of "not": "nasty" is not flipped into praise.
    expect(rawTone("not tasty and nasty")).toBeLessThan(rawTone("not tasty"));
    expect(tone("Not tasty and nasty.").label).toBe("negative");
    expect(tone("Not helpful and rude.").label).toBe("negative");
    expect(tone("Not bad.").label).toBe("positive");
    expect(tone("Not bad at all.").label).toBe("positive");
    expect(rawTone("not good")).toBeLessThan(0);
    expect(rawTone("not bad")).toBeGreaterThan(0);
    expect(rawTone("The food wasn't good.")).toBeLessThan(0);
  });

  it("strengthens with intensifiers and softens with dampeners", () => {
    expect(rawTone("very good")).toBeGreaterThan(rawTone("good"));
    expect(rawTone("slightly good")).toBeLessThan(rawTone("good"));
    expect(rawTone("extremely rude")).toBeLessThan(rawTone("rude"));
  });

  it("lets the clause after 'but' dominate", () => {
    expect(tone("The staff were lovely but the flight was delayed for hours.").label).toBe(
      "negative",
    );
    expect(tone("The flight was delayed but the staff were lovely and helpful.").label).toBe(
      "positive",
    );
  });

  it("knows what customers complain about", () => {
    for (const text of [
      "My flight was delayed.",
      "The train was cancelled.",
      "I was on hold for an hour.",
      "The agent was rude.",
      "Still waiting for my refund.",
      "They lost my luggage and never apologised.",
      "The parcel never arrived.",
      "The charger arrived broken.",
      "Worst airline I have flown with.",
      "I waited forty minutes at the counter.",
      "They said they would call back and never did.",
      "The driver left without us.",
      "Seat was fine but the food was cold.",
      "Still no refund.",
      "I never got my refund.",
      "They cancelled my flight and never refunded me.",
      "Our flight got cancelled at the last minute.",
      "The connection was delayed and we missed our train.",
      "Two hours on hold, then they hung up.",
      "Rude staff at the check-in desk.",
      "Lost luggage, nobody helped.",
      "Never again.",
    ]) {
      expect([text, tone(text).label]).toEqual([text, "negative"]);
    }
  });

  it("knows when customers are pleased", () => {
    for (const text of [
      "No problems at all.",
      "The agent was friendly and sorted it quickly.",
      "The flight was on time and the crew were lovely.",
      "Not bad at all.",
      "Gave it 10/10.",
    ]) {
      expect([text, tone(text).label]).toEqual([text, "positive"]);
    }
  });

  it("reads an answer that says there is nothing to say as neutral, not as a complaint", () => {
    for (const text of [
      "Not much to say here.",
      "Nothing to add.",
      "Nothing else to add, thanks.",
      "No comment",
      "Nothing really.",
      "Can't think of anything.",
      "There is nothing to say.",
      "None at all.",
      "n/a",
      "N/A",
      "-",
    ]) {
      expect([text, saysNothing(text)]).toEqual([text, true]);
      expect([text, tone(text)]).toEqual([text, { score: 0, label: "neutral" }]);
    }
    // Saying there is nothing wrong is not saying nothing.
    for (const text of ["Nothing to complain about.", "Not much legroom.", "No refund yet."]) {
      expect([text, saysNothing(text)]).toEqual([text, false]);
    }
  });

  it("calls an answer without any toned word neutral, with score 0", () => {
    expect(tone("I booked the ticket online on Tuesday.")).toEqual({ score: 0, label: "neutral" });
    expect(scoreTone("I booked the ticket online.").label).toBe("neutral");
  });
});

describe("calibration", () => {
  it("recovers a planted rule: weights positive, the neutral point moved", () => {
    // Planted: positive exactly when 2·rules + 3·wink − 0.6 > 0, on a grid of both scores.
    const rows: { rulesRaw: number; wink: number; positive: boolean }[] = [];
    for (let r = -8; r <= 8; r += 0.5) {
      for (let w = -1; w <= 1; w += 0.1) {
        rows.push({ rulesRaw: r, wink: w, positive: 2 * squashRules(r) + 3 * w - 0.6 > 0 });
      }
    }
    const fitted: ToneCalibration = fitToneCalibration(rows);
    expect(fitted.rules).toBeGreaterThan(0);
    expect(fitted.wink).toBeGreaterThan(0);
    expect(fitted.intercept).toBeLessThan(0);
    // The fitted boundary sits where the planted one does: the ratios agree.
    expect(fitted.wink / fitted.rules).toBeCloseTo(1.5, 0);
    const right = rows.filter(
      (x) =>
        calibratedTone(x, fitted).score > 0 === x.positive || (x.rulesRaw === 0 && x.wink === 0),
    ).length;
    expect(right / rows.length).toBeGreaterThan(0.97);
  });
});

describe("word weights", () => {
  it("marks the words a negation reaches, up to the end of its clause, a turn word or 'and'", () => {
    // Small numbers stay (mostly ratings: "10/10", "gave it a 2"); larger ones are left out.
    expect(toneWords("It is not worth the money, sadly. Works 2 days, 2019 model")).toEqual([
      "it",
      "is",
      "not",
      "not_worth",
      "not_the",
      "not_money",
      "sadly",
      "works",
      "2",
      "days",
      "model",
    ]);
    expect(toneWords("Not tasty and nasty")).toEqual(["not", "not_tasty", "and", "nasty"]);
    expect(toneWords("Didn't fit but looks nice")).toEqual([
      "didn't",
      "not_fit",
      "but",
      "looks",
      "nice",
    ]);
  });

  it("reads neighbouring pairs and rough stems besides the words", () => {
    expect(toneFeatures(["was", "disappointed"])).toEqual([
      "was",
      "disappointed",
      "was disappointed",
      // "was" would stem to "wa": too short to mean anything, so left out.
      "~disappoint",
    ]);
    // A stem seen in training counts in another form of the word.
    const rows = [
      ...Array.from({ length: 10 }, () => ({
        rulesRaw: 0,
        wink: 0,
        words: ["disappointing"],
        positive: false,
      })),
      ...Array.from({ length: 10 }, () => ({
        rulesRaw: 0,
        wink: 0,
        words: ["smooth"],
        positive: true,
      })),
    ];
    const model = fitToneModel(rows);
    expect(calibratedTone({ rulesRaw: 0, wink: 0, words: ["disappointed"] }, model).label).toBe(
      "negative",
    );
  });

  it("learns planted word weights and gives a one-off word none", () => {
    // Planted: "refund" marks a negative answer, "smooth" a positive one, "the" both; the two
    // lexicon scores say nothing. "once" occurs in a single answer.
    const rows = [
      ...Array.from({ length: 20 }, () => ({
        rulesRaw: 0,
        wink: 0,
        words: ["the", "refund"],
        positive: false,
      })),
      ...Array.from({ length: 20 }, () => ({
        rulesRaw: 0,
        wink: 0,
        words: ["the", "smooth"],
        positive: true,
      })),
      { rulesRaw: 0, wink: 0, words: ["the", "smooth", "once"], positive: true },
    ];
    const model = fitToneModel(rows);
    expect(model.words.refund).toBeLessThan(-1);
    expect(model.words.smooth).toBeGreaterThan(1);
    expect(Math.abs(model.words.the ?? 0)).toBeLessThan(0.2);
    expect(model.words).not.toHaveProperty("once");
    const read = (words: string[]) => calibratedTone({ rulesRaw: 0, wink: 0, words }, model);
    expect(read(["the", "refund"]).label).toBe("negative");
    expect(read(["smooth"]).label).toBe("positive");
    // Without a toned word and without clear word evidence, an answer stays neutral at 0.
    expect(read(["the", "unknown"])).toEqual({ score: 0, label: "neutral" });
    expect(Math.abs(Math.tanh((model.words.the ?? 0) / 2))).toBeLessThan(WORDS_ONLY_BAND);
  });

  it("keeps a plain factual answer neutral under the shipped weights", () => {
    for (const text of ["I booked the ticket online.", "We took the train to Berlin."]) {
      expect([text, tone(text)]).toEqual([text, { score: 0, label: "neutral" }]);
    }
  });
});

describe("tone of a group, as shares of people", () => {
  it("counts people once, with the mean of their answers", () => {
    expect(personScores([[-0.5, 0.1], [0.4], []])).toEqual([-0.2, 0.4]);
  });

  it("gives each share a Wilson interval and leans only when the interval says so", () => {
    const six = [...Array(6).fill(-0.5), 0, 0, 0.5, 0.5] as number[];
    const s = summariseTone(six);
    expect(s.n).toBe(10);
    expect(s.negative.count).toBe(6);
    const w = wilsonInterval(6, 10);
    expect(s.negative.interval).toEqual({ lower: w.lower, upper: w.upper });
    // 6 of the 8 toned are negative: Wilson lower bound 0.41 < 0.5, so no clear lean.
    expect(s.lean).toBe("neutral");
    const nine = summariseTone([...Array(9).fill(-0.5), 0.5] as number[]);
    // 9 of 10: lower bound 0.60 > 0.5.
    expect(nine.lean).toBe("negative");
    expect(summariseTone([...Array(9).fill(0.4), -0.3] as number[]).lean).toBe("positive");
  });

  it("reads a cell of 40 short complaints as negative", () => {
    const complaints = [
      "My flight was delayed again.",
      "Still waiting for a refund after three weeks.",
      "On hold for an hour and then cut off.",
      "The agent was rude and unhelpful.",
      "They cancelled my booking without telling me.",
      "My bag never arrived.",
      "The app keeps crashing when I pay.",
      "I was charged twice for one ticket.",
      "Nobody answers the phone.",
      "The seat was broken and nobody cared.",
    ];
    const scores = Array.from({ length: 40 }, (_, i) => tone(complaints[i % 10] as string).score);
    const s = summariseTone(scores);
    expect(s.lean).toBe("negative");
    expect(s.negative.share).toBeGreaterThan(0.7);
  });
});

const real = hasLabelledSentences(ROOT);

describe.skipIf(!real)("labelled review sentences (../shared/data)", () => {
  function balanced(
    rows: readonly LabelledSentence[],
    score: (text: string, i: number) => number,
  ): number {
    let pos = 0;
    let posHit = 0;
    let neg = 0;
    let negHit = 0;
    rows.forEach((r, i) => {
      const s = score(r.text, i);
      if (r.positive) {
        pos += 1;
        if (s > 0) posHit += 1;
      } else {
        neg += 1;
        if (s < 0) negHit += 1;
      }
    });
    return (posHit / pos + negHit / neg) / 2;
  }
  const amazon = real ? readLabelledSentences(ROOT, "amazon_cells_labelled.txt") : [];
  const imdb = real ? readLabelledSentences(ROOT, "imdb_labelled.txt") : [];
  const inputs = (rows: readonly LabelledSentence[]) =>
    rows.map((r) => ({ ...toneInputs(r.text), positive: r.positive }));
  const amazonInputs = inputs(amazon);
  const imdbInputs = inputs(imdb);

  it("the shipped weights are the fit on both files", () => {
    const refit = fitToneModel([...amazonInputs, ...imdbInputs]);
    expect(refit.rules).toBeCloseTo(TONE_MODEL.rules, 3);
    expect(refit.wink).toBeCloseTo(TONE_MODEL.wink, 3);
    expect(refit.intercept).toBeCloseTo(TONE_MODEL.intercept, 3);
    const shipped = Object.keys(TONE_MODEL.words);
    expect(shipped.length).toBeGreaterThan(1000);
    for (const word of shipped) {
      expect([word, refit.words[word]]).toEqual([
        word,
        expect.closeTo(TONE_MODEL.words[word] ?? 0, 3),
      ]);
    }
  }, 60_000);

  it("beats wink-nlp and the two-score model out of sample, both directions", () => {
    const wink = (t: string) => analyseText(t).sentiment;
    for (const [name, train, test, rows, floor] of [
      // Measured (npm run bench:text): 0.824 on imdb from amazon, 0.877 on amazon from imdb.
      ["imdb, fitted on amazon", amazonInputs, imdbInputs, imdb, 0.8],
      ["amazon, fitted on imdb", imdbInputs, amazonInputs, amazon, 0.85],
    ] as const) {
      const model = fitToneModel(train);
      const twoScores = fitToneCalibration(train);
      const ours = balanced(
        rows,
        (_, i) => calibratedTone(test[i] ?? { rulesRaw: 0, wink: 0 }, model).score,
      );
      const before = balanced(rows, (_, i) => {
        const x = test[i] ?? { rulesRaw: 0, wink: 0 };
        return calibratedTone({ rulesRaw: x.rulesRaw, wink: x.wink }, twoScores).score;
      });
      expect([name, ours > floor]).toEqual([name, true]);
      expect([name, ours > balanced(rows, wink) + 0.05]).toEqual([name, true]);
      expect([name, ours > before + 0.02]).toEqual([name, true]);
    }
  }, 120_000);

  it("holds in 5-fold cross-validation within each file", () => {
    // Measured (npm run bench:text): 0.893 on amazon, 0.859 on imdb; the target is 0.85 on each.
    for (const [name, rows, xs, floor] of [
      ["amazon", amazon, amazonInputs, 0.86],
      ["imdb", imdb, imdbInputs, 0.85],
    ] as const) {
      const scores = new Array<number>(xs.length).fill(0);
      for (let fold = 0; fold < 5; fold++) {
        const model = fitToneModel(xs.filter((_, i) => i % 5 !== fold));
        xs.forEach((x, i) => {
          if (i % 5 === fold) scores[i] = calibratedTone(x, model).score;
        });
      }
      const ours = balanced(rows, (_, i) => scores[i] ?? 0);
      expect([name, ours > floor]).toEqual([name, true]);
    }
  }, 120_000);

  it("reaches 0.85 on each file under the shipped recipe, out of sample", () => {
    // The shipped model is fitted on both files; each fold here is read by a model fitted on the
    // file's other four folds plus the whole other file, so it never saw the sentences it reads.
    // Measured (npm run bench:text, oursShippedRecipe): 0.902 on amazon, 0.856 on imdb.
    for (const [name, rows, xs, otherXs] of [
      ["amazon", amazon, amazonInputs, imdbInputs],
      ["imdb", imdb, imdbInputs, amazonInputs],
    ] as const) {
      const scores = new Array<number>(xs.length).fill(0);
      for (let fold = 0; fold < 5; fold++) {
        const model = fitToneModel([...xs.filter((_, i) => i % 5 !== fold), ...otherXs]);
        xs.forEach((x, i) => {
          if (i % 5 === fold) scores[i] = calibratedTone(x, model).score;
        });
      }
      const ours = balanced(rows, (_, i) => scores[i] ?? 0);
      expect([name, ours >= 0.85]).toEqual([name, true]);
    }
  }, 180_000);
});

if (!real) {
  describe("labelled review sentences", () => {
    it.skip("skipped: ../shared/data/sentiment-labelled-sentences is absent", () => {});
  });
}
