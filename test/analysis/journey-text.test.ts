// Thoughts in a journey cell: key terms and their tf-idf salience worked out by hand, themes that
// group answers sharing a key term, quotes that are verbatim answers with their response ids, and
// text sentiment set against the answered emotion, with a disagreement said when they point
// opposite ways.
import { describe, expect, it } from "vitest";
import { fillJourney } from "~/server/analysis/journey/fill";
import type { TJourneyFillInput } from "~/server/analysis/journey/input";
import type { TFillQuote, TThoughtsCell } from "~/server/analysis/journey/result";
import { analyseText } from "~/server/analysis/text/analyse-text";
import { termSalience } from "~/server/analysis/text/key-terms";
import {
  groupByKeyTerm,
  mostRepresentative,
  representativeness,
} from "~/server/analysis/text/themes";

const doc = (...lemmas: string[]) => ({ terms: lemmas.map((lemma) => ({ lemma, form: lemma })) });

describe("key terms and themes by hand", () => {
  // Cell: d0 {fee, financing}, d1 {fee}, d2 {salesperson}, d3 {fee, salesperson}; comparison
  // groups {salesperson, car} and {salesperson}: G = 3 groups in all.
  const docs = [doc("fee", "financing"), doc("fee"), doc("salesperson"), doc("fee", "salesperson")];
  const stats = termSalience(docs, [new Set(["salesperson", "car"]), new Set(["salesperson"])]);
  const lemmaDocs = docs.map((d) => ({ terms: d.terms.map((t) => t.lemma) }));

  it("salience = share of answers × smoothed idf", () => {
    // fee: 3 of 4 answers, only this group (g = 1): idf = ln(4/2) + 1 = 1.693147, salience 1.269860.
    // salesperson: 2 of 4, all three groups: idf = ln(4/4) + 1 = 1, salience 0.5.
    // financing: 1 of 4, g = 1: 0.25 × 1.693147 = 0.423287.
    expect(stats.get("fee")?.idf).toBeCloseTo(1.693147, 6);
    expect(stats.get("fee")?.salience).toBeCloseTo(1.26986, 5);
    expect(stats.get("salesperson")?.salience).toBeCloseTo(0.5, 10);
    expect(stats.get("financing")?.salience).toBeCloseTo(0.423287, 6);
  });

  it("greedy themes by shared term, each answer in one theme", () => {
    // Round 1: fee (weight 0.75 × 1.693) beats salesperson (0.5 × 1) → d0, d1, d3. Round 2: only d2
    // is left; salesperson is used by 1 < minCount 2 → stop.
    expect(groupByKeyTerm(lemmaDocs, stats, { maxThemes: 3, minCount: 2 })).toEqual({
      themes: [{ term: "fee", members: [0, 1, 3] }],
      unthemed: [2],
    });
    // With minCount 1 the left-over d2 forms a second theme.
    expect(groupByKeyTerm(lemmaDocs, stats, { maxThemes: 3, minCount: 1 }).themes).toEqual([
      { term: "fee", members: [0, 1, 3] },
      { term: "salesperson", members: [2] },
    ]);
  });

  it("representative answers use the shared salient terms", () => {
    // Shared terms (used by ≥ 2): fee 1.269860, salesperson 0.5. Scores: d1 1.269860/√1 = 1.2699,
    // d3 (1.269860 + 0.5)/√2 = 1.25148, d0 1.269860/√2 = 0.8979 (financing is used once), d2 0.5.
    const order = mostRepresentative([0, 1, 2, 3], lemmaDocs, stats, (a, b) => a - b);
    expect(order).toEqual([1, 3, 0, 2]);
    expect(representativeness(["fee", "financing"], stats)).toBeCloseTo(0.897923, 5);
    expect(representativeness(["fee", "salesperson"], stats)).toBeCloseTo(1.25148, 5);
    expect(representativeness([], stats)).toBe(0);
  });

  it("ties go to the larger group, then the term first in code-unit order", () => {
    const tied = [{ terms: ["beta", "alpha"] }, { terms: ["alpha", "beta"] }];
    const s = termSalience(
      tied.map((d) => doc(...d.terms)),
      [],
    );
    expect(groupByKeyTerm(tied, s, { maxThemes: 1, minCount: 1 }).themes[0]?.term).toBe("alpha");
  });
});

describe("analyseText", () => {
  it("keeps noun lemmas with the form written, and scores sentiment", () => {
    const a = analyseText("The hidden fees were a nasty surprise at the dealership.");
    expect(a.terms.map((t) => t.lemma)).toEqual(["fee", "surprise", "dealership"]);
    expect(a.terms[0]?.form).toBe("fees");
    expect(a.sentiment).toBeLessThan(0);
    expect(analyseText("Excellent and friendly staff, wonderful.").sentiment).toBeGreaterThan(0);
  });
});

