// The results summary against direct computation on seeded, planted data: counts and shares per
// option, Wilson intervals from the textbook formula, means with the t interval, medians and their
// order-statistic interval, NPS, the answer filter, the stage filter, text repeats and themes,
// and the completion funnel of respondents planted to stop on a known page.
import { describe, expect, it } from "vitest";
import { medianInterval, npsFigures } from "~/server/analysis/results-figures";
import {
  summariseResults,
  type ChoiceSummary,
  type NumericSummary,
  type SummaryQuestion,
  type SummaryResponse,
  type TextSummary,
} from "~/server/analysis/results-summary";
import { createRng } from "~/server/analysis/rng";
import { studentTQuantile } from "~/server/analysis/stats/distributions";

const Z95 = 1.959963984540054;

/** Wilson's score interval as printed in Wilson (1927) / R's prop.test(correct = FALSE). */
function wilson(x: number, n: number) {
  const p = x / n;
  const centre = (p + (Z95 * Z95) / (2 * n)) / (1 + (Z95 * Z95) / n);
  const half =
    (Z95 * Math.sqrt((p * (1 - p)) / n + (Z95 * Z95) / (4 * n * n))) / (1 + (Z95 * Z95) / n);
  return { lower: x === 0 ? 0 : centre - half, upper: x === n ? 1 : centre + half };
}

const questions: SummaryQuestion[] = [
  {
    key: "plan",
    type: "SINGLE_CHOICE",
    label: "Which plan do you use?",
    page: 0,
    stageId: "s1",
    options: [
      { value: "free", label: "Free" },
      { value: "pro", label: "Pro" },
      { value: "team", label: "Team" },
    ],
  },
  {
    key: "uses",
    type: "MULTIPLE_CHOICE",
    label: "What do you use it for?",
    page: 0,
    stageId: "s1",
    options: [
      { value: "notes", label: "Notes" },
      { value: "tasks", label: "Tasks" },
    ],
  },
  {
    key: "ease",
    type: "LIKERT",
    label: "It is easy to use.",
    page: 1,
    stageId: "s2",
    options: [],
    scale: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) })),
  },
  {
    key: "recommend",
    type: "RATING",
    label: "How likely are you to recommend us?",
    page: 2,
    stageId: null,
    options: [],
    scale: Array.from({ length: 11 }, (_, v) => ({ value: v, label: String(v) })),
    nps: true,
  },
  {
    key: "why",
    type: "LONG_TEXT",
    label: "Why?",
    page: 2,
    stageId: null,
    options: [],
  },
];

const planValues = ["free", "pro", "team"] as const;

/** 300 respondents; every 7th stops after page 0, every 11th after page 1 (unless a 7th). */
function plantedResponses(seed: number): SummaryResponse[] {
  const rng = createRng(seed);
  return Array.from({ length: 300 }, (_, i) => {
    const plan = planValues[rng.int(3)] as string;
    const answers: Record<string, number | string | string[]> = {
      plan,
      uses: ["notes", "tasks"].filter(() => rng.next() < 0.6),
    };
    const stopAfter = i % 7 === 0 ? 0 : i % 11 === 0 ? 1 : 2;
    if (stopAfter >= 1) answers.ease = 1 + rng.int(5);
    if (stopAfter >= 2) {
      answers.recommend = rng.int(11);
      // Planted theme: a third of the texts complain about the price, the rest vary.
      answers.why =
        i % 3 === 0
          ? `The price is too high for ${["me", "us", "my team"][i % 3 === 0 ? rng.int(3) : 0]}`
          : i % 5 === 0
            ? "n/a"
            : `Works fine ${i}`;
    }
    return {
      id: `r${String(i).padStart(3, "0")}`,
      status: stopAfter === 2 ? "COMPLETE" : "PARTIAL",
      answers,
    };
  });
}

const responses = plantedResponses(20261203);
const summary = summariseResults(questions, responses);
const byKey = (key: string) => summary.questions.find((q) => q.key === key);

