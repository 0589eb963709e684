// Thoughts in a journey cell: key terms of an answer, quotes that are verbatim answers with their
// response ids, text tone as shares of respondents set against the answered emotion (with a
// disagreement said when they point opposite ways), and respondents, not answers, as the unit of
// every count and gate. The theme arithmetic itself is tested by hand in text-themes.test.ts
// (this file used to test the old one-theme-per-answer grouping, which is gone).
import { describe, expect, it } from "vitest";
import { fillJourney } from "~/server/analysis/journey/fill";
import type { TJourneyFillInput } from "~/server/analysis/journey/input";
import type { TFillQuote, TThoughtsCell } from "~/server/analysis/journey/result";
import { analyseText } from "~/server/analysis/text/analyse-text";
import { textLanguage } from "~/server/analysis/text/language";

describe("analyseText", () => {
  it("keeps noun lemmas with the form written, key phrases, and scores tone", () => {
    const a = analyseText("The hidden fees were a nasty surprise at the dealership.");
    expect(a.terms.map((t) => t.lemma)).toEqual(["fee", "surprise", "dealership"]);
    expect(a.terms[0]?.form).toBe("fees");
    expect(a.phrases.map((p) => p.form)).toContain("hidden fees");
    expect(a.sentiment).toBeLessThan(0);
    expect(a.tone.label).toBe("negative");
    const good = analyseText("Excellent and friendly staff, wonderful.");
    expect(good.sentiment).toBeGreaterThan(0);
    expect(good.tone.label).toBe("positive");
  });

  it("never makes a term of a weekday, a code or a toned word", () => {
    const a = analyseText("Great flight on Friday from JFK, but the lost luggage never arrived.");
    const lemmas = a.terms.map((t) => t.lemma);
    expect(lemmas).toContain("flight");
    expect(lemmas).toContain("luggage");
    for (const bad of ["great", "friday", "jfk"]) expect(lemmas).not.toContain(bad);
    expect(a.tone.label).toBe("negative");
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
    expect(t.tone?.status === "ok" && t.tone.lean).toBe("negative");
    expect(t.tone?.status === "ok" && t.tone.negative.count).toBe(8);
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

describe("respondents, not answers, are the unit of a thoughts cell", () => {
  /** `n` respondents, each answering two thought questions at one stage. */
  function twoQuestions(n: number, first: readonly string[], second: readonly string[]) {
    const ids = Array.from({ length: n }, (_, i) => `r${String(i).padStart(2, "0")}`);
    const input: TJourneyFillInput = {
      stages: [{ id: "buy", name: "Purchase", position: 0 }],
      questions: [
        { id: "emo", stageId: "buy", role: "EMOTION", type: "EMOTION" },
        { id: "why", stageId: "buy", role: "THOUGHT", type: "LONG_TEXT" },
        { id: "else", stageId: "buy", role: "THOUGHT", type: "LONG_TEXT" },
      ],
      personas: [{ index: 0, name: "Only", share: 1, memberResponseIds: ids }],
      responses: ids.map((id, i) => ({
        id,
        answers: {
          emo: 0,
          why: first[i % first.length] as string,
          else: second[i % second.length] as string,
        },
      })),
    };
    return input;
  }

  it("gates on people: 8 respondents with 16 answers are too few for a minimum of 9", () => {
    const fill = fillJourney(twoQuestions(8, NEGATIVE, POSITIVE), { minN: 8, minThoughtN: 9 });
    const t = thoughts(fill, 0);
    expect(t.status).toBe("insufficient");
    expect(t.n).toBe(8);
  });

  it("counts people in n, theme counts and tone shares", () => {
    const fees = [
      "The hidden fees were a nasty surprise at the checkout.",
      "Nobody explained the booking fees before I paid.",
    ];
    const delays = ["The delivery was delayed by a week.", "Delivery took far too long to arrive."];
    const fill = fillJourney(twoQuestions(12, fees, delays), { minN: 12 });
    const t = thoughts(fill, 0);
    if (t.status !== "ok") throw new Error("thoughts should be ok");
    expect(t.n).toBe(12);
    expect(t.respondents).toBe(12);
    expect(t.answers).toBe(24);
    // Every respondent wrote about fees in one answer and delivery in the other: both are the
    // cell's subject for all 12 people (shares of people never pass 100 %).
    for (const theme of t.themes) expect(theme.count).toBeLessThanOrEqual(12);
    const subjects = [...(t.topic ?? []).map((x) => x.label), ...t.themes.map((x) => x.label)];
    expect(subjects.join(" ")).toMatch(/fee/);
    expect(subjects.join(" ")).toMatch(/delivery/);
    if (t.tone?.status !== "ok") throw new Error("tone should be ok");
    expect(t.tone.n).toBe(12);
    expect(t.tone.negative.count + t.tone.neutral.count + t.tone.positive.count).toBe(12);
  });

  it("leaves placeholders for no answer out of counts and quotes", () => {
    const fill = fillJourney(textInput(10, 0, ["NA", "n/a", ...NEGATIVE, ...POSITIVE]), {
      minN: 8,
    });
    const t = thoughts(fill, 0);
    if (t.status !== "ok") throw new Error("thoughts should be ok");
    expect(t.n).toBe(8);
    const all = [...t.quotes, ...t.themes.flatMap((th) => th.quotes)];
    for (const q of all) expect(["NA", "n/a"]).not.toContain(q.text);
  });
});

describe("tone is shown for English only", () => {
  const GERMAN = [
    "Die Lieferung war sehr langsam und der Fahrer war unfreundlich.",
    "Ich bin mit dem Service nicht zufrieden.",
    "Das Personal war freundlich, aber die Wartezeit war zu lang.",
    "Die Gebühren wurden mir nicht erklärt.",
  ];

  it("reads German answers as German and English ones as English", () => {
    for (const t of GERMAN) expect([t, textLanguage(t)]).toEqual([t, "de"]);
    for (const t of [...NEGATIVE, ...POSITIVE]) expect(textLanguage(t)).not.toBe("de");
  });

  it("gives a German cell no tone and says why, while its themes and quotes stay", () => {
    const fill = fillJourney(textInput(8, 2, GERMAN), { minN: 8 });
    const t = thoughts(fill, 0);
    if (t.status !== "ok") throw new Error("thoughts should be ok");
    expect(t.tone?.status).toBe("insufficient");
    expect(t.tone?.status === "insufficient" && t.tone.reason).toMatch(
      /English text only: 8 of 8 respondents here wrote in German/,
    );
    expect(t.disagreement).toBe(false);
    expect(t.quotes.length).toBeGreaterThan(0);
  });

  it("leaves German writers out of an English cell's tone shares", () => {
    const fill = fillJourney(textInput(12, 0, [...NEGATIVE, ...NEGATIVE, ...GERMAN]), {
      minN: 8,
    });
    const t = thoughts(fill, 0);
    if (t.status !== "ok" || t.tone?.status !== "ok") throw new Error("tone should be ok");
    expect(t.tone.n).toBe(8);
    expect(t.tone.otherLanguage).toBe(4);
    expect(t.tone.lean).toBe("negative");
  });
});
