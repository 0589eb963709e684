// The builder sends persona wording that fits the question: scale ends for scales, phrases of
// existing options for choice questions, nothing for text, and no empty rows.
import { describe, expect, it } from "vitest";
import {
  cleanPersona,
  newQuestion,
} from "~/app/(studio)/w/[workspaceId]/surveys/[surveyId]/builder-state";

describe("cleanPersona", () => {
  it("keeps scale ends with words and drops empty ones", () => {
    const q = {
      ...newQuestion("LIKERT", 0, [], "u1"),
      persona: {
        high: { phrase: " hunts for the best price ", title: "Price Hunter" },
        low: { phrase: "", title: "  " },
      },
    };
    expect(cleanPersona(q)).toEqual({
      high: { phrase: "hunts for the best price", title: "Price Hunter" },
    });
  });

  it("keeps phrases of options the question still has, and nothing for text questions", () => {
    const choice = newQuestion("SINGLE_CHOICE", 0, [], "u2");
    const [first] = choice.options;
    const q = {
      ...choice,
      persona: {
        options: {
          [first?.value ?? ""]: { phrase: "pays for convenience", title: "" },
          removed_option: { phrase: "is gone", title: "" },
        },
        high: { phrase: "not for choices", title: "" },
      },
    };
    expect(cleanPersona(q)).toEqual({
      options: { [first?.value ?? ""]: { phrase: "pays for convenience", title: "" } },
    });
    const text = { ...newQuestion("LONG_TEXT", 0, [], "u3"), persona: q.persona };
    expect(cleanPersona(text)).toBeNull();
    expect(cleanPersona(newQuestion("LIKERT", 0, [], "u4"))).toBeNull();
  });
});