describe("summariseResults on planted data", () => {
  it("counts single-choice options with Wilson intervals", () => {
    const plan = byKey("plan") as ChoiceSummary;
    expect(plan.kind).toBe("choice");
    expect(plan.n).toBe(300);
    for (const value of planValues) {
      const count = responses.filter((r) => r.answers.plan === value).length;
      const row = plan.rows.find((r) => r.value === value);
      expect(row?.count).toBe(count);
      expect(row?.share).toBeCloseTo(count / 300, 12);
      expect(row?.interval.lower).toBeCloseTo(wilson(count, 300).lower, 9);
      expect(row?.interval.upper).toBeCloseTo(wilson(count, 300).upper, 9);
    }
    expect(plan.rows.map((r) => r.label)).toEqual(["Free", "Pro", "Team"]);
  });

  it("counts multiple choices as shares of those who answered", () => {
    const uses = byKey("uses") as ChoiceSummary;
    expect(uses.multiple).toBe(true);
    for (const value of ["notes", "tasks"]) {
      const count = responses.filter((r) => (r.answers.uses as string[]).includes(value)).length;
      const row = uses.rows.find((r) => r.value === value);
      expect(row?.count).toBe(count);
      expect(row?.share).toBeCloseTo(count / 300, 12);
    }
  });

  it("gives the mean with its t interval, the median and every scale point", () => {
    const ease = byKey("ease") as NumericSummary;
    const values = responses.flatMap((r) =>
      typeof r.answers.ease === "number" ? [r.answers.ease] : [],
    );
    const n = values.length;
    expect(ease.n).toBe(n);
    expect(ease.unanswered).toBe(300 - n);
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    const half = studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
    expect(ease.figures?.mean).toBeCloseTo(mean, 12);
    expect(ease.figures?.sd).toBeCloseTo(sd, 12);
    expect(ease.figures?.meanInterval?.lower).toBeCloseTo(mean - half, 9);
    expect(ease.figures?.meanInterval?.upper).toBeCloseTo(mean + half, 9);
    const sorted = [...values].sort((a, b) => a - b);
    const middle =
      n % 2 ? sorted[(n - 1) / 2] : ((sorted[n / 2 - 1] ?? 0) + (sorted[n / 2] ?? 0)) / 2;
    expect(ease.figures?.median).toBe(middle);
    expect(ease.distribution.map((d) => d.value)).toEqual(["1", "2", "3", "4", "5"]);
    for (const d of ease.distribution) {
      expect(d.count).toBe(values.filter((v) => String(v) === d.value).length);
    }
    expect(ease.distribution.reduce((a, d) => a + d.count, 0)).toBe(n);
  });

  it("computes NPS from promoters and detractors", () => {
    const rec = byKey("recommend") as NumericSummary;
    const values = responses.flatMap((r) =>
      typeof r.answers.recommend === "number" ? [r.answers.recommend] : [],
    );
    const n = values.length;
    const p = values.filter((v) => v >= 9).length / n;
    const d = values.filter((v) => v <= 6).length / n;
    expect(rec.nps?.score).toBeCloseTo(100 * (p - d), 9);
    const half = 100 * Z95 * Math.sqrt((p + d - (p - d) ** 2) / n);
    expect(rec.nps?.interval?.lower).toBeCloseTo(100 * (p - d) - half, 6);
    expect(rec.nps?.interval?.upper).toBeCloseTo(100 * (p - d) + half, 6);
    expect((rec.nps?.promoters ?? 0) + (rec.nps?.passives ?? 0) + (rec.nps?.detractors ?? 0)).toBe(
      n,
    );
    expect((byKey("ease") as NumericSummary).nps).toBeNull();
  });

  it("lists text answers without placeholders, with repeats and the planted theme", () => {
    const why = byKey("why") as TextSummary;
    const given = responses.filter((r) => typeof r.answers.why === "string");
    const placeholders = given.filter((r) => r.answers.why === "n/a").length;
    expect(placeholders).toBeGreaterThan(0);
    expect(why.n).toBe(given.length - placeholders);
    expect(why.answers.some((a) => a.text === "n/a")).toBe(false);
    const priced = new Set(
      given.filter((r) => String(r.answers.why).startsWith("The price")).map((r) => r.id),
    );
    const theme = why.themes.find((t) => /price/i.test(t.label));
    expect(theme, JSON.stringify(why.themes.map((t) => t.label))).toBeDefined();
    expect(new Set(theme?.responseIds)).toEqual(priced);
    const top = why.repeated[0];
    expect(top?.count).toBe(
      given.filter((r) => String(r.answers.why).toLowerCase() === top?.text.toLowerCase()).length,
    );
  });

  it("counts how far people got, page by page", () => {
    const stoppedAt0 = responses.filter((_, i) => i % 7 === 0).length;
    const stoppedAt1 = responses.filter((_, i) => i % 7 !== 0 && i % 11 === 0).length;
    expect(summary.funnel.started).toBe(300);
    expect(summary.funnel.pages.map((p) => p.reached)).toEqual([
      300,
      300 - stoppedAt0,
      300 - stoppedAt0 - stoppedAt1,
    ]);
    expect(summary.funnel.completed).toBe(300 - stoppedAt0 - stoppedAt1);
    expect(summary.complete).toBe(summary.funnel.completed);
  });

  it("keeps only respondents with the chosen answer, and only the chosen stage's questions", () => {
    const onlyPro = summariseResults(questions, responses, {
      answer: { questionKey: "plan", value: "pro" },
      stageId: "s2",
      themes: false,
    });
    const pro = responses.filter((r) => r.answers.plan === "pro");
    expect(onlyPro.respondents).toBe(pro.length);
    expect(onlyPro.questions.map((q) => q.key)).toEqual(["ease"]);
    const ease = onlyPro.questions[0] as NumericSummary;
    expect(ease.n).toBe(pro.filter((r) => typeof r.answers.ease === "number").length);

    const fives = summariseResults(questions, responses, {
      answer: { questionKey: "ease", value: "5" },
      themes: false,
    });
    expect(fives.respondents).toBe(responses.filter((r) => r.answers.ease === 5).length);
    const notes = summariseResults(questions, responses, {
      answer: { questionKey: "uses", value: "notes" },
      themes: false,
    });
    expect((notes.questions[1] as ChoiceSummary).rows[0]?.share).toBe(1);
  });
});

