// "What they say" on a public share page: themes, tone and quote texts stay, the quotes' response
// ids do not leave through the link (the share page shows no member or response ids).
import { describe, expect, it } from "vitest";
import type { TextQuestionSummary } from "~/server/analysis/result";
import { sharedTexts } from "~/server/features/personas/persona-view";

const question: TextQuestionSummary = {
  questionId: "why",
  questionLabel: "Why did you choose us?",
  role: "THOUGHT",
  n: 12,
  insufficient: false,
  note: null,
  topic: [],
  themes: [
    {
      label: "hidden fees",
      phrases: ["hidden fees"],
      n: 5,
      share: 5 / 12,
      lower: 0.19,
      upper: 0.68,
      quotes: [
        { responseId: "resp-secret-1", text: "The hidden fees were a shock at checkout." },
        { responseId: "resp-secret-2", text: "No hidden fees, unlike the others." },
      ],
    },
  ],
  unthemed: 4,
  tone: null,
  toneNote: "Tone is shown for English answers only.",
  otherLanguage: 0,
};

describe("sharedTexts", () => {
  it("keeps themes and quote texts but drops the response ids", () => {
    const shared = sharedTexts([question]);
    expect(shared[0]?.themes[0]?.label).toBe("hidden fees");
    expect(shared[0]?.themes[0]?.n).toBe(5);
    expect(shared[0]?.themes[0]?.quotes).toEqual([
      { text: "The hidden fees were a shock at checkout." },
      { text: "No hidden fees, unlike the others." },
    ]);
    expect(JSON.stringify(shared)).not.toContain("resp-secret");
  });

  it("is empty for runs stored before texts existed", () => {
    expect(sharedTexts(undefined)).toEqual([]);
  });
});
