// Direction words agree with the numbers shown next to them. An ordinal trait is tested on ranks
// (Cliff's δ), and its means can point the other way: [4,4,4,1,1] vs [3,3,3,3,3] has δ = 0.2
// ("higher") but means 2.80 vs 3.00. Its text therefore leads with the chance of a higher answer
// (60 %), the statistic the direction comes from, and gives the means as context.
import { describe, expect, it } from "vitest";
import { profilePersonas } from "~/server/analysis/profile";
import type { Trait } from "~/server/analysis/result";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";
import {
  chanceOfDirection,
  comparison,
  directionLabel,
  insufficientText,
  traitPhrase,
  traitSummary,
} from "~/server/analysis/trait-text";

function traitsFor(question: QuestionDefinition, persona: unknown[], rest: unknown[]): Trait[] {
  const values = [...persona, ...rest];
  const responses: SurveyResponse[] = values.map((v, i) => ({
    id: `r${i}`,
    answers: { [question.id]: v as number },
  }));
  return profilePersonas(
    {
      questions: [question],
      responses,
      assignments: values.map((_, i) => (i < persona.length ? 0 : 1)),
      k: 2,
    },
    { minGroupN: 2 },
  ).personas.flatMap((p) => p.traits);
}

const rating: QuestionDefinition = {
  id: "comfort",
  label: "Seat comfort",
  role: "OTHER",
  kind: "ordinal",
  min: 1,
  max: 5,
};

describe("ordinal traits read as the chance of a higher answer", () => {
  const [mixed, steady] = traitsFor(rating, [4, 4, 4, 1, 1], [3, 3, 3, 3, 3]);

  it("takes the direction from Cliff's δ although the mean is lower", () => {
    expect(mixed?.effect.value).toBeCloseTo(0.2, 12);
    expect(mixed?.direction).toBe("higher");
    expect(mixed?.personaValue).toBeCloseTo(2.8, 12);
    expect(chanceOfDirection(mixed as Trait)).toBeCloseTo(0.6, 12);
  });

  it("shows the compared statistic first, in agreement with the direction word", () => {
    expect(comparison(mixed as Trait)).toBe(
      "60 % chance of a higher answer; means 2.80 vs 3.00 on 1–5",
    );
    expect(traitPhrase(mixed as Trait)).toBe(
      "rate “Seat comfort” higher than others (60 % chance of a higher answer; means 2.80 vs 3.00 on 1–5)",
    );
    expect(directionLabel(mixed as Trait)).toBe("↑ 60 % chance of a higher answer");
    // The mirror persona: lower, with the chance of a lower answer (also 60 %).
    expect(steady?.direction).toBe("lower");
    expect(comparison(steady as Trait)).toMatch(/^60 % chance of a lower answer; means 3.00 vs/);
    expect(traitSummary(steady as Trait)).toMatch(/^Seat comfort ↓ 60 % chance of a lower answer/);
  });

  it("never pairs a direction with a chance below one half", () => {
    const many = traitsFor(rating, [1, 2, 5, 5, 3, 2, 4], [3, 3, 4, 2, 1, 5, 5, 4]);
    for (const t of many) {
      if (t.direction === "equal") continue;
      expect(chanceOfDirection(t)).toBeGreaterThan(0.5);
      expect(comparison(t)).toContain(`chance of a ${t.direction} answer`);
    }
  });
});

describe("other traits", () => {
  it("keep means for numeric questions and say 'insufficient evidence' below the minimum n", () => {
    const [t] = traitsFor(
      { id: "spend", label: "Spend", role: "OTHER", kind: "numeric" },
      [10, 12, 14],
      [5, 6, 7, 8],
    );
    expect(comparison(t as Trait)).toBe("12.0 vs 6.50");
    expect(directionLabel(t as Trait)).toBe("↑ higher");
    expect(insufficientText(t as Trait)).toBeNull();
    const below = { ...(t as Trait), insufficient: true as const, distinguishing: false };
    expect(insufficientText(below)).toBe("insufficient evidence (n = 3 / 4)");
    expect(traitSummary(below)).toMatch(/, insufficient evidence \(n = 3 \/ 4\)$/);
  });
});
