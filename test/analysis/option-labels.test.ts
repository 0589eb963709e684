// Options read as respondents saw them: the survey's label where one exists, a readable form of
// the stored key otherwise; traits and map columns carry the label, ids keep the key.
import { describe, expect, it } from "vitest";
import {
  labelColumns,
  labelTraits,
  optionLabel,
  readableKey,
} from "~/server/analysis/option-labels";
import { profilePersonas } from "~/server/analysis/profile";
import type { QuestionDefinition } from "~/server/analysis/survey";

const WORK: QuestionDefinition = {
  id: "work",
  label: "Work",
  role: "DEMOGRAPHIC",
  kind: "categorical",
  options: ["self_employed", "employee"],
  optionLabels: { self_employed: "Self-employed", employee: "Employee" },
};

describe("readableKey and optionLabel", () => {
  it("turns keys from bare data into words and leaves labels alone", () => {
    expect(readableKey("in_person")).toBe("in person");
    expect(readableKey("Don_t_know")).toBe("Don't know");
    expect(readableKey("More_than_1000")).toBe("More than 1000");
    expect(readableKey("Self-employed")).toBe("Self-employed");
  });

  it("prefers the survey's label over the key", () => {
    expect(optionLabel(WORK, "self_employed")).toBe("Self-employed");
    expect(optionLabel(undefined, "self_employed")).toBe("self employed");
  });
});

describe("labelTraits and labelColumns", () => {
  it("labels share traits and columns, keeping the key in ids and options", () => {
    const responses = Array.from({ length: 40 }, (_, i) => ({
      id: `r${i}`,
      // Mostly self-employed in the first group, mostly employed in the second.
      answers: { work: i < 20 !== (i % 5 === 0) ? "self_employed" : "employee" },
    }));
    const assignments = responses.map((_, i) => (i < 20 ? 0 : 1));
    const { personas } = profilePersonas({ questions: [WORK], responses, assignments, k: 2 });
    const traits = labelTraits(personas[0]?.traits ?? [], [WORK]);
    const self = traits.find((t) => t.option === "self_employed");
    expect(self).toMatchObject({
      id: "p0:work=self_employed",
      optionLabel: "Self-employed",
      label: "Work: Self-employed",
    });
    const columns = labelColumns(
      [
        { questionId: "work", label: "Work: self_employed", option: "self_employed" },
        { questionId: "age", label: "Age" },
      ],
      [WORK],
    );
    expect(columns.map((c) => c.label)).toEqual(["Work: Self-employed", "Age"]);
  });
});