describe("known values", () => {
  it("matches R for the mean interval of 1..5 and a 40 of 100 share", () => {
    const r = summariseResults(
      [{ key: "x", type: "NUMBER", label: "x", page: 0, stageId: null, options: [] }],
      [1, 2, 3, 4, 5].map((v) => ({ id: `r${v}`, status: "COMPLETE" as const, answers: { x: v } })),
    );
    const x = r.questions[0] as NumericSummary;
    // t.test(1:5)$conf.int in R: 1.036757 4.963243
    expect(x.figures?.meanInterval?.lower).toBeCloseTo(1.036757, 5);
    expect(x.figures?.meanInterval?.upper).toBeCloseTo(4.963243, 5);
    expect(wilson(40, 100).lower).toBeCloseTo(0.3094013, 6);
  });

  it("takes the 6th and 15th of 20 values as the median interval (binomial tables)", () => {
    const values = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(medianInterval(values, 0.95)).toEqual({ lower: 60, upper: 150 });
    expect(medianInterval([1, 2, 3, 4, 5], 0.95)).toBeNull();
  });

  it("gives NPS 0 for equal promoters and detractors and +100 for all promoters", () => {
    expect(npsFigures([10, 0, 8, 8], 0.95)?.score).toBe(0);
    expect(npsFigures([9, 10, 9], 0.95)?.score).toBe(100);
    expect(npsFigures([9, 10, 9], 0.95)?.interval).toEqual({ lower: 100, upper: 100 });
  });
});