const NEGATIVE = [
  "This was a terrible, awful experience.",
  "Horrible service and rude staff.",
  "Worst dealership ever, very disappointing.",
  "The fees were a nasty surprise.",
];
const POSITIVE = [
  "Great service, I loved it.",
  "Excellent and friendly staff, wonderful.",
  "Happy with the quick delivery.",
  "Nice car, good price.",
];

/** One persona of `n`, one stage: everybody rates `emotion` and writes one of `texts`. */
function textInput(n: number, emotion: number, texts: readonly string[]): TJourneyFillInput {
  const ids = Array.from({ length: n }, (_, i) => `r${String(i).padStart(2, "0")}`);
  return {
    stages: [{ id: "buy", name: "Purchase", position: 0 }],
    questions: [
      { id: "emo", stageId: "buy", role: "EMOTION", type: "EMOTION" },
      { id: "why", stageId: "buy", role: "THOUGHT", type: "LONG_TEXT" },
    ],
    personas: [{ index: 0, name: "Only", share: 1, memberResponseIds: ids }],
    responses: ids.map((id, i) => ({
      id,
      answers: { emo: emotion, why: texts[i % texts.length] as string },
    })),
  };
}

function thoughts(fill: ReturnType<typeof fillJourney>, persona: number | null): TThoughtsCell {
  const cell = fill.cells.find((c) => c.personaIndex === persona);
  if (!cell) throw new Error("no cell");
  return cell.thoughts;
}

describe("text sentiment beside the answered emotion", () => {
  it("flags a cell whose text reads negative while the emotion answered is positive", () => {
    const fill = fillJourney(textInput(8, 2, NEGATIVE), { minN: 8 });
    const t = thoughts(fill, 0);
    if (t.status !== "ok" || t.sentiment.status !== "ok") throw new Error("thoughts should be ok");
    expect(t.sentiment.tone).toBe("negative");
    expect(t.emotionTone).toBe("positive");
    expect(t.disagreement).toBe(true);
    expect(t.disagreementNote).toMatch(/emotion here is positive .* read negative/);
    expect(t.disagreeingAnswers).toBe(8);
    expect(t.quotes.every((q) => q.disagrees && q.answeredEmotion === 2)).toBe(true);
  });

  it("does not flag text and emotion that agree", () => {
    const fill = fillJourney(textInput(8, -2, NEGATIVE), { minN: 8 });
    const t = thoughts(fill, 0);
    if (t.status !== "ok") throw new Error("thoughts should be ok");
    expect(t.disagreement).toBe(false);
    expect(t.disagreementNote).toBeNull();
    expect(t.disagreeingAnswers).toBe(0);
    const happy = thoughts(fillJourney(textInput(8, 2, POSITIVE), { minN: 8 }), 0);
    expect(happy.status === "ok" && happy.disagreement).toBe(false);
  });

  it("quotes are verbatim answers, distinct, with their response ids", () => {
    const input = textInput(8, 2, [...NEGATIVE, ...POSITIVE]);
    const fill = fillJourney(input, { minN: 8, quotesPerCell: 5 });
    const t = thoughts(fill, 0);
    if (t.status !== "ok") throw new Error("thoughts should be ok");
    const byId = new Map(input.responses.map((r) => [r.id, r.answers]));
    const all: TFillQuote[] = [...t.quotes, ...t.themes.flatMap((th) => th.quotes)];
    expect(all.length).toBeGreaterThan(0);
    for (const q of all) expect(byId.get(q.responseId)?.[q.questionId]).toBe(q.text);
    expect(new Set(t.quotes.map((q) => q.text)).size).toBe(t.quotes.length);
  });

  it("says that non-English text is read as English", () => {
    const fill = fillJourney(textInput(4, 0, ["Die Lieferung war sehr langsam."]), { minN: 4 });
    expect(fill.notes.join(" ")).toMatch(
      /German or other languages are read as if they were English/,
    );
    expect(fill.scales.sentiment.model).toMatch(/English/);
  });

  it("thin thought cells are insufficient and quote nothing", () => {
    const fill = fillJourney(textInput(8, 2, NEGATIVE), { minN: 8, minThoughtN: 9 });
    expect(thoughts(fill, 0)).toEqual({
      status: "insufficient",
      n: 8,
      reason: expect.stringContaining("at least 9") as string,
    });
  });
});
